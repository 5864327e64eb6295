using System.Globalization;
using System.Text;
using Npgsql;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// Finds the layer tables of a pg: dataset: every table of the schema listed in <c>geometry_columns</c> whose name
/// is a role name or alias (<see cref="LayerRoles.TryParse"/>), or that the schema's <c>parkgis_config</c> table maps
/// to a role. The mapping is the parkgis.json document of file datasets, stored as text in
/// <c>parkgis_config(document)</c>: <c>source</c> names a table of the schema, <c>fields</c> and <c>crs</c> mean
/// what they mean for files; <c>layer</c> is not used.
/// </summary>
internal static class PgCatalog
{
    /// <summary>The configuration table's name.</summary>
    public const string ConfigurationTable = "parkgis_config";

    /// <summary>Finds the layer tables.</summary>
    public static IReadOnlyList<PgLayerTable> Discover(NpgsqlConnection connection, PgDatasetName name) =>
        Discover(connection, name, ReadConfiguration(connection, name));

    /// <summary>Finds the layer tables with the dataset's configuration already read (<see cref="ReadConfiguration"/>).</summary>
    public static IReadOnlyList<PgLayerTable> Discover(NpgsqlConnection connection, PgDatasetName name, ParkGisConfiguration? configuration)
    {
        if (!SchemaExists(connection, name.Schema))
        {
            throw new UnusableInputException(ErrorCodes.DatabaseObjectMissing,
                Localized.Format("SchemaMissing", name.Schema), name.DisplayName,
                hint: Localized.Get("SchemaMissingHint"));
        }

        var columns = new List<(string Table, string Column, int Srid)>();
        using (var command = new NpgsqlCommand(
            "SELECT f_table_name::text, f_geometry_column::text, srid FROM geometry_columns WHERE f_table_schema = $1 ORDER BY 1, 2", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = name.Schema });
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }

        var claims = new Dictionary<LayerRole, List<string>>();
        foreach (var table in columns.Select(c => c.Table).Distinct(StringComparer.Ordinal))
        {
            LayerRole? role = null;
            foreach (var (configured, layer) in configuration?.Layers ?? new Dictionary<LayerRole, LayerConfiguration>())
            {
                if (string.Equals(layer.Source, table, StringComparison.Ordinal))
                {
                    role = configured;
                }
            }

            if (role is null && LayerRoles.TryParse(table, out var byName) && configuration?.For(byName)?.Source is null)
            {
                role = byName;
            }

            if (role is { } found)
            {
                (claims.TryGetValue(found, out var list) ? list : claims[found] = []).Add(table);
            }
        }

        foreach (var (role, layer) in configuration?.Layers ?? new Dictionary<LayerRole, LayerConfiguration>())
        {
            if (layer.Source is { } source && !claims.ContainsKey(role))
            {
                PgIdentifier.Validate(source, "table");
                throw new UnusableInputException(ErrorCodes.InvalidConfiguration,
                    Localized.Format("ConfigTableNoGeometry", ConfigurationTable, LayerRoles.Name(role), source, name.Schema),
                    name.DisplayName, hint: Localized.Get("ConfigTableNoGeometryHint"));
            }
        }

        var renamed = PgColumnNames.Read(connection, name.Schema);
        var tables = new List<PgLayerTable>();
        foreach (var role in LayerRoles.All)
        {
            if (!claims.TryGetValue(role, out var list))
            {
                continue;
            }

            if (list.Count > 1)
            {
                throw new UnusableInputException(ErrorCodes.DuplicateRole,
                    Localized.Format("TwoTablesOneRole", LayerRoles.Name(role), string.Join(" and ", list)), name.DisplayName,
                    hint: Localized.Get("TwoTablesOneRoleHint"));
            }

            var table = PgIdentifier.Validate(list[0], "table");
            var geometry = columns.Where(c => string.Equals(c.Table, table, StringComparison.Ordinal)).ToList();
            if (geometry.Count > 1)
            {
                throw new UnusableInputException(ErrorCodes.UnreadableInput,
                    Localized.Format("TableGeometryColumns", name.Schema, table, geometry.Count), name.DisplayName,
                    hint: Localized.Get("TableGeometryColumnsHint"));
            }

            var layerConfiguration = configuration?.For(role);
            var crs = Crs(geometry[0].Srid, layerConfiguration?.CrsEpsg ?? (geometry[0].Srid == 0 ? configuration?.DefaultCrsEpsg : null), $"{name.Schema}.{table}");
            tables.Add(new PgLayerTable(role, name.Schema, table, geometry[0].Column, crs, PrimaryKey(connection, name.Schema, table),
                layerConfiguration?.Fields ?? new Dictionary<string, string>(StringComparer.Ordinal))
            {
                RenamedColumns = renamed.TryGetValue(table, out var renamedColumns) ? renamedColumns : new Dictionary<string, string>(StringComparer.Ordinal),
                Shards = ForeignPartitions(connection, name.Schema, table),
            });
        }

