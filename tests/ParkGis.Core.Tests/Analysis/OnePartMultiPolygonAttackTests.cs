using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.RelateNG;
using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

/// <summary>
/// A one-part MultiPolygon takes the polygon's fast paths (<see cref="HoleFreeShell"/>): held here to the general
/// path's answers — RelateNG, OverlayNG, IsValidOp — not only to the polygon's, with either ring orientation (a
/// shapefile's shells run clockwise), and kept off the fast paths when its part has a hole or is empty.
/// </summary>
public sealed class OnePartMultiPolygonAttackTests
{
    private static readonly WKTReader Wkt = new();

    [Property(MaxTest = 300)]
    public bool A_one_part_multipolygon_in_either_orientation_answers_as_the_general_path(int seedA, int seedB, bool reverseA, bool reverseB)
    {
        var a = Oriented(RandomPolygons.Star(seedA, maxRadius: 60), reverseA);
        var b = Oriented(RandomPolygons.Star(seedB, maxRadius: 60), reverseB);
        var (multiA, multiB) = (a.Factory.CreateMultiPolygon([a]), b.Factory.CreateMultiPolygon([b]));
        var overlap = OverlayNGRobust.Overlay(multiA, multiB, SpatialFunction.Intersection).Area;

        return InteriorContact.InteriorsIntersect(multiA, multiB) == RelateNG.Relate(multiA, multiB, "T********")
            && (CrossingArea.Of(multiA, multiB) is not { } area || Math.Abs(area - overlap) <= 1e-9 * Math.Max(1, a.Area))
            && (ShellCover.Covers(multiA, multiB) is not { } covers || covers == RelateNG.Relate(multiA, multiB, "******FF*"))
            && (!SimplePolygonValidity.IsProvenValid(multiA) || new IsValidOp(multiA).IsValid)
            && HoleFreeShell.AreaOf(multiA).Equals(multiA.Area);
    }

    [Theory]
    [InlineData("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 8, 8 8, 8 2, 2 2)))")] // a hole
    [InlineData("MULTIPOLYGON (((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2)))")] // a hole, clockwise shell
    [InlineData("MULTIPOLYGON (EMPTY)")]
    [InlineData("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 10, 20 0)))")] // two parts
    public void A_multipolygon_that_is_not_one_hole_free_part_stays_off_the_fast_paths(string wkt)
    {
        var multi = Wkt.Read(wkt);

        Assert.Null(HoleFreeShell.Of(multi, 64));
        Assert.Equal(multi.Area, HoleFreeShell.AreaOf(multi));
    }

    [Fact]
    public void A_square_in_the_hole_of_a_one_part_multipolygon_shares_no_interior_and_no_area_with_it()
    {
        var holed = Wkt.Read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 8, 8 8, 8 2, 2 2)))");
        var inHole = Wkt.Read("MULTIPOLYGON (((3 3, 7 3, 7 7, 3 7, 3 3)))");

        Assert.False(InteriorContact.InteriorsIntersect(holed, inHole));
        Assert.False(InteriorContact.InteriorsIntersect(inHole, holed));
        Assert.Null(CrossingArea.Of(holed, inHole)); // a holed subject is left to the overlay
        Assert.Equal(0, CrossingArea.Of(inHole, holed)!.Value, 12); // the hole's boundary is the other's: no area
        Assert.False(ShellCover.Covers(holed, inHole) ?? RelateNG.Relate(holed, inHole, "******FF*"));
    }

    private static Polygon Oriented(Polygon polygon, bool reverse) => reverse ? (Polygon)polygon.Reverse() : polygon;
}
