using System.Globalization;
using System.Runtime.ExceptionServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using Npgsql;
using NpgsqlTypes;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.IO.Configuration;
using ParkGis.IO.Datasets;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// Copies a dataset into a PostGIS schema, one table per layer named by its role (<c>parks</c>,
/// <c>ecological_redline</c>, …): an integer primary key <c>ogc_fid</c> (the feature's position, so the order
/// survives), every attribute as a column under its own name (text stays UTF-8, so Chinese survives) — or, where
/// PostgreSQL cannot hold that name, under one <see cref="PgColumnNames"/> gives and records — the geometry in
/// <c>geom geometry(Geometry, SRID)</c> with the layer's SRID (x/y only), written by binary COPY; then a GiST index and
/// ANALYZE. The field mapping of parkgis.json goes to <c>parkgis_config</c>. Everything happens in one
/// transaction: a failure — or a dropped connection — leaves the schema as it was.
/// </summary>
/// <remarks>
/// The server's bulk-load machinery, none of which changes what the tables hold: each table is created in the import's
/// transaction, so its rows are copied in frozen (<c>COPY … FREEZE</c>: no hint bits to set on the first read, ANALYZE's
/// included); large values (the red line's polygons) are TOAST-compressed with lz4 where the server offers it instead
/// of pglz, which spends most of a COPY of incompressible coordinates trying (docs/decisions.md).
/// </remarks>
public static class PgDatasetImporter
{
    /// <summary>The primary key column added to every imported table.</summary>
    public const string KeyColumn = "ogc_fid";

    /// <summary>The geometry column of imported tables.</summary>
    public const string GeometryColumn = "geom";

    /// <summary>The comment on every layer table the import writes: a later import with <c>--overwrite</c> drops those its dataset lacks.</summary>
    private const string ImportMark = "written by parkgis import";

    /// <summary>Imports the dataset.</summary>
    /// <param name="dataset">The dataset, as read from files.</param>
    /// <param name="target">Database and schema.</param>
    /// <param name="overwrite">Replace tables that exist already; without it an existing table is PG0507.</param>
    /// <param name="progress">Receives one line before each table is copied; may be null.</param>
    /// <exception cref="UnusableInputException">The database cannot be used, or a table exists and <paramref name="overwrite"/> is false.</exception>
    public static IReadOnlyList<ImportedTable> Import(Dataset dataset, PgDatasetName target, bool overwrite, IProgress<string>? progress = null) =>
        Import(new DatasetContent(dataset ?? throw new ArgumentNullException(nameof(dataset)), null, () => null), target, overwrite, progress);

    /// <summary>
    /// Imports the dataset with its settings (parkgis.json: field mappings, parks, land-use code list, into
    /// <c>parkgis_config</c>) and its economics table (into <c>parkgis_economics</c>), so that every command gives the
    /// same figures on the schema as on the folder.
    /// </summary>
    /// <param name="content">The dataset as read from its source.</param>
    /// <param name="target">Database and schema.</param>
    /// <param name="overwrite">Replace tables that exist already; without it an existing table is PG0507.</param>
    /// <param name="progress">Receives one line before each table is copied; may be null.</param>
    /// <param name="cancellation">Stops the import; the transaction is rolled back.</param>
    /// <param name="beforeCommit">
    /// Called with the tables written, once everything is written and before the commit (the command prints them there,
    /// so that a stdout that fails rolls the import back); what it throws rolls the import back and comes out as itself.
    /// </param>
    /// <exception cref="UnusableInputException">The database cannot be used, or a table exists and <paramref name="overwrite"/> is false.</exception>
    public static IReadOnlyList<ImportedTable> Import(
        DatasetContent content, PgDatasetName target, bool overwrite, IProgress<string>? progress = null, CancellationToken cancellation = default,
        Action<IReadOnlyList<ImportedTable>>? beforeCommit = null) =>
        Import(content, target, overwrite, progress, cancellation, columnsFrom: null, beforeCommit is null ? null : (_, tables) => beforeCommit(tables));

