using System.Globalization;
using System.Text;
using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Tests.Supply;
using static ParkGis.Core.Tests.Supply.LandTestData;

namespace ParkGis.Core.Tests.Parks;

/// <summary>
/// The parcel-to-park rule (<see cref="Core.Parks.ParcelParks"/>) on parks whose boundaries are long enough (more than 64
/// segments) to be segment-indexed, so that a parcel is placed from the segments near it: clear of every boundary, one
/// vertex decides; across one, the overlay.
/// </summary>
public sealed class ParcelParksTests
{
    /// <summary>A ring through the corners, each side cut into <paramref name="pieces"/> segments, in metres relative to (X, Y).</summary>
    private static string Ring(int pieces, params (double X, double Y)[] corners)
    {
        var text = new StringBuilder("(");
        for (var c = 0; c < corners.Length; c++)
        {
            var (a, b) = (corners[c], corners[(c + 1) % corners.Length]);
            for (var k = 0; k < pieces; k++)
            {
                var t = (double)k / pieces;
                text.Append(CultureInfo.InvariantCulture, $"{X + a.X + ((b.X - a.X) * t)} {Y + a.Y + ((b.Y - a.Y) * t)}, ");
            }
        }

        return text.Append(CultureInfo.InvariantCulture, $"{X + corners[0].X} {Y + corners[0].Y})").ToString();
    }

    private static string Square(double x0, double y0, double x1, double y1) => Ring(20, (x0, y0), (x1, y0), (x1, y1), (x0, y1));

    private static string Diamond(double cx, double cy, double r) => Ring(20, (cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy));

    private static Dictionary<string, (string Park, int Block)> Place(LandTestData data)
    {
        var assessment = ParkAssessment.Of(data.Build());
        var parcels = assessment.Screened(LayerRole.Parcels)!;
        var placements = assessment.ParcelParks;
        return Enumerable.Range(0, parcels.Count).ToDictionary(
            i => parcels.Features[i].Id, i => (placements.ParkIdOf(i), placements.Of(i)?.Block ?? -1), StringComparer.Ordinal);
    }

    [Fact]
    public void Parcels_inside_across_and_evenly_across_two_long_boundaries_go_to_the_park_with_the_most_of_them()
    {
        var placed = Place(new LandTestData()
            .Add(LayerRole.Parks, "P1", "POLYGON(" + Square(0, 0, 100, 100) + ")", ("park_id", "P1"), ("name", "甲园区"))
            .Add(LayerRole.Parks, "P2", "POLYGON(" + Square(100, 0, 200, 100) + ")", ("park_id", "P2"), ("name", "乙园区"))
            .Parcel("inside", Box(20, 20, 40, 40))
            .Parcel("mostly-p2", Box(80, 10, 130, 20))
            .Parcel("even", Box(90, 30, 110, 40))
            .Parcel("outside", Box(300, 300, 320, 320)));

        Assert.Equal(("P1", 1), placed["inside"]);
        Assert.Equal(("P2", 1), placed["mostly-p2"]); // 200 m² in P1, 300 m² in P2
        Assert.Equal(("P1", 1), placed["even"]); // 100 m² each: the tie goes to the smaller id
        Assert.Equal((string.Empty, -1), placed["outside"]);
    }

    [Fact]
    public void A_parcel_beside_a_block_lying_in_another_block_s_hole_is_placed_in_the_block_that_holds_it()
    {
        // Block 1: a 300 m square with a diamond hole (radius 100) around (150, 150); block 2: a diamond of radius 30 in
        // that hole. The triangle T lies in block 1 with its envelope over the hole's edge and over block 2's envelope,
        // but clear of block 2's boundary; S lies inside block 2; U crosses block 1's outer edge (two thirds inside).
        var park = "MULTIPOLYGON((" + Square(0, 0, 300, 300) + ", " + Diamond(150, 150, 100) + "), (" + Diamond(150, 150, 30) + "))";
        var placed = Place(new LandTestData()
            .Add(LayerRole.Parks, "P1", park, ("park_id", "P1"), ("name", "甲园区"))
            .Parcel("T", FormattableString.Invariant($"POLYGON(({X + 60} {Y + 60}, {X + 130} {Y + 60}, {X + 60} {Y + 130}, {X + 60} {Y + 60}))"))
            .Parcel("S", Box(145, 145, 155, 155))
            .Parcel("U", Box(280, 10, 310, 20)));

        Assert.Equal(("P1", 1), placed["T"]);
        Assert.Equal(("P1", 2), placed["S"]);
        Assert.Equal(("P1", 1), placed["U"]);
    }
}
