using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Infrastructure;

namespace ParkGis.Core.Tests.Infrastructure;

public sealed class FacetDistanceTests
{
    private static readonly WKTReader Wkt = new();

    // Zone-prefixed Gauss-Krüger coordinates, as the data has them.
    private const double X0 = 37_400_000, Y0 = 4_400_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_distance_and_the_within_test_equal_NTS_for_random_features_and_parcels_near_far_inside_and_around(int seed)
    {
        var random = new Random(seed);
        var features = Enumerable.Range(0, 60).Select(_ => RandomFeature(random)).ToList();
        var parcels = Enumerable.Range(0, 80).Select(_ => RandomParcel(random, features)).ToList();
        foreach (var feature in features)
        {
            var featureLines = Linework.Of(feature);
            foreach (var parcel in parcels)
            {
                var parcelLines = Linework.Of(parcel);
                var expected = feature.Distance(parcel);
                var because = $"{feature} to {parcel}";
                Assert.True(expected == FacetDistance.Measure(featureLines, parcelLines, double.PositiveInfinity), because);
                var bounded = FacetDistance.Measure(featureLines, parcelLines, expected * 1.5);
                Assert.True(expected == bounded || (expected == 0 && bounded == 0), because);
                Assert.True(FacetDistance.Measure(featureLines, parcelLines, expected * 0.5) >= expected * 0.5 || expected == 0, because);
                foreach (var distance in new[] { 50, 100, expected, expected * (1 - 1e-15) })
                {
                    Assert.True(feature.IsWithinDistance(parcel, distance) == FacetDistance.IsWithin(featureLines, parcelLines, distance), $"{because} within {distance}");
                }
            }
        }
    }

    [Theory]
    [InlineData("LINESTRING (10 10, 20 20)", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", 0)] // a line inside the parcel
    [InlineData("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))", 0)] // the parcel inside a polygon
    [InlineData("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (20 20, 80 20, 80 80, 20 80, 20 20))", "POLYGON ((40 40, 50 40, 50 50, 40 50, 40 40))", 20)] // in its hole
    [InlineData("LINESTRING (0 0, 100 0)", "POLYGON ((0 50, 10 50, 10 60, 0 60, 0 50))", 50)] // apart
    public void Containment_gives_NTS_answer_where_no_segments_meet(string feature, string parcel, double expected)
    {
        var (f, p) = (Wkt.Read(feature), Wkt.Read(parcel));

        Assert.Equal(expected, FacetDistance.Measure(Linework.Of(f), Linework.Of(p), double.PositiveInfinity), 12);
        Assert.Equal(f.IsWithinDistance(p, 10), FacetDistance.IsWithin(Linework.Of(f), Linework.Of(p), 10));
    }

    private static Geometry RandomFeature(Random random)
    {
        var (x, y) = (X0 + Next(random, 3_000), Y0 + Next(random, 3_000));
        switch (random.Next(4))
        {
            case 0:
                return Wkt.Read(Invariant($"POLYGON (({x} {y}, {x + 300} {y}, {x + 300} {y + 200}, {x} {y + 200}, {x} {y}))"));
            case 1:
                return Wkt.Read(Invariant(
                    $"POLYGON (({x} {y}, {x + 400} {y}, {x + 400} {y + 400}, {x} {y + 400}, {x} {y}), ({x + 100} {y + 100}, {x + 300} {y + 100}, {x + 300} {y + 300}, {x + 100} {y + 300}, {x + 100} {y + 100}))"));
            case 2:
                return Wkt.Read(Invariant($"MULTILINESTRING (({x} {y}, {x + 200} {y}), ({x + 20} {y + 20}, {x + 30} {y + 25}))"));
            default:
                var points = Enumerable.Range(0, 2 + random.Next(8)).Select(k => Invariant($"{x + (k * 40) + Next(random, 20)} {y + Next(random, 200) - 100}"));
                return Wkt.Read($"LINESTRING ({string.Join(", ", points)})");
        }
    }

    private static Geometry RandomParcel(Random random, List<Geometry> features)
    {
        // Near or inside a random feature (its envelope widened by 150 m), or anywhere up to 5 km away.
        var anchor = features[random.Next(features.Count)].EnvelopeInternal;
        var (x, y) = random.Next(3) == 0
            ? (X0 + Next(random, 8_000) - 2_500, Y0 + Next(random, 8_000) - 2_500)
            : (anchor.MinX - 150 + Next(random, anchor.Width + 300), anchor.MinY - 150 + Next(random, anchor.Height + 300));
        var (w, h) = (1 + Next(random, 60), 1 + Next(random, 60));
        return random.Next(2) == 0
            ? Wkt.Read(Invariant($"POLYGON (({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"))
            : Wkt.Read(Invariant($"POLYGON (({x} {y}, {x + w} {y + (h / 3)}, {x + (w / 2)} {y + h}, {x} {y}))"));
    }

    private static double Next(Random random, double range) => Math.Round(random.NextDouble() * range, 3);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