    /// <summary>
    /// <see cref="Import(DatasetContent, PgDatasetName, bool, IProgress{string}?, CancellationToken)"/> with each layer's columns
    /// and their types taken from <paramref name="columnsFrom"/> (the whole layer when the content holds one shard's share of
    /// it), so that every shard's table has the same columns as the coordinator's partitioned table; <paramref name="beforeCommit"/>
    /// also gets the connection whose transaction is about to commit, for more work in it.
    /// </summary>
    internal static IReadOnlyList<ImportedTable> Import(
        DatasetContent content, PgDatasetName target, bool overwrite, IProgress<string>? progress, CancellationToken cancellation,
        IReadOnlyDictionary<LayerRole, Layer>? columnsFrom, Action<NpgsqlConnection, IReadOnlyList<ImportedTable>>? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(target);
        // The economics table is read while the layers are copied (it is the longest read left when the import begins).
        var economicsRead = Task.Run(content.ReadEconomics, CancellationToken.None);
        try
        {
            return Import(content.Dataset, content.Configuration, economicsRead, target, overwrite, progress, cancellation, columnsFrom, beforeCommit);
        }
        catch (Exception) when (!cancellation.IsCancellationRequested && ReadFailure(economicsRead) is { } readFailure)
        {
            // The table was once read before anything else: its failure is still the one reported, whatever else failed.
            ExceptionDispatchInfo.Throw(readFailure);
            throw;
        }
    }

    /// <summary>The exception of a failed read of the economics table, once it has ended; null when it succeeded.</summary>
    private static Exception? ReadFailure(Task<EconomicsTable?> read)
    {
        ((IAsyncResult)read).AsyncWaitHandle.WaitOne();
        return read.IsFaulted ? read.Exception!.InnerException : null;
    }

    private static IReadOnlyList<ImportedTable> Import(
        Dataset dataset, ParkGisConfiguration? settings, Task<EconomicsTable?> economicsRead, PgDatasetName target, bool overwrite, IProgress<string>? progress,
        CancellationToken cancellation, IReadOnlyDictionary<LayerRole, Layer>? columnsFrom, Action<NpgsqlConnection, IReadOnlyList<ImportedTable>>? beforeCommit)
    {
        using var connection = PgSession.Open(target, cancellation);
        var committing = false;
        try
        {
            using var transaction = connection.BeginTransaction();
            CompressLargeValuesWithLz4(connection);
            var schema = PgIdentifier.Quote(target.Schema, "schema");
            Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}");
            var layers = LayerRoles.All.Select(dataset.Find).OfType<Layer>().ToList();
            var configuration = PgDatasetSettings.Document(layers, settings);
            var names = layers.Select(l => LayerRoles.Name(l.Role)).ToList();
            if (configuration is not null)
            {
                names.Add(PgCatalog.ConfigurationTable);
            }

            ClearTables(connection, target, names, overwrite);

            var renamed = new Dictionary<string, IReadOnlyList<(string Column, string Attribute)>>(StringComparer.Ordinal);
            // Tables of an earlier import that this dataset does not have would be read with it as one dataset.
            foreach (var stale in EarlierImportTables(connection, target.Schema).Except(names, StringComparer.Ordinal))
            {
                ClearTables(connection, target, [stale], overwrite);
                renamed[stale] = [];
            }

            var imported = new List<ImportedTable>();
            foreach (var layer in layers)
            {
                progress?.Report(Localized.Format("ProgressCopyingLayer", LayerRoles.Name(layer.Role), layer.Features.Count, target.Schema));
                var (table, columns) = CopyLayer(connection, target.Schema, layer, columnsFrom?.GetValueOrDefault(layer.Role) ?? layer, cancellation);
                imported.Add(table);
                renamed[table.Role] = [.. columns.Where(c => !string.Equals(c.Name, c.Attribute, StringComparison.Ordinal)).Select(c => (c.Name, c.Attribute))];
            }

            var economics = economicsRead.GetAwaiter().GetResult();
            // Without a table of its own, the dataset must not be read with an earlier import's.
            ClearTables(connection, target, [PgEconomicsTable.TableName], overwrite);
            if (economics is not null)
            {
                progress?.Report(Localized.Format("ProgressCopyingEconomics", economics.Rows.Count, target.Schema));
                PgEconomicsTable.Write(connection, target.Schema, economics, cancellation);
            }

            PgColumnNames.Write(connection, target.Schema, renamed);

            if (configuration is not null)
            {
                var table = PgIdentifier.Qualified(target.Schema, PgCatalog.ConfigurationTable);
                Execute(connection, $"CREATE TABLE {table} (document text NOT NULL)");
                using var insert = new NpgsqlCommand($"INSERT INTO {table} (document) VALUES ($1)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = configuration });
                PgSession.Execute(insert, cancellation);
            }

            foreach (var layer in layers)
            {
                Execute(connection, $"ANALYZE {PgIdentifier.Qualified(target.Schema, LayerRoles.Name(layer.Role))}");
            }

            beforeCommit?.Invoke(connection, imported);
            cancellation.ThrowIfCancellationRequested();
            committing = true;
            transaction.Commit();
            return imported;
        }
        catch (Exception exception) when (PgSession.IsDatabaseFailure(exception))
        {
            throw PgSession.Failure(exception, target, cancellation, committing ? PgSession.RunStage.Committing : PgSession.RunStage.Working, Localized.Get("TheImport"));
        }
    }

