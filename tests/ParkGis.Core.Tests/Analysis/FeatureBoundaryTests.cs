using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Analysis;

namespace ParkGis.Core.Tests.Analysis;

public sealed class FeatureBoundaryTests
{
    private static readonly WKTReader Wkt = new();

    [Theory]
    [InlineData("POLYGON ((0 0, 6 0, 6 6, 0 6, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))", (12 * 12) - (4 * 4))] // a short ring with a hole: segments scanned
    [InlineData("POLYGON ((0 0, 6 0, 6 6, 0 6, 0 0))", 12 * 12)]
    public void A_cell_no_edge_comes_near_is_covered_exactly_when_one_vertex_lies_inside(string wkt, int decidedInside)
    {
        AssertMissesDecidesCovers(Wkt.Read(wkt), decidedInside);
    }

    [Fact]
    public void The_same_holds_along_an_indexed_boundary_of_many_segments()
    {
        // 6 × 6 block traced with a vertex every 0.05 (480 segments, indexed), with the hole (2 2, 4 4).
        var factory = new GeometryFactory();
        var shell = Traced(0, 6);
        var hole = Traced(2, 4).Reverse().ToArray();
        AssertMissesDecidesCovers(factory.CreatePolygon(factory.CreateLinearRing(shell), [factory.CreateLinearRing(hole)]), (12 * 12) - (4 * 4));

        static Coordinate[] Traced(double from, double to)
        {
            var n = (int)Math.Round((to - from) / 0.05);
            var step = (to - from) / n;
            var side = Enumerable.Range(0, n).Select(k => from + (k * step)).ToList();
            return [.. side.Select(x => new Coordinate(x, from)), .. side.Select(y => new Coordinate(to, y)), .. side.Select(x => new Coordinate(to - x + from, to)),
                .. side.Select(y => new Coordinate(from, to - y + from)), new Coordinate(from, from)];
        }
    }

    /// <summary>Half-cells on a 0.5 grid from −1 to 7: away from every edge the vertex decides, and as the geometry's own Covers does.</summary>
    private static void AssertMissesDecidesCovers(Geometry feature, int decidedInside)
    {
        var boundary = new FeatureBoundary(feature);
        var inside = 0;
        for (var x = -1.0; x < 7; x += 0.5)
        {
            for (var y = -1.0; y < 7; y += 0.5)
            {
                // A cell of 0.25 in the middle of each half-cell, and the whole half-cell (which touches the edges on the grid).
                foreach (var cell in new[] { new Envelope(x + 0.125, x + 0.375, y + 0.125, y + 0.375), new Envelope(x, x + 0.5, y, y + 0.5) })
                {
                    var geometry = feature.Factory.ToGeometry(cell);
                    var touchesBoundary = geometry.Intersects(feature.Boundary);
                    Assert.Equal(!touchesBoundary, boundary.Misses(cell));
                    if (!touchesBoundary)
                    {
                        var located = boundary.Locate(geometry.Coordinate) == Location.Interior;
                        Assert.Equal(feature.Covers(geometry), located);
                        inside += located && cell.Width < 0.5 ? 1 : 0;
                    }
                }
            }
        }

        Assert.Equal(decidedInside, inside); // the small cells inside the block and outside the hole
    }
}
