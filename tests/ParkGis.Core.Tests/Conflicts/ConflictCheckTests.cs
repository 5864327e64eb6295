using ParkGis.Core.Conflicts;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using static ParkGis.Core.Tests.Conflicts.TestDatasets;

namespace ParkGis.Core.Tests.Conflicts;

public sealed class ConflictCheckTests
{
    // A 100 m square park at (500 000, 4 400 000) in EPSG:4545: 10 000 m², easy to reason about.
    private const double X = 500_000, Y = 4_400_000;
    private static readonly string Park = Square(X, Y, 100);

    private static ConflictCheckResult Check(TestDatasets data, double minArea = 1.0, bool fix = false) =>
        new ConflictCheck(new ConflictCheckOptions(minArea, fix)).Check(data.Build());

    private static ConflictCheckResult Check(Dataset data) => new ConflictCheck(ConflictCheckOptions.Default).Check(data);

    private static ConflictTally Tally(ConflictCheckResult result, ConflictKind kind, int park = 0) => result.Parks[park].Conflicts[kind];

    [Fact]
    public void Park_half_inside_red_line_reports_half_its_area()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, Rectangle(X + 50, Y, X + 150, Y + 100)));

        var tally = Tally(result, ConflictKind.EcologicalRedline);
        Assert.Equal(5000, tally.AreaM2, 6);
        Assert.Equal(1, tally.Patches);
        Assert.Equal(10000, result.Parks[0].AreaM2, 6);
        Assert.Equal(["R1"], result.Parks[0].Patches.Single(p => p.Kind == ConflictKind.EcologicalRedline).SourceIds);
        Assert.True(result.HasConflicts);
    }

    [Fact]
    public void Park_touching_red_line_along_an_edge_has_no_conflict()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, Rectangle(X + 100, Y, X + 200, Y + 100)));

        var tally = Tally(result, ConflictKind.EcologicalRedline);
        Assert.Equal(0, tally.AreaM2);
        Assert.Equal(0, tally.Patches);
        Assert.Equal(0, tally.SuppressedCount);
    }

    [Fact]
    public void Park_touching_farmland_at_a_corner_has_no_conflict()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.PermanentFarmland, Square(X + 100, Y + 100, 50)));

        Assert.Equal(0, Tally(result, ConflictKind.PermanentFarmland).AreaM2);
    }

    [Fact]
    public void Park_inside_a_hole_of_the_red_line_has_no_conflict()
    {
        var ringWithHole = FormattableString.Invariant(
            $"POLYGON(({X - 100} {Y - 100}, {X + 200} {Y - 100}, {X + 200} {Y + 200}, {X - 100} {Y + 200}, {X - 100} {Y - 100}), ({X} {Y}, {X} {Y + 100}, {X + 100} {Y + 100}, {X + 100} {Y}, {X} {Y}))");
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, ringWithHole));

        Assert.Equal(0, Tally(result, ConflictKind.EcologicalRedline).AreaM2);
    }

    [Fact]
    public void Park_covering_a_hole_of_the_red_line_reports_the_ring_only()
    {
        // Red line 0..100 square with a 20x20 hole in the middle: the park (the same square) conflicts on 10 000 − 400.
        var withHole = FormattableString.Invariant(
            $"POLYGON(({X} {Y}, {X + 100} {Y}, {X + 100} {Y + 100}, {X} {Y + 100}, {X} {Y}), ({X + 40} {Y + 40}, {X + 40} {Y + 60}, {X + 60} {Y + 60}, {X + 60} {Y + 40}, {X + 40} {Y + 40}))");
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, withHole));

        Assert.Equal(9600, Tally(result, ConflictKind.EcologicalRedline).AreaM2, 6);
    }

    [Fact]
    public void Overlapping_farmland_patches_are_not_counted_twice()
    {
        // Two patches of 60 × 100 overlapping by 20 × 100 cover the whole park once: 10 000 m², not 12 000.
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.PermanentFarmland, Rectangle(X, Y, X + 60, Y + 100), Rectangle(X + 40, Y, X + 100, Y + 100)));

        var tally = Tally(result, ConflictKind.PermanentFarmland);
        Assert.Equal(10000, tally.AreaM2, 6);
        Assert.Equal(1, tally.Patches);
        Assert.Equal(["F1", "F2"], result.Parks[0].Patches.Single().SourceIds);
    }

    [Fact]
    public void Two_separate_overlaps_are_two_patches()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.PermanentFarmland, Rectangle(X - 10, Y, X + 10, Y + 10), Rectangle(X + 90, Y + 90, X + 110, Y + 110)));

        var tally = Tally(result, ConflictKind.PermanentFarmland);
        Assert.Equal(200, tally.AreaM2, 6);
        Assert.Equal(2, tally.Patches);
    }

    [Fact]
    public void Park_partly_outside_the_urban_boundary_reports_the_part_outside()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.UrbanBoundary, Rectangle(X - 50, Y - 50, X + 70, Y + 150)));

        var tally = Tally(result, ConflictKind.OutsideUrbanBoundary);
        Assert.Equal(3000, tally.AreaM2, 6);
        Assert.Equal(1, tally.Patches);
    }

    [Fact]
    public void Park_covered_by_two_overlapping_urban_polygons_is_inside()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.UrbanBoundary, Rectangle(X - 10, Y - 10, X + 60, Y + 110), Rectangle(X + 50, Y - 10, X + 110, Y + 110)));

        Assert.Equal(0, Tally(result, ConflictKind.OutsideUrbanBoundary).AreaM2);
        Assert.False(result.HasConflicts);
    }

    [Fact]
    public void Park_inside_one_urban_polygon_even_along_its_edge_is_inside()
    {
        // The urban polygon shares the park's west edge; a two-part park lies inside it as well.
        var twoParts = FormattableString.Invariant(
            $"MULTIPOLYGON((({X + 300} {Y}, {X + 310} {Y}, {X + 310} {Y + 10}, {X + 300} {Y + 10}, {X + 300} {Y})), (({X + 400} {Y}, {X + 420} {Y}, {X + 420} {Y + 10}, {X + 400} {Y + 10}, {X + 400} {Y})))");
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park, twoParts)
            .With(LayerRole.UrbanBoundary, Rectangle(X, Y - 10, X + 500, Y + 110)));

        Assert.Equal(0, Tally(result, ConflictKind.OutsideUrbanBoundary, 0).AreaM2);
        Assert.Equal(0, Tally(result, ConflictKind.OutsideUrbanBoundary, 1).AreaM2);
        Assert.All(result.Parks, park => Assert.True(park.Conflicts[ConflictKind.OutsideUrbanBoundary].Checked));
    }

    [Fact]
    public void Park_inside_a_hole_of_the_urban_polygon_lies_wholly_outside()
    {
        var withHole = FormattableString.Invariant(
            $"POLYGON(({X - 100} {Y - 100}, {X + 200} {Y - 100}, {X + 200} {Y + 200}, {X - 100} {Y + 200}, {X - 100} {Y - 100}), ({X - 10} {Y - 10}, {X - 10} {Y + 110}, {X + 110} {Y + 110}, {X + 110} {Y - 10}, {X - 10} {Y - 10}))");
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.UrbanBoundary, withHole));

        Assert.Equal(10000, Tally(result, ConflictKind.OutsideUrbanBoundary).AreaM2, 6);
    }

    [Fact]
    public void Park_far_from_every_urban_polygon_lies_wholly_outside()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.UrbanBoundary, Square(X + 5000, Y, 100)));

        Assert.Equal(10000, Tally(result, ConflictKind.OutsideUrbanBoundary).AreaM2, 6);
    }

    [Fact]
    public void Overlapping_parks_each_report_the_shared_land()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park, Rectangle(X + 75, Y, X + 175, Y + 100)));

        Assert.Equal(2500, Tally(result, ConflictKind.ParkOverlap, 0).AreaM2, 6);
        Assert.Equal(2500, Tally(result, ConflictKind.ParkOverlap, 1).AreaM2, 6);
        Assert.Equal(["P2"], result.Parks[0].Patches.Single(p => p.Kind == ConflictKind.ParkOverlap).SourceIds);
    }

    [Fact]
    public void Sliver_under_the_minimum_area_is_suppressed_not_a_patch()
    {
        // 100 m × 0.005 m = 0.5 m² of red line inside the park.
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, Rectangle(X, Y - 10, X + 100, Y + 0.005)));

        var tally = Tally(result, ConflictKind.EcologicalRedline);
        Assert.Equal(0, tally.Patches);
        Assert.Equal(1, tally.SuppressedCount);
        Assert.Equal(0.5, tally.SuppressedAreaM2, 6);
        Assert.Equal(0.5, tally.AreaM2, 6);
        Assert.False(result.HasConflicts, "a sliver alone is not a finding");
    }

    [Fact]
    public void Minimum_area_zero_counts_the_sliver_as_a_patch()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, Rectangle(X, Y - 10, X + 100, Y + 0.005)), minArea: 0);

        Assert.Equal(1, Tally(result, ConflictKind.EcologicalRedline).Patches);
        Assert.True(result.HasConflicts);
    }

    [Fact]
    public void Overlap_exactly_at_the_minimum_area_is_a_patch()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, Rectangle(X, Y - 10, X + 100, Y + 1)), minArea: 100);

        Assert.Equal(1, Tally(result, ConflictKind.EcologicalRedline).Patches);
    }

    [Fact]
    public void Missing_control_layer_is_reported_and_not_checked()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park));

        Assert.False(Tally(result, ConflictKind.EcologicalRedline).Checked);
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.MissingLayer && i.Layer == "ecological_redline");
        Assert.True(Tally(result, ConflictKind.ParkOverlap).Checked);
    }

    [Fact]
    public void Invalid_park_is_reported_and_left_out_unless_fixed()
    {
        var bowTie = FormattableString.Invariant($"POLYGON(({X} {Y}, {X + 100} {Y + 100}, {X + 100} {Y}, {X} {Y + 100}, {X} {Y}))");
        var data = new TestDatasets().With(LayerRole.Parks, Park, bowTie);

        var plain = Check(data);
        Assert.Single(plain.Parks);
        var issue = Assert.Single(plain.Issues, i => i.Code == DataIssueCodes.InvalidGeometry);
        Assert.Equal("P2", issue.Feature);
        Assert.Contains("Self-intersection", issue.Message, StringComparison.OrdinalIgnoreCase);

        var fixedResult = Check(data, fix: true);
        Assert.Equal(2, fixedResult.Parks.Count);
        var repaired = Assert.Single(fixedResult.Issues, i => i.Code == DataIssueCodes.GeometryRepaired);
        Assert.Contains("5000", repaired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_features_away_from_every_park_and_parcel_are_not_screened()
    {
        string BowTie(double x) => FormattableString.Invariant($"POLYGON(({x} {Y}, {x + 100} {Y + 100}, {x + 100} {Y}, {x} {Y + 100}, {x} {Y}))");
        var data = new TestDatasets()
            .With(LayerRole.Parks, Park)
            .With(LayerRole.EcologicalRedline, BowTie(X + 50), BowTie(X + 50_000), Square(X + 60_000, Y, 100));

        var result = Check(data);

        // The bow tie on the park is reported; the one 50 km away cannot change a result and is not looked at.
        var issue = Assert.Single(result.Issues, i => i.Code == DataIssueCodes.InvalidGeometry);
        Assert.Equal("R1", issue.Feature);
    }

    [Fact]
    public void Empty_and_wrongly_typed_geometries_are_data_issues()
    {
        var data = new TestDatasets().With(LayerRole.Parks, Park, string.Empty, FormattableString.Invariant($"LINESTRING({X} {Y}, {X + 10} {Y})"));

        var result = Check(data);

        Assert.Single(result.Parks);
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.EmptyGeometry && i.Feature == "P2");
        Assert.Contains(result.Issues, i => i.Code == DataIssueCodes.WrongGeometryType && i.Feature == "P3");
    }

    [Fact]
    public void Parcel_half_inside_red_line_reports_half_its_area()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.EcologicalRedline, Rectangle(X + 50, Y, X + 150, Y + 100))
            .With(LayerRole.PermanentFarmland, Square(X, Y, 10))
            .With(LayerRole.Parcels, Rectangle(X, Y, X + 100, Y + 50), Rectangle(X, Y + 50, X + 20, Y + 100)));

        var parcels = result.Parcels!;
        Assert.Equal(2, parcels.Count);
        Assert.Equal(2500, parcels.EcologicalRedline.AreaM2, 6);
        Assert.Equal(1, parcels.EcologicalRedline.Parcels);
        Assert.Equal(100, parcels.PermanentFarmland.AreaM2, 6);
        Assert.Equal(0, parcels.OutsidePark.AreaM2, 6);
        Assert.Equal(0, parcels.ParcelOverlap.Pairs);
    }

    [Fact]
    public void Parcel_straddling_the_park_boundary_reports_the_part_outside()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.Parcels, Rectangle(X + 80, Y, X + 120, Y + 10)));

        Assert.Equal(200, result.Parcels!.OutsidePark.AreaM2, 6);
        Assert.Equal(1, result.Parcels.OutsidePark.Parcels);
    }

    [Fact]
    public void Parcels_sharing_an_edge_do_not_overlap()
    {
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.Parcels, Square(X, Y, 50), Square(X + 50, Y, 50), Square(X, Y + 50, 50)));

        Assert.Equal(0, result.Parcels!.ParcelOverlap.Pairs);
        Assert.Equal(0, result.Parcels.ParcelOverlap.AreaM2);
    }

    [Fact]
    public void Land_claimed_by_three_parcels_is_counted_once_with_three_pairs()
    {
        // Three 20 × 20 parcels stacked on the same 10 × 10 corner region pairwise: common core 10 × 10 = 100 m².
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.Parcels, Square(X, Y, 20), Square(X + 10, Y + 10, 20), Square(X + 10, Y, 20)));

        var overlap = result.Parcels!.ParcelOverlap;
        Assert.Equal(3, overlap.Pairs);
        // Pairwise: P1∩P2 = 10×10, P1∩P3 = 10×20, P2∩P3 = 20×10; their union = 10×20 ∪ 20×10 (P1∩P2 inside both) = 300 m².
        Assert.Equal(300, overlap.AreaM2, 6);
    }

    [Fact]
    public void Keeping_only_control_features_within_reach_changes_no_result()
    {
        // R1 halves the park, R2 lies 5 km away, R3 has no geometry; F1 meets only a parcel outside the park.
        var data = new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.Parcels, Square(X, Y, 50), Square(X + 200, Y, 50))
            .With(LayerRole.EcologicalRedline, Rectangle(X + 50, Y, X + 150, Y + 100), Square(X + 5000, Y, 100), string.Empty)
            .With(LayerRole.PermanentFarmland, Square(X + 220, Y + 10, 10), Square(X - 5000, Y, 100))
            .Build();

        var kept = ConflictCheck.KeepWithinReach(data);
        var pruned = Check(kept);
        var whole = new ConflictCheck(ConflictCheckOptions.Default).Check(data);

        Assert.Equal(["R1", "R3"], kept.Find(LayerRole.EcologicalRedline)!.Features.Select(f => f.Id));
        Assert.Equal(1, kept.Find(LayerRole.EcologicalRedline)!.FeaturesOutOfReach);
        Assert.Equal(["F1"], kept.Find(LayerRole.PermanentFarmland)!.Features.Select(f => f.Id));
        Assert.Equal(2, kept.Find(LayerRole.Parcels)!.Features.Count);
        Assert.Equal(5000, Tally(pruned, ConflictKind.EcologicalRedline).AreaM2, 6);
        Assert.Equal(100, pruned.Parcels!.PermanentFarmland.AreaM2, 6);
        Assert.Equal(whole.Parks[0].Conflicts, pruned.Parks[0].Conflicts);
        Assert.Equal(whole.Parcels, pruned.Parcels);
        Assert.Equal(whole.Issues.Select(i => (i.Code, i.Feature)), pruned.Issues.Select(i => (i.Code, i.Feature)));
        Assert.Contains(pruned.Issues, i => i.Code == DataIssueCodes.EmptyGeometry && i.Feature == "R3");
    }

    [Fact]
    public void In_lon_lat_a_control_feature_just_beside_a_park_is_kept()
    {
        // Park 0.01° square at (111, 39.8) in CGCS2000 lon/lat; R1 starts 0.0005° (about 50 m) east of it, R2 0.05° away.
        var lonLat = CrsRegistry.FromEpsg(4490)!;
        var data = new TestDatasets().With(LayerRole.Parks, lonLat, Square(111, 39.8, 0.01))
            .With(LayerRole.EcologicalRedline, lonLat, Square(111.0105, 39.8, 0.01), Square(111.06, 39.8, 0.01))
            .Build();

        var kept = ConflictCheck.KeepWithinReach(data).Find(LayerRole.EcologicalRedline)!;

        Assert.Equal(["R1"], kept.Features.Select(f => f.Id));
        Assert.Equal(1, kept.FeaturesOutOfReach);
    }

    [Fact]
    public void A_control_layer_wholly_out_of_reach_is_not_reported_empty()
    {
        var data = new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.EcologicalRedline, Square(X + 5000, Y, 100)).Build();

        var result = new ConflictCheck(ConflictCheckOptions.Default).Check(ConflictCheck.KeepWithinReach(data));

        Assert.Empty(ConflictCheck.KeepWithinReach(data).Find(LayerRole.EcologicalRedline)!.Features);
        Assert.DoesNotContain(result.Issues, i => i.Code == DataIssueCodes.EmptyLayer);
        Assert.Equal(0, Tally(result, ConflictKind.EcologicalRedline).AreaM2);
        Assert.True(Tally(result, ConflictKind.EcologicalRedline).Checked);
    }

    [Fact]
    public void Parcels_crossing_in_a_chain_add_their_overlaps()
    {
        // A ∩ B = 10 × 15 and B ∩ C = 5 × 10, edges crossing properly; A and C apart: 150 + 50 = 200 m², two pairs.
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.Parcels, Square(X, Y, 20), Rectangle(X + 10, Y + 5, X + 30, Y + 25), Rectangle(X + 25, Y + 15, X + 40, Y + 30)));

        Assert.Equal(2, result.Parcels!.ParcelOverlap.Pairs);
        Assert.Equal(200, result.Parcels.ParcelOverlap.AreaM2, 6);
    }

    [Fact]
    public void Land_under_three_crossing_parcels_is_counted_once()
    {
        // A = [0,20]², B = [10,30]×[5,25], C = [5,25]×[12,32], every contact a proper crossing. Pairwise 150, 120 and
        // 195 m²; all three share [10,20]×[12,20] = 80 m²; the union of the pairwise overlaps is 465 − 3·80 + 80 = 305.
        var result = Check(new TestDatasets().With(LayerRole.Parks, Park)
            .With(LayerRole.Parcels, Square(X, Y, 20), Rectangle(X + 10, Y + 5, X + 30, Y + 25), Rectangle(X + 5, Y + 12, X + 25, Y + 32)));

        Assert.Equal(3, result.Parcels!.ParcelOverlap.Pairs);
        Assert.Equal(305, result.Parcels.ParcelOverlap.AreaM2, 6);
    }

    [Fact]
    public void Parcel_progress_rises_in_whole_tenths()
    {
        // 37 parcels (not a multiple of ten): every line is a whole tenth, each higher than the last, none at 100 %.
        var parcels = Enumerable.Range(0, 37).Select(k => Square(X + (k % 10 * 10), Y + (k / 10 * 10), 10)).ToArray();
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        new ConflictCheck(ConflictCheckOptions.Default, new Lines(lines))
            .Check(new TestDatasets().With(LayerRole.Parks, Park).With(LayerRole.Parcels, parcels).Build());

        var percents = lines.Where(l => l.StartsWith("checking parcels ", StringComparison.Ordinal) && l.EndsWith('%'))
            .Select(l => int.Parse(l["checking parcels ".Length..^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(percents);
        Assert.All(percents, p => Assert.True(p % 10 == 0 && p is > 0 and < 100, $"{p}%"));
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(percents.Distinct().Count(), percents.Count);
    }

    private sealed class Lines(System.Collections.Concurrent.ConcurrentQueue<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Enqueue(value);
    }

    [Fact]
    public void Results_do_not_depend_on_feature_order()
    {
        string[] parks = [Park, Rectangle(X + 75, Y, X + 175, Y + 100), Square(X + 300, Y, 50)];
        string[] red = [Rectangle(X + 50, Y, X + 150, Y + 100), Square(X + 310, Y + 10, 5)];
        var forward = Check(new TestDatasets().With(LayerRole.Parks, parks).With(LayerRole.EcologicalRedline, red));
        var backward = Check(new TestDatasets().With(LayerRole.Parks, [.. parks.Reverse()]).With(LayerRole.EcologicalRedline, [.. red.Reverse()]));

        var forwardAreas = forward.Parks.Select(p => p.Conflicts[ConflictKind.EcologicalRedline].AreaM2).Order().ToList();
        var backwardAreas = backward.Parks.Select(p => p.Conflicts[ConflictKind.EcologicalRedline].AreaM2).Order().ToList();
        Assert.Equal(forwardAreas, backwardAreas);
    }

    [Fact]
    public void Lon_lat_parks_are_analysed_in_the_zone_of_their_own_centroid()
    {
        var lonLat = CrsRegistry.FromEpsg(4490)!;
        var result = Check(new TestDatasets().With(LayerRole.Parks, lonLat,
            Rectangle(107.00, 39.50, 107.01, 39.51), // 鄂托克 (棋盘井): zone 36, CM 108°E
            Rectangle(111.20, 39.85, 111.21, 39.86))); // 准格尔: zone 37, CM 111°E

        Assert.Equal("EPSG:4545", result.Parks[0].Crs.Code);
        Assert.Equal("EPSG:4546", result.Parks[1].Crs.Code);
        // 0.01° × 0.01° at 39.5°N ≈ 1113 m × 859 m; planar GK area is within 0.1% of that.
        Assert.InRange(result.Parks[0].AreaM2, 0.95e6, 0.97e6);
    }

    [Fact]
    public void Zone_prefixed_layer_is_analysed_without_the_prefix_and_keeps_areas()
    {
        var prefixed = CrsRegistry.FromEpsg(4525)!; // zone 37 with prefix
        var plain = CrsRegistry.FromEpsg(4546)!; // zone 37 without
        var result = Check(new TestDatasets()
            .With(LayerRole.Parks, prefixed, Square(37_000_000 + X, Y, 100))
            .With(LayerRole.EcologicalRedline, plain, Rectangle(X + 50, Y, X + 150, Y + 100)));

        Assert.Equal("EPSG:4546", result.Parks[0].Crs.Code);
        Assert.Equal(5000, Tally(result, ConflictKind.EcologicalRedline).AreaM2, 6);
    }
    [Fact]
    public void The_parks_results_are_told_once_per_call_and_are_the_results_parks()
    {
        // Two parks, the second half in the red line (5 000 m²); a parcel that is checked after them.
        var data = new TestDatasets().With(LayerRole.Parks, Square(X + 1000, Y, 100), Park)
            .With(LayerRole.EcologicalRedline, Rectangle(X + 50, Y, X + 150, Y + 100))
            .With(LayerRole.Parcels, Rectangle(X, Y, X + 100, Y + 50)).Build();
        var assessment = ParkGis.Core.Assessment.ParkAssessment.Of(data);
        var told = new List<IReadOnlyList<ParkConflicts>>();

        var result = assessment.Conflicts(1.0, told.Add);
        var again = assessment.Conflicts(1.0, told.Add);

        Assert.Equal(2, told.Count);
        Assert.Same(result, again);
        Assert.Equal(result.Parks, told[0]);
        Assert.Equal(result.Parks, told[1]);
        Assert.Equal(5000, Tally(result, ConflictKind.EcologicalRedline, park: result.Parks.ToList().FindIndex(p => p.Patches.Count > 0)).AreaM2, 6);
    }
}
