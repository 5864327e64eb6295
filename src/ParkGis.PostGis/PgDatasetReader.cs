using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.IO.Formats;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// Reads a pg: dataset into the same <see cref="Dataset"/> model as a folder: one layer per role table (see
/// <see cref="PgCatalog"/>), geometry read in PostGIS binary form by Npgsql.NetTopologySuite and streamed row by row,
/// every other column an attribute under its column name (date → DateOnly, numeric → decimal, text as stored; a date or
/// time .NET cannot hold as its text, <see cref="PgTimeValues"/>),
/// features ordered by the single-column primary key when there is one. Feature ids follow the file rules
/// (<c>park_id</c>, <c>parcel_id</c>, … through the field mapping; duplicates suffixed <c>#2</c>).
/// </summary>
public static class PgDatasetReader
{
    /// <summary>The format name layers read from the database carry.</summary>
    public const string FormatName = "PostGIS";

    /// <summary>Reads every layer table of the dataset.</summary>
    /// <exception cref="UnusableInputException">The database cannot be used (PG05xx) or a table is unusable.</exception>
    public static Dataset Read(PgDatasetName name, IProgress<string>? progress = null) => ReadContent(name, progress).Dataset;

    /// <summary>
    /// Reads the dataset as a folder delivers it: every layer table, the <c>parkgis_config</c> document (parsed once)
    /// and the <c>parkgis_economics</c> table.
    /// </summary>
    /// <exception cref="UnusableInputException">The database cannot be used (PG05xx) or a table is unusable.</exception>
    /// <param name="name">The dataset.</param>
    /// <param name="progress">Progress lines.</param>
    /// <param name="cancellation">Stops the reading (between rows).</param>
    /// <param name="roles">The layers to read; null for every layer table (the economics table is read either way).</param>
    /// <exception cref="OperationCanceledException">The run was cancelled; the statement running was cancelled in the server.</exception>
    public static DatasetContent ReadContent(
        PgDatasetName name, IProgress<string>? progress = null, CancellationToken cancellation = default, IReadOnlyCollection<LayerRole>? roles = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var connection = PgSession.Open(name, cancellation);
        try
        {
            var layers = new Dictionary<LayerRole, Layer>();
            var issues = new List<DataIssue>();
            var configuration = PgCatalog.ReadConfiguration(connection, name);
            foreach (var table in PgCatalog.Discover(connection, name, configuration).Where(t => roles is null || roles.Contains(t.Role)))
            {
                var layer = ReadLayer(connection, table, issues, cancellation);
                layers.Add(layer.Role, layer);
                progress?.Report(Localized.Format("ProgressReadTable", LayerRoles.Name(layer.Role), layer.Source, layer.Features.Count, FormatName, layer.Crs.Code));
            }

            var economics = PgEconomicsTable.Read(connection, name.Schema, cancellation);
            return new DatasetContent(new Dataset(name.DisplayName, layers, issues), configuration, () => economics);
        }
        catch (Exception exception) when (PgSession.IsDatabaseFailure(exception))
        {
            throw PgSession.Failure(exception, name, cancellation, PgSession.RunStage.Working, Localized.Get("ReadingTheDataset"));
        }
    }

    private static Layer ReadLayer(NpgsqlConnection connection, PgLayerTable table, List<DataIssue> issues, CancellationToken cancellation)
    {
        using var command = new NpgsqlCommand($"SELECT * FROM {table.QualifiedName}{table.OrderBy}", connection);
        using var reader = PgSession.Reader(command, cancellation, System.Data.CommandBehavior.SequentialAccess);
        var geometryOrdinal = reader.GetOrdinal(table.GeometryColumn);
        var attributeOrdinals = new List<int>();
        var names = new List<string>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i == geometryOrdinal || (table.OrderColumn is { } key && string.Equals(reader.GetName(i), key, StringComparison.Ordinal)
                && string.Equals(key, PgDatasetImporter.KeyColumn, StringComparison.Ordinal)))
            {
                continue;
            }

            attributeOrdinals.Add(i);
            names.Add(table.AttributeOf(reader.GetName(i)));
        }

        var schema = new AttributeSchema(names);
        var dataTypes = attributeOrdinals.Select(reader.GetDataTypeName).ToArray();
        var empty = new GeometryFactory(new PrecisionModel(), table.Crs.Epsg).CreateGeometryCollection();
        var features = new List<SourceFeature>();
        var ordinal = 0;
        while (reader.Read())
        {
            if ((ordinal & 255) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            ordinal++;
            var values = new object?[attributeOrdinals.Count];
            Geometry? geometry = null;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                if (i == geometryOrdinal)
                {
                    geometry = reader.GetFieldValue<Geometry>(i);
                    continue;
                }

                var slot = attributeOrdinals.IndexOf(i);
                if (slot >= 0)
                {
                    values[slot] = PgTimeValues.Read(reader, i, dataTypes[slot]);
                }
            }

            features.Add(new SourceFeature(ordinal, geometry ?? empty, new AttributeRow(schema, values)));
        }

        CoordinatePlausibility.Check(table.Source, table.Crs, features);
        var fieldMap = table.FieldMap;
        var withIds = FeatureIdAssigner.Assign(table.Role, table.Source, features, fieldMap, issues);
        return new Layer(table.Role, table.Source, FormatName, table.Crs, withIds, fieldMap);
    }
}