    /// <summary>Drops those of <paramref name="tables"/> that exist; without <paramref name="overwrite"/> an existing one is PG0507.</summary>
    private static void ClearTables(NpgsqlConnection connection, PgDatasetName target, IEnumerable<string> tables, bool overwrite)
    {
        foreach (var table in tables)
        {
            if (!TableExists(connection, target.Schema, table))
            {
                continue;
            }

            if (!overwrite)
            {
                throw new UnusableInputException(ErrorCodes.TableExists,
                    Localized.Format("TableExists", target.Schema, table), target.DisplayName,
                    hint: Localized.Get("TableExistsHint"));
            }

            Execute(connection, $"DROP TABLE {PgIdentifier.Qualified(target.Schema, table)}");
        }
    }

    private static (ImportedTable Table, List<ImportColumn> Columns) CopyLayer(NpgsqlConnection connection, string schemaName, Layer layer, Layer columnsFrom, CancellationToken cancellation)
    {
        var tableName = LayerRoles.Name(layer.Role);
        var table = PgIdentifier.Qualified(schemaName, tableName);
        var srid = layer.Crs.Epsg;
        var columns = Columns(columnsFrom);
        var definitions = new List<string> { $"{KeyColumn} integer PRIMARY KEY" };
        definitions.AddRange(columns.Select(c => $"{PgIdentifier.QuoteColumn(c.Name)} {c.SqlType}"));
        definitions.Add(string.Create(CultureInfo.InvariantCulture, $"{GeometryColumn} geometry(Geometry, {srid})"));
        Execute(connection, $"CREATE TABLE {table} ({string.Join(", ", definitions)})");
        Execute(connection, $"COMMENT ON TABLE {table} IS '{ImportMark}'");

        var columnList = string.Join(", ", new[] { KeyColumn }.Concat(columns.Select(c => PgIdentifier.QuoteColumn(c.Name))).Append(GeometryColumn));
        long rows = 0;
        using (var writer = connection.BeginBinaryImport($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY, FREEZE)"))
        {
            foreach (var feature in layer.Features)
            {
                if ((rows & 255) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }

                writer.StartRow();
                writer.Write(feature.Ordinal, NpgsqlDbType.Integer);
                foreach (var column in columns)
                {
                    var value = feature.Attributes.TryGetValue(column.Attribute, out var v) ? v : null;
                    if (value is null)
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        WriteValue(writer, column, value);
                    }
                }

                var geometry = feature.Geometry;
                if (geometry is null)
                {
                    writer.WriteNull();
                }
                else
                {
                    // The column's SRID constraint requires the geometry's own SRID; features read from files carry 0. The
                    // column is 2-D: Z or M that reached here (a pg: source with them) is dropped, not refused mid-COPY.
                    if (HasZOrM(geometry))
                    {
                        geometry = Flat(geometry);
                    }

                    if (geometry.SRID != srid)
                    {
                        geometry = geometry.Copy();
                        geometry.SRID = srid;
                    }

                    writer.Write(geometry);
                }

                rows++;
            }

            writer.Complete();
        }

        Execute(connection, $"CREATE INDEX ON {table} USING gist ({GeometryColumn})");
        return (new ImportedTable(tableName, layer.Source, rows, srid), columns);
    }

