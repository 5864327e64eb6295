using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Parks;
using ParkGis.IO.Datasets;

namespace ParkGis.Bench;

/// <summary>
/// In-process read timings: <c>read DATASET [REPEAT] [--check]</c> reads a dataset folder as the commands do
/// (<see cref="DatasetReader.Read"/>; all fields, or with <c>--check</c> only the fields <c>check</c> reads: ids, park
/// names and 旗区); <c>floor GPKG TABLE[,TABLE…] [REPEAT]</c> reads only the geometry blobs of GeoPackage tables into
/// NTS geometries on one thread (the geometry-only floor of ../shared/bench/README.md, there for the parcels alone).
/// Each prints every repeat; the first includes the JIT.
/// </summary>
internal static class ReadBench
{
    /// <summary>The fields <c>check</c> reads (its DatasetScope.ConflictCheck): each layer's id, park names and 旗区.</summary>
    private static readonly IReadOnlyDictionary<LayerRole, IReadOnlyList<string>> CheckFields =
        ConflictCheck.FieldsUsed.Concat(ParkBanners.FieldsUsed).GroupBy(f => f.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(f => f.Value).Distinct(StringComparer.Ordinal).ToList());

    public static int Read(string folder, int repeat, bool checkFieldsOnly)
    {
        for (var r = 0; r < repeat; r++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var data = DatasetReader.Read(folder, onlyFields: checkFieldsOnly ? CheckFields : null);
            var seconds = clock.Elapsed.TotalSeconds;
            var features = LayerRoles.All.Select(data.Find).OfType<Layer>().Sum(l => l.Features.Count);
            var vertices = LayerRoles.All.Select(data.Find).OfType<Layer>().Sum(l => l.Features.Sum(f => (long)(f.Geometry?.NumPoints ?? 0)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {r + 1}: {seconds:0.000} s, {features} features, {vertices} vertices"));
        }

        return 0;
    }

    public static int Floor(string gpkg, string tables, int repeat)
    {
        for (var r = 0; r < repeat; r++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = gpkg, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var reader = new WKBReader();
            var geometries = new List<Geometry>();
            long vertices = 0;
            foreach (var table in tables.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT geom FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                using var rows = command.ExecuteReader();
                while (rows.Read())
                {
                    var blob = (byte[])rows[0];
                    var envelopeBytes = ((blob[3] >> 1) & 7) switch { 0 => 0, 1 => 32, 2 or 3 => 48, 4 => 64, _ => throw new InvalidDataException("bad envelope flag") };
                    var geometry = reader.Read(blob.AsSpan(8 + envelopeBytes).ToArray());
                    vertices += geometry.NumPoints;
                    geometries.Add(geometry);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor {r + 1}: {clock.Elapsed.TotalSeconds:0.000} s, {geometries.Count} geometries, {vertices} vertices"));
        }

        return 0;
    }
}
