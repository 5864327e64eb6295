using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using static ParkGis.Core.Tests.Conflicts.TestDatasets;

namespace ParkGis.Core.Tests.Conflicts;

/// <summary>Duplicated and stacked parcels (historical versions, copied records): counted once, in near-linear time.</summary>
public sealed class StackedParcelTests
{
    private const double X = 500_000, Y = 4_400_000;
    private static readonly string Park = Square(X - 1000, Y - 1000, 2000);

    private static ConflictCheckResult Check(params string[] parcels) =>
        new ConflictCheck(ConflictCheckOptions.Default).Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.Parcels, parcels).Build());

    /// <summary>Rectangles of 40–160 m whose interiors all contain (X, Y), like the attack's stack on one point.</summary>
    private static string[] Stack(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var (w, h) = (40 + (random.NextDouble() * 120), 40 + (random.NextDouble() * 120));
            var (x0, y0) = (X - 1 - (random.NextDouble() * (w - 2)), Y - 1 - (random.NextDouble() * (h - 2)));
            return Rectangle(Math.Round(x0, 3), Math.Round(y0, 3), Math.Round(x0 + w, 3), Math.Round(y0 + h, 3));
        })];
    }

    private static double UnionOfPairwiseOverlaps(string[] wkts)
    {
        var reader = new WKTReader();
        var polygons = wkts.Select(reader.Read).ToList();
        var pieces = new List<Geometry>();
        for (var a = 0; a < polygons.Count; a++)
        {
            for (var b = a + 1; b < polygons.Count; b++)
            {
                pieces.Add(OverlayNGRobust.Overlay(polygons[a], polygons[b], SpatialFunction.Intersection));
            }
        }

        return OverlayNGRobust.Union(pieces, new GeometryFactory()).Area;
    }

    [Fact]
    public void Exact_copies_of_a_parcel_are_one_parcel_and_a_duplicate_geometry_issue_each()
    {
        // L2 is L1 starting at another corner, L3 is L1 clockwise: the same land three times; L4 is another parcel.
        var result = Check(
            Square(X, Y, 20),
            FormattableString.Invariant($"POLYGON(({X + 20} {Y + 20}, {X} {Y + 20}, {X} {Y}, {X + 20} {Y}, {X + 20} {Y + 20}))"),
            FormattableString.Invariant($"POLYGON(({X} {Y}, {X} {Y + 20}, {X + 20} {Y + 20}, {X + 20} {Y}, {X} {Y}))"),
            Square(X + 100, Y, 20));

        Assert.Equal(2, result.Parcels!.Count);
        Assert.Equal(0, result.Parcels.ParcelOverlap.AreaM2);
        Assert.Equal(0, result.Parcels.ParcelOverlap.Pairs);
        var duplicates = result.Issues.Where(i => i.Code == DataIssueCodes.DuplicateGeometry).ToList();
        Assert.Equal(["L2", "L3"], duplicates.Select(i => i.Feature));
        Assert.All(duplicates, i => Assert.Contains("L1", i.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_parcel_copied_a_hundred_times_is_counted_once()
    {
        var copies = Enumerable.Repeat(Square(X, Y, 20), 100).Append(Square(X + 10, Y, 20)).ToArray();

        var result = Check(copies);

        Assert.Equal(2, result.Parcels!.Count);
        Assert.Equal(200, result.Parcels.ParcelOverlap.AreaM2, 6);
        Assert.Equal(1, result.Parcels.ParcelOverlap.Pairs);
        Assert.Equal(99, result.Issues.Count(i => i.Code == DataIssueCodes.DuplicateGeometry));
    }

    [Fact]
    public void A_stack_of_forty_parcels_on_one_point_is_counted_once_without_its_pairs()
    {
        var stack = Stack(40, seed: 1);

        var result = Check(stack);

        var overlap = result.Parcels!.ParcelOverlap;
        Assert.Equal(UnionOfPairwiseOverlaps(stack), overlap.AreaM2, 6);
        Assert.Equal(0, overlap.Pairs);
        Assert.Equal(1, overlap.Stacks);
        Assert.True(result.HasConflicts);
        var issue = Assert.Single(result.Issues, i => i.Code == DataIssueCodes.ParcelStack);
        Assert.Equal("L1", issue.Feature);
        Assert.StartsWith("40 parcels overlap in one stack", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_parcels_overlapping_on_one_point_are_still_counted_in_pairs()
    {
        // Up to 33 parcels overlapping each other are no stack: every pair is measured and counted, as before.
        var few = Stack(10, seed: 2);

        var result = Check(few);

        Assert.Equal(45, result.Parcels!.ParcelOverlap.Pairs);
        Assert.Equal(UnionOfPairwiseOverlaps(few), result.Parcels.ParcelOverlap.AreaM2, 6);
        Assert.DoesNotContain(result.Issues, i => i.Code == DataIssueCodes.ParcelStack);
    }

    [Fact]
    public void A_stack_beside_a_tiling_leaves_the_pairs_of_the_tiling_counted()
    {
        // 40 stacked parcels at (X, Y); 200 m east two parcels overlapping by 10 × 20 m.
        var parcels = Stack(40, seed: 3).Append(Square(X + 200, Y, 20)).Append(Square(X + 210, Y, 20)).ToArray();

        var result = Check(parcels);

        Assert.Equal(1, result.Parcels!.ParcelOverlap.Pairs);
        Assert.Equal(UnionOfPairwiseOverlaps(Stack(40, seed: 3)) + 200, result.Parcels.ParcelOverlap.AreaM2, 6);
    }

    [Fact]
    public void Three_thousand_nested_parcels_on_one_point_give_the_area_under_two_or_more()
    {
        // Squares of side 10…39.99 m centred on one point are nested: the land under two or more is the second largest.
        // (bench/stacked.sh times 10 000 parcels on one point.)
        var squares = Enumerable.Range(0, 3_000).Select(k => 10 + (k * 0.01)).Select(side => Square(X - (side / 2), Y - (side / 2), side)).ToArray();

        var result = Check(squares);

        var side = 10 + ((squares.Length - 2) * 0.01);
        Assert.Equal(side * side, result.Parcels!.ParcelOverlap.AreaM2, 3);
        Assert.Equal(1, result.Parcels.ParcelOverlap.Stacks);
        Assert.Equal(0, result.Parcels.ParcelOverlap.Pairs);
    }

    [Fact]
    public void Feature_order_does_not_change_a_stack_or_its_neighbours()
    {
        var parcels = Stack(50, seed: 4).Concat(Stack(5, seed: 5).Select(w => w.Replace("4400", "4401", StringComparison.Ordinal))).ToArray();
        var shuffled = parcels.OrderBy(_ => Guid.NewGuid()).ToArray();

        var a = Check(parcels).Parcels!;
        var b = Check(shuffled).Parcels!;

        Assert.Equal(a.ParcelOverlap.AreaM2, b.ParcelOverlap.AreaM2);
        Assert.Equal(a.ParcelOverlap.Pairs, b.ParcelOverlap.Pairs);
    }

    [Fact]
    public void Three_lon_lat_parcels_across_the_zone_line_give_one_overlap_in_any_order()
    {
        // 109.5°E separates the 3° zones 36 and 37; the three parcels overlap in a triangle straddling it. Each
        // cluster is measured in the zone of its centroid, so the order of the features does not matter.
        var lonLat = CrsRegistry.FromEpsg(4490)!;
        string[] parcels =
        [
            Rectangle(109.4985, 39.80, 109.5010, 39.802),
            Rectangle(109.4995, 39.801, 109.5020, 39.803),
            Rectangle(109.4990, 39.8005, 109.5005, 39.8025),
        ];

        double Overlap(string[] order) => new ConflictCheck(ConflictCheckOptions.Default)
            .Check(new TestDatasets().With(LayerRole.Parks, lonLat, Square(109.49, 39.79, 0.02)).With(LayerRole.Parcels, lonLat, order).Build())
            .Parcels!.ParcelOverlap.AreaM2;

        var first = Overlap(parcels);
        Assert.True(first > 0, first.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(first, Overlap([parcels[2], parcels[0], parcels[1]]));
        Assert.Equal(first, Overlap([parcels[1], parcels[2], parcels[0]]));
    }
}
