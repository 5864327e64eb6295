using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.IO.Tests.Properties;

/// <summary>
/// Random lon/lat (EPSG:4490) datasets around 109.5°E, the line between CGCS2000 3° zones 36 and 37 that runs through
/// Ordos: parks, red-line polygons, farmland patches, an urban boundary and parcels (with overlapping pairs and
/// triples) placed on both sides of the line and across it, every feature with its own id. Shared by the
/// feature-order property test and the PostGIS engine-agreement test.
/// </summary>
internal static class ZoneLineDatasets
{
    /// <summary>The zone line: 36 × 3 + 1.5 degrees east.</summary>
    public const double ZoneLine = 109.5;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    /// <summary>A dataset drawn from <paramref name="seed"/>.</summary>
    public static Dataset Generate(int seed)
    {
        var random = new Random(seed);
        var latitude = 39.4 + (random.NextDouble() * 0.2);
        double X(double spread) => ZoneLine + ((random.NextDouble() - 0.5) * 2 * spread);
        double Y(double spread) => latitude + ((random.NextDouble() - 0.5) * 2 * spread);

        var parks = Enumerable.Range(0, random.Next(2, 5))
            .Select(_ => Quad(random, X(0.03), Y(0.02), 0.01 + (random.NextDouble() * 0.04), 0.01 + (random.NextDouble() * 0.03)))
            .ToList();
        var redline = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => Quad(random, X(0.04), Y(0.03), 0.005 + (random.NextDouble() * 0.03), 0.005 + (random.NextDouble() * 0.02)))
            .ToList();
        var farmland = Enumerable.Range(0, random.Next(2, 8))
            .Select(_ => Quad(random, X(0.04), Y(0.03), 0.002 + (random.NextDouble() * 0.01), 0.002 + (random.NextDouble() * 0.01)))
            .ToList();
        var urban = new List<Geometry> { Quad(random, X(0.01), Y(0.01), 0.05 + (random.NextDouble() * 0.04), 0.04 + (random.NextDouble() * 0.03)) };

        var parcels = new List<Geometry>();
        for (var k = random.Next(8, 30); k > 0; k--)
        {
            var size = 0.001 + (random.NextDouble() * 0.003);
            var (x, y) = (X(0.03), Y(0.02));
            parcels.Add(Quad(random, x, y, size, size));
            var copies = random.Next(0, 4) switch { 0 => 1, 1 => 2, _ => 0 }; // an overlapping pair or triple now and then
            for (var c = 0; c < copies; c++)
            {
                parcels.Add(Quad(random, x + ((random.NextDouble() - 0.5) * size), y + ((random.NextDouble() - 0.5) * size), size, size));
            }
        }

        return new Dataset(
            $"zone-line-{seed}",
            new Dictionary<LayerRole, Layer>
            {
                [LayerRole.Parks] = Layer(LayerRole.Parks, "P", parks),
                [LayerRole.EcologicalRedline] = Layer(LayerRole.EcologicalRedline, "R", redline),
                [LayerRole.PermanentFarmland] = Layer(LayerRole.PermanentFarmland, "F", farmland),
                [LayerRole.UrbanBoundary] = Layer(LayerRole.UrbanBoundary, "U", urban),
                [LayerRole.Parcels] = Layer(LayerRole.Parcels, "C", parcels),
            },
            []);
    }

    /// <summary>The same dataset with the features of every layer in another order (ordinals follow the new order).</summary>
    public static Dataset Shuffle(Dataset dataset, int seed)
    {
        var random = new Random(seed);
        var layers = dataset.Layers.ToDictionary(
            l => l.Key,
            l => l.Value with
            {
                Features = l.Value.Features.OrderBy(_ => random.Next()).Select((f, i) => f with { Ordinal = i + 1 }).ToList(),
            });
        return dataset with { Layers = layers };
    }

    /// <summary>A convex quadrilateral of about <paramref name="width"/> × <paramref name="height"/> degrees centred near (x, y).</summary>
    private static Polygon Quad(Random random, double x, double y, double width, double height)
    {
        double Jitter(double size) => (random.NextDouble() - 0.5) * 0.3 * size;
        var (w, h) = (width / 2, height / 2);
        var first = new Coordinate(x - w + Jitter(w), y - h + Jitter(h));
        var quad = Factory.CreatePolygon(
        [
            first, new(x + w + Jitter(w), y - h + Jitter(h)), new(x + w + Jitter(w), y + h + Jitter(h)), new(x - w + Jitter(w), y + h + Jitter(h)), first.Copy(),
        ]);
        return quad.IsValid && quad.Area > 0
            ? quad
            : Factory.CreatePolygon([new(x - w, y - h), new(x + w, y - h), new(x + w, y + h), new(x - w, y + h), new(x - w, y - h)]);
    }

    private static Layer Layer(LayerRole role, string prefix, IEnumerable<Geometry> geometries)
    {
        var idField = role switch { LayerRole.Parks => "park_id", LayerRole.Parcels => "parcel_id", _ => "id" };
        var features = geometries.Select((g, i) =>
        {
            var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i + 1:000}");
            return new Feature(id, i + 1, g, new Dictionary<string, object?> { [idField] = id, ["name"] = $"{prefix} {i + 1}" });
        }).ToList();
        return new Layer(role, LayerRoles.Name(role) + ".geojson", "GeoJSON", CrsRegistry.FromEpsg(4490)!, features, new Dictionary<string, string>());
    }
}