    private static bool HasZOrM(Geometry geometry)
    {
        var finder = new ZOrMFinder();
        geometry.Apply(finder);
        return finder.Found;
    }

    /// <summary>The geometry with x and y only.</summary>
    private static Geometry Flat(Geometry geometry)
    {
        var sequences = geometry.Factory.CoordinateSequenceFactory;
        return new GeometryEditor(geometry.Factory).Edit(geometry, new GeometryEditor.CoordinateSequenceOperation((sequence, _) =>
        {
            var flat = sequences.Create(sequence.Count, 2, 0);
            for (var i = 0; i < sequence.Count; i++)
            {
                flat.SetX(i, sequence.GetX(i));
                flat.SetY(i, sequence.GetY(i));
            }

            return flat;
        }));
    }

    /// <summary>Whether any coordinate sequence carries Z or M.</summary>
    private sealed class ZOrMFinder : IEntireCoordinateSequenceFilter
    {
        public bool Found { get; private set; }

        public bool Done => Found;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq) => Found |= seq.HasZ || seq.HasM;
    }

    private static void WriteValue(NpgsqlBinaryImporter writer, ImportColumn column, object value)
    {
        switch (column.DbType)
        {
            case NpgsqlDbType.Bigint:
                writer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                break;
            case NpgsqlDbType.Double:
                writer.Write(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                break;
            case NpgsqlDbType.Numeric:
                writer.Write(Convert.ToDecimal(value, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric);
                break;
            case NpgsqlDbType.Boolean:
                writer.Write((bool)value, NpgsqlDbType.Boolean);
                break;
            case NpgsqlDbType.Date:
                writer.Write((DateOnly)value, NpgsqlDbType.Date);
                break;
            case NpgsqlDbType.Timestamp:
                writer.Write((DateTime)value, NpgsqlDbType.Timestamp);
                break;
            case NpgsqlDbType.TimestampTz:
                writer.Write(value is DateTimeOffset offset ? offset.UtcDateTime : ((DateTime)value).ToUniversalTime(), NpgsqlDbType.TimestampTz);
                break;
            case NpgsqlDbType.Bytea:
                writer.Write((byte[])value, NpgsqlDbType.Bytea);
                break;
            default:
                writer.Write(Text(value), NpgsqlDbType.Text);
                break;
        }
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => AttributeText.TimeText(time),
        DateTimeOffset time => AttributeText.TimeText(time),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// The attribute columns in source order, each with the narrowest type all its values fit, named by
    /// <see cref="PgColumnNames"/> (an attribute called <c>ogc_fid</c> or <c>geom</c>, or with a name over 63 bytes, is
    /// kept under another name).
    /// </summary>
    private static List<ImportColumn> Columns(Layer layer)
    {
        var order = new List<string>();
        var kinds = new Dictionary<string, NpgsqlDbType?>(StringComparer.Ordinal);
        foreach (var feature in layer.Features)
        {
            foreach (var (name, value) in feature.Attributes)
            {
                if (!kinds.TryGetValue(name, out var kind))
                {
                    order.Add(name);
                    kind = null;
                }

                kinds[name] = Widen(kind, value);
            }
        }

        var columns = PgColumnNames.For(order, KeyColumn, GeometryColumn);
        return order.Select((name, i) => new ImportColumn(columns[i], name, kinds[name] ?? NpgsqlDbType.Text)).ToList();
    }

    private static NpgsqlDbType? Widen(NpgsqlDbType? current, object? value)
    {
        NpgsqlDbType? kind = value switch
        {
            null => null,
            byte or sbyte or short or ushort or int or uint or long => NpgsqlDbType.Bigint,
            float or double => NpgsqlDbType.Double,
            decimal => NpgsqlDbType.Numeric,
            bool => NpgsqlDbType.Boolean,
            DateOnly => NpgsqlDbType.Date,
            DateTime { Kind: DateTimeKind.Unspecified } => NpgsqlDbType.Timestamp,
            DateTime or DateTimeOffset => NpgsqlDbType.TimestampTz, // an instant (GeoPackage DATETIME is UTC) keeps its zone
            byte[] => NpgsqlDbType.Bytea,
            _ => NpgsqlDbType.Text,
        };
        if (kind is null || current is null || kind == current)
        {
            return kind ?? current;
        }

        return (current, kind) switch
        {
            (NpgsqlDbType.Bigint, NpgsqlDbType.Double) or (NpgsqlDbType.Double, NpgsqlDbType.Bigint) => NpgsqlDbType.Double,
            _ => NpgsqlDbType.Text,
        };
    }

    /// <summary>
    /// The tables an earlier import wrote into <paramref name="schema"/> (but for <c>parkgis_economics</c> and
    /// <c>parkgis_columns</c>, which the import handles itself): its layer tables, marked with <see cref="ImportMark"/>, and
    /// <c>parkgis_config</c>. A layer table from before the mark cannot be told from one the user made, and is left alone.
    /// </summary>
    private static List<string> EarlierImportTables(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND (obj_description(c.oid, 'pg_class') = $2 OR c.relname = $3)
            ORDER BY 1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = ImportMark });
        command.Parameters.Add(new NpgsqlParameter { Value = PgCatalog.ConfigurationTable });
        var tables = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static bool TableExists(NpgsqlConnection connection, string schema, string table)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return command.ExecuteScalar() is true;
    }

    /// <summary>
    /// For the rest of the transaction, TOAST-compresses large values with lz4 when the server was built with it
    /// (PostgreSQL 14 and later); otherwise leaves its default. The columns keep their default compression setting.
    /// </summary>
    private static void CompressLargeValuesWithLz4(NpgsqlConnection connection)
    {
        using var offered = new NpgsqlCommand(
            "SELECT coalesce(bool_or('lz4' = ANY(enumvals)), false) FROM pg_settings WHERE name = 'default_toast_compression'", connection);
        if (offered.ExecuteScalar() is true)
        {
            Execute(connection, "SET LOCAL default_toast_compression = lz4");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A column of an imported table: its name, the attribute it holds and its type.</summary>
    private sealed record ImportColumn(string Name, string Attribute, NpgsqlDbType DbType)
    {
        public string SqlType => DbType switch
        {
            NpgsqlDbType.Bigint => "bigint",
            NpgsqlDbType.Double => "double precision",
            NpgsqlDbType.Numeric => "numeric",
            NpgsqlDbType.Boolean => "boolean",
            NpgsqlDbType.Date => "date",
            NpgsqlDbType.Timestamp => "timestamp",
            NpgsqlDbType.TimestampTz => "timestamptz",
            NpgsqlDbType.Bytea => "bytea",
            _ => "text",
        };
    }
}
