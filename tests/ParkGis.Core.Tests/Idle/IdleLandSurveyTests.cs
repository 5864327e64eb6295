using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Idle;
using ParkGis.Core.Tests.Supply;
using static ParkGis.Core.Tests.Supply.LandTestData;

namespace ParkGis.Core.Tests.Idle;

public sealed class IdleLandSurveyTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static LandTestData Data() => new LandTestData()
        .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
        .Add(LayerRole.Parks, "P2", Box(100, 0, 200, 100), ("park_id", "P2"), ("name", "乙园区"))
        .Add(LayerRole.Parcels, "L1", Box(60, 0, 120, 50),
            ("parcel_id", "L1"), ("park_id", ""), ("supplied_on", "2020/1/1"), ("agreed_start", "20240630"), ("land_price_wan", 500.0))
        .Add(LayerRole.Parcels, "L2", Box(150, 0, 200, 50),
            ("parcel_id", "L2"), ("park_id", "P2"), ("supplied_on", "2020-01-01"), ("agreed_start", "not a date"));

    [Fact]
    public void Parcel_without_park_id_goes_to_the_park_it_overlaps_most_and_its_area_is_measured()
    {
        var result = IdleLandSurvey.Run(Data().Build(), AsOf);

        var l1 = result.Parcels.Single(p => p.ParcelId == "L1");
        Assert.Equal("P1", l1.ParkId);
        Assert.Equal(3000, l1.AreaM2, 6);
        Assert.Equal(IdleStatus.IdleUnstarted, l1.Verdict.Status);
        Assert.True(l1.Verdict.ReclaimEligible, "exactly two years");
        Assert.Equal(100, l1.Verdict.IdleFeeWan!.Value, 9);
        var p1 = result.Parks.Single(p => p.ParkId == "P1");
        Assert.Equal(1, p1.IdleParcels);
        Assert.Equal(3000, p1.IdleAreaM2, 6);
        Assert.Equal(3000, result.Totals.ReclaimAreaM2, 6);
        Assert.True(result.HasIdleLand);
    }

    [Fact]
    public void Unparseable_agreed_start_gives_status_unknown_and_a_data_issue_naming_the_field()
    {
        var result = IdleLandSurvey.Run(Data().Build(), AsOf);

        Assert.Equal(IdleStatus.Unknown, result.Parcels.Single(p => p.ParcelId == "L2").Verdict.Status);
        Assert.Contains(result.Issues, i => i.Feature == "L2" && i.Code == DataIssueCodes.UnparseableValue
            && i.Message.Contains("agreed_start", StringComparison.Ordinal));
    }

    [Fact]
    public void Survey_does_not_depend_on_feature_order()
    {
        var a = IdleLandSurvey.Run(Data().Build(), AsOf);
        var b = IdleLandSurvey.Run(Data().Build(reversed: true), AsOf);

        Assert.Equal(a.Parcels.Select(p => (p.ParcelId, p.ParkId, p.AreaM2, p.Verdict)), b.Parcels.Select(p => (p.ParcelId, p.ParkId, p.AreaM2, p.Verdict)));
        Assert.Equal(a.Issues, b.Issues);
        Assert.Equal(a.Totals, b.Totals);
    }

    [Fact]
    public void An_input_error_while_judging_a_parcel_keeps_its_code_not_wrapped_by_the_parallel_rule()
    {
        // The rule runs per parcel in a parallel loop; an input error raised there must reach the CLI as itself (exit 3
        // with code, location and hint), not as the loop's AggregateException (exit 4, "ParkGis defect").
        var data = Data().Add(LayerRole.Parcels, "L3", Box(0, 60, 10, 70),
            ("parcel_id", "L3"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("developed_ratio", new UnreadableValue()));

        var error = Assert.Throws<UnusableInputException>(() => IdleLandSurvey.Run(data.Build(), AsOf));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
    }

    [Fact]
    public void Issues_of_many_unreadable_parcels_in_different_parks_come_in_parcel_order_whatever_thread_judged_them()
    {
        // Enough parcels for the parallel rule to split them between threads; each has one or two issues.
        var data = Data();
        for (var i = 0; i < 400; i++)
        {
            var x = (i % 40) * 5;
            var y = 110 + ((i / 40) * 5);
            data.Add(LayerRole.Parcels, $"M{i:D3}", Box(x, y, x + 4, y + 4),
                ("parcel_id", $"M{i:D3}"), ("park_id", i % 2 == 0 ? "P1" : "P2"), ("supplied_on", i % 3 == 0 ? "2023-13-45" : "2020-01-01"),
                ("agreed_start", "not a date"), ("developed_ratio", i % 5 == 0 ? "abc" : null));
        }

        var result = IdleLandSurvey.Run(data.Build(), AsOf);
        var again = IdleLandSurvey.Run(data.Build(reversed: true), AsOf);

        var order = result.Parcels.Select(p => p.ParcelId).ToList();
        var issued = result.Issues.Where(i => i.Feature is { } f && f.StartsWith('M')).Select(i => order.IndexOf(i.Feature!)).ToList();
        Assert.True(issued.Count > 400, $"{issued.Count} issues");
        Assert.Equal(issued.Order(), issued);
        Assert.Equal(result.Issues, again.Issues);
    }

    [Fact]
    public void Government_caused_parcel_counts_in_the_idle_totals_by_cause_and_owes_nothing()
    {
        var data = Data().Add(LayerRole.Parcels, "L3", Box(0, 60, 10, 70),
            ("parcel_id", "L3"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("land_price_wan", 800.0),
            ("government_cause", "规划调整"));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        Assert.Equal(2, result.Totals.IdleParcels);
        Assert.Equal(3100, result.Totals.IdleAreaM2, 6);
        Assert.Equal(new IdleTally(1, 100), result.Totals.ByGovernment);
        Assert.Equal(new IdleTally(1, 3000), result.Totals.ByEnterprise);
        Assert.Equal(new IdleTally(2, 3100), result.Totals.Unstarted);
        Assert.Equal(1, result.Totals.GovernmentDelayParcels);
        Assert.Equal(100, result.Totals.IdleFeeWan, 9);
        Assert.Equal(1, result.Totals.ReclaimParcels);
    }

    [Fact]
    public void Unrecognised_government_cause_is_item_six_with_a_data_issue()
    {
        var data = Data().Add(LayerRole.Parcels, "L3", Box(0, 60, 10, 70),
            ("parcel_id", "L3"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("government_cause", "其他"));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        Assert.Equal("六", result.Parcels.Single(p => p.ParcelId == "L3").Verdict.GovernmentCauseItem);
        Assert.Contains(result.Issues, i => i.Feature == "L3" && i.Code == DataIssueCodes.UnrecognisedValue);
    }

    [Theory]
    [InlineData("否")]
    [InlineData(" 无 ")]
    [InlineData("不属实")]
    [InlineData("N")]
    [InlineData("false")]
    [InlineData("0")]
    public void A_government_cause_answered_no_leaves_the_idle_land_to_the_enterprise_with_its_fee(string answer)
    {
        // 100 m², 800 万元: idle since 2023-06-30, the enterprise's → 20 % fee, reclaim after two full years.
        var data = Data().Add(LayerRole.Parcels, "L3", Box(0, 60, 10, 70),
            ("parcel_id", "L3"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("land_price_wan", 800.0),
            ("government_cause", answer));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        var verdict = result.Parcels.Single(p => p.ParcelId == "L3").Verdict;
        Assert.Equal(IdleStatus.IdleUnstarted, verdict.Status);
        Assert.Equal("enterprise", verdict.Cause);
        Assert.Equal(160, verdict.IdleFeeWan!.Value, 9);
        Assert.Equal(0, result.Totals.GovernmentDelayParcels);
        Assert.DoesNotContain(result.Issues, i => i.Feature == "L3");
    }

    [Theory]
    [InlineData("是")]
    [InlineData("Y")]
    [InlineData("TRUE")]
    public void A_government_cause_answered_yes_is_item_six_with_an_issue_saying_no_item_is_named(string answer)
    {
        var data = Data().Add(LayerRole.Parcels, "L3", Box(0, 60, 10, 70),
            ("parcel_id", "L3"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("government_cause", answer));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        var verdict = result.Parcels.Single(p => p.ParcelId == "L3").Verdict;
        Assert.Equal(IdleStatus.GovernmentDelay, verdict.Status);
        Assert.Equal("六", verdict.GovernmentCauseItem);
        var issue = Assert.Single(result.Issues, i => i.Feature == "L3");
        Assert.Equal(DataIssueCodes.UnrecognisedValue, issue.Code);
        Assert.Contains("names no item", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parcel_entered_twice_is_a_duplicate_geometry_issue_naming_the_first_record()
    {
        // L3 and L4 are one 100 m² square, entered twice (the second starting at another corner): both idle, both counted.
        var data = Data()
            .Add(LayerRole.Parcels, "L4", FormattableString.Invariant($"POLYGON(({X + 10} {Y + 60}, {X + 10} {Y + 70}, {X} {Y + 70}, {X} {Y + 60}, {X + 10} {Y + 60}))"),
                ("parcel_id", "L4"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("land_price_wan", 10.0))
            .Add(LayerRole.Parcels, "L3", Box(0, 60, 10, 70),
                ("parcel_id", "L3"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("land_price_wan", 10.0));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        var issue = Assert.Single(result.Issues, i => i.Code == DataIssueCodes.DuplicateGeometry);
        Assert.Equal("L4", issue.Feature);
        Assert.Contains("L3", issue.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Parcels.Count(p => p.ParcelId is "L3" or "L4"));
    }

    [Fact]
    public void A_land_price_written_in_yuan_is_a_unit_mistake_and_the_fee_is_not_computed()
    {
        // 600 m² = 0.9 亩. 72 万元 is 80 万元/亩 (used); 720,000 (元) would be 800,000 万元/亩: a unit mistake, no fee.
        var data = Data()
            .Add(LayerRole.Parcels, "L3", Box(0, 60, 20, 90),
                ("parcel_id", "L3"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("land_price_wan", 72.0))
            .Add(LayerRole.Parcels, "L4", Box(30, 60, 50, 90),
                ("parcel_id", "L4"), ("park_id", "P1"), ("supplied_on", "2020-01-01"), ("agreed_start", "2023-06-30"), ("land_price_wan", 720_000.0));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        Assert.Equal(14.4, result.Parcels.Single(p => p.ParcelId == "L3").Verdict.IdleFeeWan!.Value, 9);
        var l4 = result.Parcels.Single(p => p.ParcelId == "L4").Verdict;
        Assert.Equal(IdleStatus.IdleUnstarted, l4.Status);
        Assert.Null(l4.IdleFeeWan);
        Assert.Contains(result.Issues, i => i.Feature == "L4" && i.Code == DataIssueCodes.UnitMistake
            && i.Message.Contains("800000", StringComparison.Ordinal) && i.Message.Contains("元", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Issues, i => i.Feature == "L3");
    }

    [Fact]
    public void A_banner_with_two_parks_sums_both_and_parcels_in_no_park_stand_apart()
    {
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P03", Box(0, 0, 100, 100), ("park_id", "P03"), ("banner", "乌审旗"))
            .Add(LayerRole.Parks, "P04", Box(200, 0, 300, 100), ("park_id", "P04"), ("banner", "乌审旗"))
            .Add(LayerRole.Parcels, "A", Box(0, 0, 10, 10), ("parcel_id", "A"), ("supplied_on", "2020-01-01"), ("agreed_start", "2024-01-01"), ("land_price_wan", 10.0))
            .Add(LayerRole.Parcels, "B", Box(200, 0, 220, 10), ("parcel_id", "B"), ("supplied_on", "2020-01-01"), ("agreed_start", "2024-01-01"), ("land_price_wan", 10.0))
            .Add(LayerRole.Parcels, "C", Box(500, 0, 510, 10), ("parcel_id", "C"), ("supplied_on", "2020-01-01"), ("agreed_start", "2024-01-01"), ("land_price_wan", 10.0));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        var banner = Assert.Single(result.Banners, b => b.Banner == "乌审旗");
        Assert.Equal(2, banner.IdleParcels);
        Assert.Equal(300, banner.IdleAreaM2, 6);
        Assert.Equal(1.0, banner.IdleRate!.Value, 9);
        Assert.Equal(1, Assert.Single(result.Banners, b => b.Banner.Length == 0).IdleParcels);
        Assert.All(result.Parks.Where(p => p.ParkId.Length > 0), p => Assert.Equal("乌审旗", p.Banner));
    }

    [Fact]
    public void A_banners_layer_decides_the_banner_and_a_disagreeing_attribute_is_a_banner_mismatch()
    {
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("banner", "杭锦旗"))
            .Add(LayerRole.Banners, "B1", Box(-50, -50, 30, 150), ("name", "杭锦旗"))
            .Add(LayerRole.Banners, "B2", Box(30, -50, 150, 150), ("name", "鄂托克旗"))
            .Add(LayerRole.Parcels, "A", Box(0, 0, 10, 10), ("parcel_id", "A"), ("supplied_on", "2020-01-01"), ("agreed_start", "2024-01-01"), ("land_price_wan", 10.0));

        var result = IdleLandSurvey.Run(data.Build(), AsOf);

        Assert.Equal("鄂托克旗", Assert.Single(result.Banners).Banner);
        Assert.Contains(result.Issues, i => i.Feature == "P1" && i.Code == DataIssueCodes.BannerMismatch);
    }

    /// <summary>An attribute value that cannot even be shown: reading it is an input error.</summary>
    private sealed class UnreadableValue
    {
        public override string ToString() => throw new UnusableInputException(ErrorCodes.UnreadableInput, "unreadable attribute value");
    }
}