        return tables;
    }

    private static bool SchemaExists(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_namespace WHERE nspname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return command.ExecuteScalar() is not null;
    }

    /// <summary>The dataset's parkgis.json document from <c>parkgis_config</c>, parsed; null when the schema has none.</summary>
    public static ParkGisConfiguration? ReadConfiguration(NpgsqlConnection connection, PgDatasetName name)
    {
        if (!TableExists(connection, name.Schema, ConfigurationTable))
        {
            return null;
        }

        using var command = new NpgsqlCommand($"SELECT document::text FROM {PgIdentifier.Qualified(name.Schema, ConfigurationTable)} LIMIT 2", connection);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var text = reader.GetString(0);
        if (reader.Read())
        {
            throw new UnusableInputException(ErrorCodes.InvalidConfiguration, Localized.Format("ConfigTableRows", ConfigurationTable), name.DisplayName,
                hint: Localized.Get("ConfigTableRowsHint"));
        }

        return ParkGisConfiguration.Parse(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Whether <paramref name="schema"/>.<paramref name="table"/> exists.</summary>
    public static bool TableExists(NpgsqlConnection connection, string schema, string table)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = schema });
        exists.Parameters.Add(new NpgsqlParameter { Value = table });
        return exists.ExecuteScalar() is true;
    }

    private static string? PrimaryKey(NpgsqlConnection connection, string schema, string table)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT a.attname::text
            FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = to_regclass(format('%I.%I', $1::text, $2::text)) AND i.indisprimary
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var keys = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        if (keys.Count == 0 && ForeignPartitions(connection, schema, table).Count > 0)
        {
            keys.Add(PgDatasetImporter.KeyColumn); // a sharded table: partitioned tables over foreign tables hold no primary key
        }

        return keys.Count == 1 ? keys[0] : null;
    }

    /// <summary>
    /// The partitions of a table partitioned over postgres_fdw foreign tables (<see cref="PgShardedImporter"/>), in
    /// server order; empty for an ordinary table or one with any local partition.
    /// </summary>
    private static IReadOnlyList<PgShard> ForeignPartitions(NpgsqlConnection connection, string schema, string table)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT n.nspname::text, c.relname::text, s.srvname::text, c.relkind = 'f'
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_foreign_table f ON f.ftrelid = c.oid LEFT JOIN pg_foreign_server s ON s.oid = f.ftserver
            WHERE i.inhparent = to_regclass(format('%I.%I', $1::text, $2::text))
            ORDER BY s.srvname, n.nspname, c.relname
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var shards = new List<PgShard>();
        var allForeign = true;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            allForeign &= reader.GetBoolean(3);
            shards.Add(new PgShard(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? string.Empty : reader.GetString(2)));
        }

        return allForeign ? shards : [];
    }

    private static CrsDefinition Crs(int srid, int? configured, string source)
    {
        var epsg = configured ?? srid;
        if (epsg == 0)
        {
            throw new UnusableInputException(ErrorCodes.MissingCrs, Localized.Format("SridZero", source), source,
                hint: Localized.Get("SridZeroHint"));
        }

        return CrsRegistry.FromEpsg(epsg) ?? throw new UnusableInputException(ErrorCodes.UnsupportedCrs,
            Localized.Format("SridUnsupported", epsg, source), source,
            hint: Localized.Get("SridUnsupportedHint"));
    }
}
