using FsCheck.Xunit;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.RelateNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

public sealed class ShellCoverTests
{
    private static readonly WKTReader Wkt = new();

    [Theory]
    [InlineData("POLYGON ((0 0, 3 0, 9 0, 9 9, 0 9, 0 3, 0 0))", "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0))", true)] // inside, along two edges
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((3 3, 4 3, 4 4, 3 4, 3 3))", true)] // inside, no contact
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", true)] // the same polygon
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((0 0, 0 9, 9 9, 9 0, 0 0))", true)] // the same, reversed
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((0 0, 9 0, 4 4, 0 0))", true)] // a vertex inside, two corners shared
    [InlineData("POLYGON ((0 0, 9 0, 9 3, 9 9, 0 9, 0 0))", "POLYGON ((9 0, 12 0, 12 3, 9 3, 9 0))", false)] // outside, sharing an edge
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((9 0, 12 0, 12 9, 9 9, 9 0))", false)] // outside, sharing a whole edge
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((8 3, 10 3, 10 4, 8 4, 8 3))", false)] // across an edge
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((20 0, 21 0, 21 1, 20 1, 20 0))", false)] // apart
    public void Parcels_against_an_approval_are_decided_on_the_fast_path(string container, string polygon, bool expected)
    {
        var a = Wkt.Read(container);
        var p = Wkt.Read(polygon);

        Assert.Equal(expected, RelateNG.Relate(a, p, RelatePredicate.Covers()));
        Assert.Equal(expected, ShellCover.Covers(a, p));
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((0 0, 9 9, 0 9, 0 0))", true)] // an edge on the diagonal: a chord
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0))", true)] // an edge on part of an edge
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((2 0, 4 -1, 4 1, 2 0))", false)] // a vertex on the boundary mid-edge
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0), (3 3, 4 3, 4 4, 3 4, 3 3))", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))", true)] // a holed container
    public void Contacts_it_does_not_prove_are_left_to_RelateNG(string container, string polygon, bool expected)
    {
        var a = Wkt.Read(container);
        var p = Wkt.Read(polygon);

        Assert.Equal(expected, RelateNG.Relate(a, p, RelatePredicate.Covers()));
        Assert.Null(ShellCover.Covers(a, p));
    }

    [Property(MaxTest = 100)]
    public bool Cells_of_a_jittered_tiling_against_a_block_of_them_agree_with_RelateNG(int seed)
    {
        // The block: the union of the 2 × 2 cells in the tiling's corner (its boundary made of the cells' edges), as an
        // approval traced on the parcels' grid; every cell is inside it along its edges, outside along them, or apart.
        var cells = InteriorContactTests.JitteredTiling(seed, enlarge: false);
        var block = OverlayNGRobust.Union([cells[0], cells[1], cells[4], cells[5]]);
        var decidedFast = 0;
        foreach (var cell in cells)
        {
            var expected = RelateNG.Relate(block, cell, RelatePredicate.Covers());
            if (ShellCover.Covers(block, cell) is { } fast)
            {
                if (fast != expected)
                {
                    return false;
                }

                decidedFast++;
            }
        }

        return decidedFast >= 8;
    }

    [Property(MaxTest = 400)]
    public bool Random_polygons_never_contradict_RelateNG(int seedA, int seedB)
    {
        var a = RandomPolygons.Star(seedA, maxRadius: 50);
        var b = RandomPolygons.Star(seedB, maxRadius: 20);
        var expected = RelateNG.Relate(a, b, RelatePredicate.Covers());
        return ShellCover.Covers(a, b) is not { } fast || fast == expected;
    }
}
