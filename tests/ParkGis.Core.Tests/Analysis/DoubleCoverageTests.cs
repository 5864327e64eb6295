using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

public sealed class DoubleCoverageTests
{
    private static readonly WKTReader Wkt = new();
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData(0.0, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")] // one polygon: nothing twice
    [InlineData(0.0, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")] // a shared edge
    [InlineData(0.0, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((30 0, 40 0, 40 10, 30 10, 30 0))")] // apart
    [InlineData(100.0, "POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0))", "POLYGON ((10 10, 30 10, 30 30, 10 30, 10 10))")] // a 10 × 10 corner
    [InlineData(400.0, "POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0))", "POLYGON ((5 5, 25 5, 25 25, 5 25, 5 5))", "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))")] // nested: the middle square
    [InlineData(300.0, "POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0))", "POLYGON ((10 10, 30 10, 30 30, 10 30, 10 10))", "POLYGON ((10 0, 30 0, 30 20, 10 20, 10 0))")] // three on a corner, 10 × 20 ∪ 20 × 10
    [InlineData(100.0, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")] // three copies: once
    public void Areas_you_can_check_in_your_head(double expected, params string[] wkts)
    {
        Assert.Equal(expected, DoubleCoverage.Area([.. wkts.Select(Wkt.Read)], Factory), 9);
    }

    [Property(MaxTest = 100)]
    public bool Agrees_with_the_union_of_the_pairwise_overlaps(int seed)
    {
        var random = new Random(seed);
        var polygons = Enumerable.Range(0, random.Next(2, 9)).Select(_ => (Geometry)RandomPolygons.Star(random.Next(), maxRadius: 80)).ToList();
        var pairwise = new List<Geometry>();
        for (var a = 0; a < polygons.Count; a++)
        {
            for (var b = a + 1; b < polygons.Count; b++)
            {
                pairwise.Add(OverlayNGRobust.Overlay(polygons[a], polygons[b], SpatialFunction.Intersection));
            }
        }

        var expected = OverlayNGRobust.Union(pairwise.Where(g => !g.IsEmpty).ToList(), Factory).Area;
        var area = DoubleCoverage.Area(polygons, Factory);
        return Math.Abs(area - expected) <= 1e-9 * Math.Max(1, polygons.Sum(p => p.Area));
    }

    [Fact]
    public void A_stack_of_a_thousand_squares_on_one_point_is_the_second_largest_nested_square()
    {
        // Squares of side 1…1000 m centred on one point are nested: land under two or more is the 999 m square.
        var polygons = Enumerable.Range(1, 1000).Select(side => (Geometry)Factory.ToGeometry(new Envelope(-side / 2.0, side / 2.0, -side / 2.0, side / 2.0))).ToList();

        Assert.Equal(999.0 * 999.0, DoubleCoverage.Area(polygons, Factory), 6);
    }
}
