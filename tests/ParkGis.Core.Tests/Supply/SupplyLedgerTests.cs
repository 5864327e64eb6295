using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Publishing;
using ParkGis.Core.Supply;
using static ParkGis.Core.Tests.Supply.LandTestData;

namespace ParkGis.Core.Tests.Supply;

public sealed class SupplyLedgerTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static SupplyLedgerResult Run(LandTestData data, bool reversed = false) => SupplyLedger.Run(data.Build(reversed), AsOf);

    [Fact]
    public void Batch_half_covered_by_a_supplied_parcel_is_half_supplied()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 50, 100)));

        var batch = Assert.Single(result.Batches);
        Assert.Equal(10000, batch.ApprovedM2, 6);
        Assert.Equal(5000, batch.SuppliedM2, 6);
        Assert.Equal(5000, batch.UnsuppliedM2, 6);
        Assert.Equal(0.5, batch.SupplyRate!.Value, 9);
        Assert.Equal(5000, batch.Unsupplied.Area, 6);
    }

    [Fact]
    public void Batch_s_unsupplied_land_is_overlaid_only_when_the_land_itself_is_asked_for()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 50, 100)));

        var batch = Assert.Single(result.Batches);
        Assert.Equal(5000, batch.UnsuppliedM2, 6);
        Assert.False(batch.UnsuppliedLand.IsValueCreated, "the figures need no overlay");
        Assert.Equal(5000, batch.Unsupplied.Area, 6);
        Assert.Equal((50, 100), (batch.Unsupplied.EnvelopeInternal.Width, batch.Unsupplied.EnvelopeInternal.Height)); // the east half
    }

    [Fact]
    public void Batch_supplied_whole_is_left_out_of_the_unsupplied_layer_without_its_overlay()
    {
        // B1 is supplied whole by two parcels side by side; B2 keeps its east half (5,000 m²) unsupplied.
        var result = Run(new LandTestData()
            .Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 50, 100)).Parcel("L2", Box(50, 0, 100, 100))
            .Batch("B2", Box(200, 0, 300, 100)).Parcel("L3", Box(200, 0, 250, 100)));

        var layer = SupplyResults.Unsupplied(result);

        var feature = Assert.Single(layer.Features);
        Assert.Equal("B2", feature.Label);
        Assert.Equal(5000, feature.AreaM2!.Value, 6);
        var whole = result.Batches.Single(b => b.BatchId == "B1");
        Assert.Equal(0, whole.UnsuppliedM2);
        Assert.False(whole.UnsuppliedLand.IsValueCreated, "a batch supplied whole lists no land: its overlay is not needed");
        Assert.True(whole.Unsupplied.IsEmpty, "and made anyway, it holds nothing");
    }

    [Theory]
    [InlineData(0.0, 10000.0, 1.0, false)] // supplied whole
    [InlineData(0.5, 10000.0, 1.0, false)] // half a square metre left: no polygon of 1 m²
    [InlineData(0.995, 10000.0, 1.0, true)] // within a millionth of the batch of the minimum: overlaid
    [InlineData(1.0, 10000.0, 1.0, true)]
    [InlineData(0.0, 10000.0, 0.0, true)] // no minimum: even slivers are listed
    public void Only_a_remainder_near_the_minimum_area_or_above_is_overlaid(double unsuppliedM2, double approvedM2, double minAreaM2, bool overlaid)
    {
        var batch = new BatchSupply("B", string.Empty, null, string.Empty, 1, CrsRegistry.FromEpsg(4545)!, approvedM2, approvedM2 - unsuppliedM2,
            new Lazy<Geometry>(() => throw new InvalidOperationException("not asked")));

        Assert.Equal(overlaid, SupplyResults.MayHoldListedLand(batch, minAreaM2));
    }

    [Fact]
    public void Parcel_supplied_after_the_as_of_date_supplies_nothing()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 50, 100), suppliedOn: "2026-07-01"));

        Assert.Equal(0, result.Batches[0].SuppliedM2);
    }

    [Fact]
    public void A_batch_approved_after_the_as_of_date_is_not_approved_land_on_that_date()
    {
        // B1 (approved 2023) and B2 (approved 2026-07-01, the day after the as-of date), 10,000 m² each, each half supplied
        // in 2024: on 2026-06-30 only B1 exists; L2 was supplied outside every approval then (未批先供).
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 300, 100), ("park_id", "P1"))
            .Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 50, 100))
            .Batch("B2", Box(200, 0, 300, 100), approvedOn: "2026-07-01").Parcel("L2", Box(200, 0, 250, 100));

        var result = Run(data);

        Assert.Equal("B1", Assert.Single(result.Batches).BatchId);
        Assert.Equal(1, result.BatchesApprovedLater);
        Assert.Equal((10000, 5000), (result.ApprovedM2, result.SuppliedM2));
        var park = Assert.Single(result.Parks);
        Assert.Equal(10000, park.ApprovedM2, 6);
        Assert.Equal(5000, park.SuppliedM2, 6);
        Assert.Equal("L2", Assert.Single(result.Unapproved).ParcelId);

        // A day later B2 is approved land, supplied by half.
        var later = SupplyLedger.Run(data.Build(), new DateOnly(2026, 7, 1));
        Assert.Equal(0, later.BatchesApprovedLater);
        Assert.Equal((20000, 10000), (later.ApprovedM2, later.SuppliedM2));
        Assert.Empty(later.Unapproved);
    }

    [Fact]
    public void An_approval_without_a_batch_id_among_numbered_ones_is_a_missing_id_issue_and_a_batch_of_its_own()
    {
        var data = new LandTestData()
            .Batch("B1", Box(0, 0, 100, 100))
            .Add(LayerRole.Approvals, "A2", Box(200, 0, 300, 100), ("batch_id", " "), ("approved_on", "2023-05-01"))
            .Parcel("L1", Box(0, 0, 50, 100));

        var result = Run(data);

        Assert.Equal(2, result.Batches.Count);
        var issue = Assert.Single(result.Issues, i => i.Code == DataIssueCodes.MissingId);
        Assert.Equal("approvals", issue.Layer);
        Assert.Contains("batch_id", issue.Message, StringComparison.Ordinal);

        // A layer where no feature has a batch_id: every feature is a batch, as the data says, with no issue.
        var unnumbered = Run(new LandTestData()
            .Add(LayerRole.Approvals, "A1", Box(0, 0, 100, 100), ("approved_on", "2023-05-01"))
            .Add(LayerRole.Approvals, "A2", Box(200, 0, 300, 100), ("approved_on", "2023-05-01"))
            .Parcel("L1", Box(0, 0, 50, 100)));
        Assert.Equal(2, unnumbered.Batches.Count);
        Assert.DoesNotContain(unnumbered.Issues, i => i.Code == DataIssueCodes.MissingId);
    }

    [Fact]
    public void Supply_outside_any_approval_is_reported_with_its_area()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(50, 0, 150, 100)));

        Assert.Equal(5000, result.Batches[0].SuppliedM2, 6);
        Assert.Equal(5000, result.UnapprovedAreaM2, 6);
        var unapproved = Assert.Single(result.Unapproved);
        Assert.Equal("L1", unapproved.ParcelId);
        Assert.Equal(5000, unapproved.AreaM2, 6);
        Assert.True(result.HasFindings);
        Assert.False(result.ExistingConstructionChecked); // no land-use survey layer: 存量 could not be excluded
    }

    [Fact]
    public void Supply_on_existing_construction_land_of_the_survey_is_not_unapproved_but_on_farmland_it_is()
    {
        // 5000 m² of L1 lie outside B1: 2500 on farmland (DLBM 0103), 2500 on 建制镇 land (三调 CZCSXM 202).
        var result = Run(new LandTestData()
            .Batch("B1", Box(0, 0, 100, 100))
            .Parcel("L1", Box(50, 0, 150, 100))
            .Add(LayerRole.LandUse, "T1", Box(100, 0, 125, 100), ("DLBM", "0103"), ("QSXZ", "20"))
            .Add(LayerRole.LandUse, "T2", Box(125, 0, 150, 100), ("DLBM", "0602"), ("CZCSXM", "202"), ("QSXZ", "20")));

        Assert.True(result.ExistingConstructionChecked);
        Assert.Equal(2500, result.UnapprovedAreaM2, 6);
        Assert.Equal(2500, Assert.Single(result.Unapproved).AreaM2, 6);
    }

    [Fact]
    public void Supply_on_collective_construction_land_still_needs_a_batch_by_default()
    {
        // 村庄 land (CZCSXM 203) owned collectively (QSXZ 30): supplying it as state land needs 征收, so a batch.
        var result = Run(new LandTestData()
            .Batch("B1", Box(0, 0, 100, 100))
            .Parcel("L1", Box(50, 0, 150, 100))
            .Add(LayerRole.LandUse, "T1", Box(100, 0, 150, 100), ("dlbm", "0702"), ("czcsxm", "203"), ("qsxz", "30")));

        Assert.True(result.ExistingConstructionChecked);
        Assert.Equal(5000, result.UnapprovedAreaM2, 6);
    }

    [Fact]
    public void Parcel_touching_a_batch_along_an_edge_is_wholly_outside_it()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(100, 0, 150, 100)));

        Assert.Equal(0, result.Batches[0].SuppliedM2, 6);
        Assert.Equal(5000, result.UnapprovedAreaM2, 6);
    }

    [Fact]
    public void Parcel_in_two_batches_counts_for_each_only_where_it_overlaps_it()
    {
        var result = Run(new LandTestData()
            .Batch("B1", Box(0, 0, 100, 100)).Batch("B2", Box(100, 0, 200, 100))
            .Parcel("L1", Box(50, 0, 130, 100)));

        Assert.Equal(5000, result.Batches.Single(b => b.BatchId == "B1").SuppliedM2, 6);
        Assert.Equal(3000, result.Batches.Single(b => b.BatchId == "B2").SuppliedM2, 6);
        Assert.Empty(result.Unapproved);
    }

    [Fact]
    public void Features_sharing_a_batch_id_are_one_batch_and_their_overlap_counts_once()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Batch("B1", Box(50, 0, 150, 100)).Parcel("L1", Box(500, 0, 510, 10), suppliedOn: ""));

        var batch = Assert.Single(result.Batches);
        Assert.Equal(15000, batch.ApprovedM2, 6);
        Assert.Equal(2, batch.Features);
    }

    [Fact]
    public void Overlapping_supplied_parcels_are_not_counted_twice()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 60, 100)).Parcel("L2", Box(40, 0, 80, 100)));

        Assert.Equal(8000, result.Batches[0].SuppliedM2, 6);
    }

    [Fact]
    public void Parcel_with_an_unparseable_supply_date_is_not_supplied_and_reported()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 50, 100), suppliedOn: "2023-13-45"));

        Assert.Equal(0, result.Batches[0].SuppliedM2);
        var issue = Assert.Single(result.Issues, i => i.Code == DataIssueCodes.UnparseableValue);
        Assert.Equal("L1", issue.Feature);
        Assert.Contains("supplied_on", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Window_holds_the_five_calendar_years_before_the_as_of_year_area_weighted()
    {
        var result = Run(new LandTestData()
            .Batch("2020", Box(0, 0, 100, 100), "2020-12-31")
            .Batch("2021", Box(200, 0, 300, 100), "2021-01-01")
            .Batch("2025", Box(400, 0, 600, 100), "2025年12月31日")
            .Batch("2026", Box(700, 0, 800, 100), "2026-01-01")
            .Parcel("L1", Box(200, 0, 300, 100))
            .Parcel("L2", Box(400, 0, 450, 100)));

        var window = result.Window;
        Assert.Equal(new DateOnly(2021, 1, 1), window.From);
        Assert.Equal(new DateOnly(2025, 12, 31), window.To);
        Assert.Equal(2, window.Batches);
        Assert.Equal(30000, window.ApprovedM2, 6);
        Assert.Equal(15000, window.SuppliedM2, 6);
        Assert.Equal(0.5, window.SupplyRate!.Value, 9);
        Assert.True(window.BelowYardstick);
    }

    [Fact]
    public void Window_rate_of_exactly_60_percent_meets_the_yardstick()
    {
        var result = Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 60, 100)));

        Assert.Equal(0.6, result.Window.SupplyRate!.Value, 9);
        Assert.False(result.Window.BelowYardstick);
        Assert.False(result.HasFindings);
    }

    [Fact]
    public void Park_counts_only_the_approved_land_inside_it_and_banners_sum_their_parks()
    {
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"), ("banner", "甲旗"))
            .Add(LayerRole.Parks, "P2", Box(100, 0, 200, 100), ("park_id", "P2"), ("name", "乙园区"), ("banner", "甲旗"))
            .Batch("B1", Box(50, 0, 150, 100))
            .Parcel("L1", Box(50, 0, 100, 50));

        var result = Run(data);

        var p1 = result.Parks.Single(p => p.Id == "P1");
        Assert.Equal(5000, p1.ApprovedM2, 6);
        Assert.Equal(2500, p1.SuppliedM2, 6);
        Assert.Equal(0, result.Parks.Single(p => p.Id == "P2").SuppliedM2, 6);
        var banner = Assert.Single(result.Banners);
        Assert.Equal(10000, banner.ApprovedM2, 6);
        Assert.Equal(0.25, banner.SupplyRate!.Value, 9);
    }

    [Fact]
    public void A_banner_of_parks_that_share_no_interior_shows_exactly_the_sum_of_its_park_rows()
    {
        // P1 and P2 touch along x = 100; P3 stands apart. Batches and parcels cross the parks' common edge.
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"), ("banner", "甲旗"))
            .Add(LayerRole.Parks, "P2", Box(100, 0, 200, 100), ("park_id", "P2"), ("name", "乙园区"), ("banner", "甲旗"))
            .Add(LayerRole.Parks, "P3", Box(300, 0, 330, 30), ("park_id", "P3"), ("name", "丙园区"), ("banner", "甲旗"))
            .Batch("B1", Box(30, 10, 170, 90))
            .Batch("B2", Box(290, 0, 320, 30))
            .Parcel("L1", Box(90, 20, 130, 60))
            .Parcel("L2", Box(310, 0, 340, 10));

        var result = Run(data);

        var parks = result.Parks.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var banner = Assert.Single(result.Banners);
        Assert.Equal(parks[0].ApprovedM2 + parks[1].ApprovedM2 + parks[2].ApprovedM2, banner.ApprovedM2);
        Assert.Equal(parks[0].SuppliedM2 + parks[1].SuppliedM2 + parks[2].SuppliedM2, banner.SuppliedM2);
        Assert.Equal(140 * 80 + 20 * 30, banner.ApprovedM2, 6);
        Assert.Equal(40 * 40 + 10 * 10, banner.SuppliedM2, 6);
    }

    [Fact]
    public void A_banner_of_overlapping_parks_counts_their_common_land_once()
    {
        // P1 and P2 overlap on (50,0)–(100,100): the 旗区 holds 15,000 m² of approved land, not 20,000.
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"), ("banner", "甲旗"))
            .Add(LayerRole.Parks, "P2", Box(50, 0, 150, 100), ("park_id", "P2"), ("name", "乙园区"), ("banner", "甲旗"))
            .Batch("B1", Box(0, 0, 150, 100))
            .Parcel("L1", Box(40, 0, 60, 100));

        var result = Run(data);

        Assert.Equal(10000, result.Parks.Single(p => p.Id == "P1").ApprovedM2, 6);
        Assert.Equal(10000, result.Parks.Single(p => p.Id == "P2").ApprovedM2, 6);
        var banner = Assert.Single(result.Banners);
        Assert.Equal(15000, banner.ApprovedM2, 6);
        Assert.Equal(2000, banner.SuppliedM2, 6);
    }

    [Fact]
    public void Two_hundred_stacked_copies_of_a_parcel_across_two_batches_and_the_park_edge_count_its_land_once()
    {
        // Park P1 = (0,0)–(110,110); B1 = (0,0)–(100,100), B2 = (100,0)–(200,100); every copy of L = (80,60)–(120,120)
        // lies 800 m² in B1, 800 m² in B2 (of which 400 in the park) and 800 m² above both batches (400 in the park).
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 110, 110), ("park_id", "P1"), ("name", "甲园区"), ("banner", "甲旗"))
            .Batch("B1", Box(0, 0, 100, 100))
            .Batch("B2", Box(100, 0, 200, 100));
        for (var copy = 1; copy <= 200; copy++)
        {
            data.Parcel(FormattableString.Invariant($"L{copy:000}"), Box(80, 60, 120, 120));
        }

        var result = Run(data);

        var park = Assert.Single(result.Parks);
        Assert.Equal(11000, park.ApprovedM2, 6);
        Assert.Equal(1200, park.SuppliedM2, 6);
        var banner = Assert.Single(result.Banners);
        Assert.Equal(11000, banner.ApprovedM2, 6);
        Assert.Equal(1200, banner.SuppliedM2, 6);
        Assert.Equal(800, result.Batches.Single(b => b.BatchId == "B1").SuppliedM2, 6);
        Assert.Equal(800, result.Batches.Single(b => b.BatchId == "B2").SuppliedM2, 6);
        Assert.Equal(10000 - 800, result.Batches.Single(b => b.BatchId == "B2").Unsupplied.Area, 6);
        Assert.Equal(800, result.UnapprovedAreaM2, 6);
        Assert.Equal(200, result.Unapproved.Count);
        Assert.All(result.Unapproved, u => Assert.Equal(800, u.AreaM2, 6));
    }

    /// <summary>
    /// A 200 m park with a 100 m hole (3 公顷) under batch B1 (reaching 50 m beyond the park's right edge); supplied: L1 in the hole, L2 inside, L3 across the park's
    /// outer edge (400 m² inside), L4 inside beside L2, L5 lying on L2, L6 across the edge of the batch B2 that covers
    /// the park's top-left 50 m.
    /// </summary>
    private static LandTestData ParkWithHole() => new LandTestData()
        .Add(LayerRole.Parks, "P1", Box(0, 0, 200, 200).Replace("))", "), (" + Box(50, 50, 150, 150)["POLYGON((".Length..], StringComparison.Ordinal), ("park_id", "P1"), ("name", "甲园区"))
        .Batch("B1", Box(0, 0, 250, 150))
        .Batch("B2", Box(0, 150, 50, 200))
        .Parcel("L1", Box(60, 60, 140, 140))
        .Parcel("L2", Box(0, 0, 40, 40))
        .Parcel("L3", Box(180, 130, 220, 170))
        .Parcel("L4", Box(40, 0, 60, 40))
        .Parcel("L5", Box(10, 10, 30, 30))
        .Parcel("L6", Box(40, 160, 60, 180));

    [Fact]
    public void A_supplied_parcel_in_a_park_s_hole_supplies_none_of_the_park_and_one_across_its_edge_only_its_part_inside()
    {
        var park = Assert.Single(Run(ParkWithHole()).Parks);

        // Approved: the park (30,000 m²) less B1's gap above y = 150 right of x = 50 (150 × 50 = 7,500 m²).
        Assert.Equal(22500, park.ApprovedM2, 6);
        // L2 1,600 (L5 on it counts once) + L4 800 + L3's 20 × 20 inside the park and under B1 + L6's 10 × 20 under B2.
        Assert.Equal(1600 + 800 + 400 + 200, park.SuppliedM2, 6);
    }

    [Fact]
    public void A_park_measured_alone_gives_the_ledger_s_own_park_figures()
    {
        var data = ParkWithHole().Add(LayerRole.Parks, "P2", Box(200, 0, 300, 200), ("park_id", "P2"), ("name", "乙园区"));

        var ledger = SupplyLedger.Run(data.Build(), AsOf).Parks;
        var alone = new SupplyLedger(SupplyLedgerOptions.Default).ParkFigures(ParkGis.Core.Assessment.ParkAssessment.Of(data.Build()), AsOf);

        Assert.Equal(2, alone.Count);
        Assert.Equal(ledger, alone);
        Assert.Equal(400, alone.Single(p => p.Id == "P2").SuppliedM2, 6); // L3's other half, inside P2 and under B1
    }

    /// <summary>
    /// A round park of 600 vertices (so parcels on its edge are cut by windows of it) alone in 甲旗, two square parks in 乙旗;
    /// batches on a 500 m grid, every other one approved before the window, one more across the middle lying on the grid's;
    /// 120 m parcels every 170 m, across the park's edge and the batches' edges.
    /// </summary>
    private static LandTestData RoundParkWithOldAndNewBatches(bool onlyTheWindow)
    {
        var ring = Enumerable.Range(0, 601).Select(k => (X: 2000 + (2000 * Math.Cos(2 * Math.PI * (k % 600) / 600)), Y: 2000 + (2000 * Math.Sin(2 * Math.PI * (k % 600) / 600))));
        var round = "POLYGON((" + string.Join(", ", ring.Select(c => FormattableString.Invariant($"{X + c.X} {Y + c.Y}"))) + "))";
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", round, ("park_id", "P1"), ("name", "甲园区"), ("banner", "甲旗"))
            .Add(LayerRole.Parks, "P2", Box(4000, 0, 4500, 1000), ("park_id", "P2"), ("name", "乙园区"), ("banner", "乙旗"))
            .Add(LayerRole.Parks, "P3", Box(4000, 1500, 4500, 2500), ("park_id", "P3"), ("name", "丙园区"), ("banner", "乙旗"));
        for (var i = 0; i < 9; i++)
        {
            for (var j = 0; j < 8; j++)
            {
                var old = (i + j) % 2 == 0;
                if (!(old && onlyTheWindow))
                {
                    data.Batch(FormattableString.Invariant($"B{i}{j}"), Box(500 * i, 500 * j, 500 * (i + 1), 500 * (j + 1)), old ? "2018-05-01" : "2023-05-01");
                }
            }
        }

        data.Batch("BX", Box(700, 1750, 4300, 2250), "2024-05-01");
        for (var i = 0; i < 27; i++)
        {
            for (var j = 0; j < 24; j++)
            {
                data.Parcel(FormattableString.Invariant($"L{i:00}{j:00}"), Box(170 * i, 170 * j, (170 * i) + 120, (170 * j) + 120));
            }
        }

        return data;
    }

    [Fact]
    public void A_park_s_window_figures_are_its_figures_with_only_the_window_s_batches_to_the_last_bit()
    {
        var all = Run(RoundParkWithOldAndNewBatches(onlyTheWindow: false));
        var windowOnly = Run(RoundParkWithOldAndNewBatches(onlyTheWindow: true));

        Assert.Equal(windowOnly.Parks.Select(p => (p.Id, p.ApprovedM2, p.SuppliedM2)), all.ParksInWindow.Select(p => (p.Id, p.ApprovedM2, p.SuppliedM2)));
        Assert.NotEqual(all.Parks.Select(p => p.SuppliedM2), all.ParksInWindow.Select(p => p.SuppliedM2));
        var p1 = all.ParksInWindow.Single(p => p.Id == "P1");
        Assert.True(p1.SuppliedM2 > 1_000_000 && p1.ApprovedM2 > p1.SuppliedM2, $"{p1}");
    }

    [Fact]
    public void A_banner_of_one_round_park_is_that_park_to_the_last_bit_and_both_are_the_overlay_s_areas()
    {
        var data = RoundParkWithOldAndNewBatches(onlyTheWindow: false);

        var result = Run(data);

        var park = result.Parks.Single(p => p.Id == "P1");
        var banner = result.Banners.Single(b => b.Banner == "甲旗");
        Assert.Equal((park.ApprovedM2, park.SuppliedM2, park.Crs.Epsg), (banner.ApprovedM2, banner.SuppliedM2, banner.Crs.Epsg));
        // The rule itself, with whole-layer unions: approved = park ∩ ∪batches, supplied = that ∩ ∪parcels.
        var built = data.Build();
        var parkGeometry = built.Layers[LayerRole.Parks].Features[0].Geometry;
        Geometry Union(LayerRole role) => OverlayNGRobust.Union(built.Layers[role].Features.Select(f => f.Geometry).ToList(), parkGeometry.Factory);
        var approved = OverlayNGRobust.Overlay(parkGeometry, Union(LayerRole.Approvals), SpatialFunction.Intersection);
        var supplied = OverlayNGRobust.Overlay(approved, Union(LayerRole.Parcels), SpatialFunction.Intersection);
        Assert.Equal(approved.Area, park.ApprovedM2, 1e-6 * approved.Area);
        Assert.Equal(supplied.Area, park.SuppliedM2, 1e-6 * approved.Area);
        var yi = result.Banners.Single(b => b.Banner == "乙旗");
        Assert.Equal(result.Parks.Where(p => p.Banner == "乙旗").Sum(p => p.ApprovedM2), yi.ApprovedM2, 1e-3);
    }

    [Fact]
    public void Result_does_not_depend_on_feature_order()
    {
        var data = new LandTestData()
            .Batch("B2", Box(100, 0, 200, 100)).Batch("B1", Box(0, 0, 100, 100)).Batch("B1", Box(0, 100, 50, 150))
            .Parcel("L2", Box(150, 50, 250, 100)).Parcel("L1", Box(20, 20, 120, 120));

        var a = Run(data);
        var b = Run(data, reversed: true);

        Assert.Equal(a.Batches.Select(x => (x.BatchId, x.ApprovedM2, x.SuppliedM2)), b.Batches.Select(x => (x.BatchId, x.ApprovedM2, x.SuppliedM2)));
        Assert.Equal(a.UnapprovedAreaM2, b.UnapprovedAreaM2);
        Assert.Equal(a.Issues, b.Issues);
    }

    [Fact]
    public void Dataset_without_approvals_is_unusable_with_PG0102()
    {
        var error = Assert.Throws<UnusableInputException>(() => Run(new LandTestData().Parcel("L1", Box(0, 0, 10, 10))));
        Assert.Equal(ErrorCodes.RequiredLayerMissing, error.Code);
        Assert.NotNull(error.Hint);
    }
}
