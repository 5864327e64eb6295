using Npgsql;
using NetTopologySuite.Geometries;
using ParkGis.IO.Datasets;
using ParkGis.IO.Formats;

namespace ParkGis.PostGis;

/// <summary>
/// The in-database engine's check that a table's coordinates can be in the CRS its SRID claims — the file readers' rule
/// (<see cref="CoordinatePlausibility"/>, PG0203: degrees under a Gauss-Krüger SRID, swapped axes, absurd values) with
/// the same wording. One aggregate over the stored bounding boxes answers for the whole table; only when its extent
/// fails (the boxes are rounded outwards, so a table right at a limit may) are the geometries read in feature order
/// and the first one that really fails is named.
/// </summary>
internal static class PgCoordinatePlausibility
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Throws PG0203/PG0204 for the first implausible feature of <paramref name="table"/>.</summary>
    public static void Check(NpgsqlConnection connection, PgLayerTable table)
    {
        var column = PgIdentifier.QuoteColumn(table.GeometryColumn);
        Geometry corners;
        using (var extent = new NpgsqlCommand(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent({column}) AS e FROM {Rows(table, column)}) x", connection))
        using (var reader = extent.ExecuteReader())
        {
            if (!reader.Read() || reader.IsDBNull(0))
            {
                return; // no geometry at all
            }

            corners = Factory.CreateMultiPointFromCoords([new(reader.GetDouble(0), reader.GetDouble(1)), new(reader.GetDouble(2), reader.GetDouble(3))]);
        }

        if (Passes(table, corners))
        {
            return;
        }

        using var scan = new NpgsqlCommand($"SELECT {column} FROM {table.QualifiedName}{table.OrderBy}", connection);
        using var rows = scan.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        var ordinal = 0;
        while (rows.Read())
        {
            ordinal++;
            if (!rows.IsDBNull(0))
            {
                CoordinatePlausibility.Check(table.Source, table.Crs, [new SourceFeature(ordinal, rows.GetFieldValue<Geometry>(0), Empty)]);
            }
        }
    }

    /// <summary>The table, or for a sharded table the extent of each shard (computed there) as rows of one geometry column.</summary>
    private static string Rows(PgLayerTable table, string column) => table.Shards.Count == 0
        ? table.QualifiedName
        : "(" + string.Join(" UNION ALL ", table.Shards.Select(s => $"SELECT ST_Extent({column})::geometry AS {column} FROM {s.QualifiedName}")) + ") s";

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private static bool Passes(PgLayerTable table, Geometry corners)
    {
        try
        {
            CoordinatePlausibility.Check(table.Source, table.Crs, [new SourceFeature(1, corners, Empty)]);
            return true;
        }
        catch (ParkGis.Core.Errors.UnusableInputException)
        {
            return false;
        }
    }
}
