using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.IO.Datasets;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Properties;

/// <summary>Export → read round trip on random polygons (FsCheck generates and shrinks the seeds).</summary>
public sealed class ExportRoundTripTests
{
    private static readonly GeometryFactory Factory = new();

    [Property(MaxTest = 40)]
    public bool Written_GeoJSON_reads_back_with_the_same_area_within_the_rounding(int seed)
    {
        var zone36 = CrsRegistry.FromEpsg(4545)!;
        var polygon = Star(seed);
        var lonLat = CrsTransform.Create(zone36, CrsRegistry.FromEpsg(4326)!).Apply(polygon);
        var folder = Path.Combine(Path.GetTempPath(), "parkgis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            new Rfc7946Writer(decimals: 7).Write(Path.Combine(folder, "parks.geojson"), [new GeoJsonFeature(lonLat, [new("park_id", "P1")])]);

            var park = DatasetReader.Read(folder).Find(LayerRole.Parks)!.Features.Single();
            var readBack = AnalysisCrs.AreaFunction(CrsRegistry.FromEpsg(4326)!)(park.Geometry);

            // 7 decimals move each vertex by at most ~0.6 cm: the area can change by about perimeter × 1 cm.
            return Math.Abs(readBack - polygon.Area) <= (polygon.Length * 0.01) + (1e-9 * polygon.Area);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A star-shaped (so always simple) polygon of 3–40 vertices near 108°E, 39.7°N in EPSG:4545.</summary>
    private static Polygon Star(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(3, 40);
        var angles = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 * Math.PI).Order().ToArray();
        var ring = angles.Select(a =>
        {
            var radius = 1000 * (0.1 + (0.9 * random.NextDouble()));
            return new Coordinate(500_000 + (radius * Math.Cos(a)), 4_400_000 + (radius * Math.Sin(a)));
        }).ToList();
        ring.Add(ring[0].Copy());
        var polygon = Factory.CreatePolygon([.. ring]);
        return polygon.IsValid && polygon.Area > 0 ? polygon : Factory.CreatePolygon([new(500_000, 4_400_000), new(500_010, 4_400_000), new(500_000, 4_400_010), new(500_000, 4_400_000)]);
    }
}
