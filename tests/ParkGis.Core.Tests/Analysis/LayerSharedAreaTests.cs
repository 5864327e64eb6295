using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;

namespace ParkGis.Core.Tests.Analysis;

/// <summary>
/// <see cref="LayerOverlay.SharedArea"/> (the land several polygons share, Σ areas − area of the union; the 旗区 totals'
/// rule, docs/rules.md#conflict-banner-totals) against the OverlayNG union of all of them as the oracle.
/// </summary>
public sealed class LayerSharedAreaTests
{
    private static readonly WKTReader Wkt = new();

    private static List<Polygon> Read(params string[] wkt) => [.. wkt.Select(w => (Polygon)Wkt.Read(w))];

    [Fact]
    public void Overlapping_squares_share_their_overlap_and_a_square_alone_adds_nothing()
    {
        var polygons = Read(
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON ((5 0, 15 0, 15 10, 5 10, 5 0))", // 50 shared with the first
            "POLYGON ((8 5, 20 5, 20 8, 8 8, 8 5))", // three deep on x 8–10: the union counts that land once
            "POLYGON ((100 0, 110 0, 110 10, 100 10, 100 0))"); // apart
        var oracle = polygons.Sum(p => p.Area) - OverlayNGRobust.Union(polygons.Cast<Geometry>().ToList(), polygons[0].Factory).Area;

        var shared = LayerOverlay.SharedArea(polygons, polygons[0].Factory);

        Assert.Equal(oracle, shared, 9);
        Assert.Equal(50 + 21, shared, 9); // 50 + (x 8–15 under the second: 21; x 8–10 under the first is inside that)
    }

    [Fact]
    public void Tiles_that_only_touch_share_exactly_nothing_without_an_overlay()
    {
        // The parts of one park's conflict: edge- and corner-adjacent pieces of a tiling, areas that do not add up
        // exactly in floating point. Σ − union of them all would be a rounding, not 0.
        var xs = Enumerable.Range(0, 31).Select(k => 400_000.1 + (k * 3.3)).ToArray();
        var ys = Enumerable.Range(0, 31).Select(k => 4_400_000.7 + (k * 2.9)).ToArray();
        var polygons = new List<Polygon>();
        for (var x = 0; x < 30; x++)
        {
            for (var y = 0; y < 30; y++)
            {
                var (x0, x1, y0, y1) = (xs[x], xs[x + 1], ys[y], ys[y + 1]);
                polygons.Add((Polygon)Wkt.Read(FormattableString.Invariant($"POLYGON (({x0:R} {y0:R}, {x1:R} {y0:R}, {x1:R} {y1:R}, {x0:R} {y1:R}, {x0:R} {y0:R}))")));
            }
        }

        var union = OverlayNGRobust.Union(polygons.Cast<Geometry>().ToList(), polygons[0].Factory);
        Assert.NotEqual(polygons.Sum(p => p.Area), union.Area); // what the union of them all would have said

        Assert.Equal(0.0, LayerOverlay.SharedArea(polygons, polygons[0].Factory));
        Assert.Equal(0.0, LayerOverlay.SharedArea(polygons.Take(1).ToList(), polygons[0].Factory));
        Assert.Equal(0.0, LayerOverlay.SharedArea([], polygons[0].Factory));
    }
}
