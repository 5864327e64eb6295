using ParkGis.Core.Assessment;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Supply;
using static ParkGis.Core.Tests.Supply.LandTestData;

namespace ParkGis.Core.Tests.Supply;

/// <summary>The supply window per 旗区 and the window of an annual assessment (docs/rules.md#supply-window, #supply-yardstick).</summary>
public sealed class BannerSupplyTests
{
    private static LandTestData BatchIn(LandTestData data, string id, string wkt, string approvedOn, string? banner) =>
        banner is null
            ? data.Add(LayerRole.Approvals, id, wkt, ("batch_id", id), ("approved_on", approvedOn))
            : data.Add(LayerRole.Approvals, id, wkt, ("batch_id", id), ("approved_on", approvedOn), ("banner", banner));

    [Theory]
    [InlineData("2025-12-31", 2021, 2025)] // the annual assessment of 2025: 31 December closes its own year
    [InlineData("2026-06-30", 2021, 2025)] // mid-year: the last five complete years
    [InlineData("2025-12-30", 2020, 2024)] // one day before the year closes
    [InlineData("2024-12-31", 2020, 2024)] // a leap year's last day closes it too
    public void Window_is_the_last_five_complete_years_up_to_the_as_of_date(string asOf, int from, int to)
    {
        var result = SupplyLedger.Run(new LandTestData().Batch("B1", Box(0, 0, 100, 100)).Parcel("L1", Box(0, 0, 60, 100)).Build(), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(from, 1, 1), result.Window.From);
        Assert.Equal(new DateOnly(to, 12, 31), result.Window.To);
    }

    [Fact]
    public void An_annual_2025_assessment_counts_a_batch_approved_in_2025_and_not_one_of_2020()
    {
        var data = new LandTestData()
            .Batch("B2020", Box(0, 0, 100, 100), "2020-06-01")
            .Batch("B2025", Box(200, 0, 300, 100), "2025-06-01")
            .Parcel("L1", Box(200, 0, 300, 100));

        var window = SupplyLedger.Run(data.Build(), new DateOnly(2025, 12, 31)).Window;

        Assert.Equal(["B2025"], window.BatchIds);
        Assert.Equal(1.0, window.SupplyRate!.Value, 9);
    }

    [Fact]
    public void Each_banner_gets_the_window_rate_of_its_own_batches_and_one_below_60_percent_is_a_finding()
    {
        var data = new LandTestData();
        BatchIn(data, "B1", Box(0, 0, 100, 100), "2023-01-01", "甲旗");
        BatchIn(data, "B2", Box(200, 0, 300, 100), "2023-01-01", "乙旗");
        BatchIn(data, "B3", Box(400, 0, 500, 100), "2019-01-01", "丙旗"); // before the window
        data.Parcel("L1", Box(0, 0, 100, 100)).Parcel("L2", Box(200, 0, 250, 100));

        var result = SupplyLedger.Run(data.Build(), new DateOnly(2025, 12, 31));

        Assert.Equal(["丙旗", "乙旗", "甲旗"], result.BannersInWindow.Select(b => b.Banner).Order(StringComparer.Ordinal));
        var jia = result.BannersInWindow.Single(b => b.Banner == "甲旗").Window;
        var yi = result.BannersInWindow.Single(b => b.Banner == "乙旗").Window;
        var bing = result.BannersInWindow.Single(b => b.Banner == "丙旗").Window;
        Assert.Equal(1.0, jia.SupplyRate!.Value, 9);
        Assert.False(jia.BelowYardstick);
        Assert.Equal(0.5, yi.SupplyRate!.Value, 9);
        Assert.True(yi.BelowYardstick);
        Assert.Null(bing.SupplyRate); // no batch in the window: no rate, not below
        Assert.False(bing.BelowYardstick);
        Assert.Equal(0.75, result.Window.SupplyRate!.Value, 9); // city-wide it passes
        Assert.True(result.HasFindings);
    }

    [Fact]
    public void A_batch_and_a_park_without_a_banner_attribute_take_the_banners_layer()
    {
        var data = new LandTestData()
            .Add(LayerRole.Banners, "X1", Box(-50, -50, 150, 150), ("name", "杭锦旗"))
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("name", "甲园区"))
            .Batch("B1", Box(0, 0, 100, 100), "2024-01-01")
            .Parcel("L1", Box(0, 0, 100, 50), parkId: "P1");

        var result = SupplyLedger.Run(data.Build(), new DateOnly(2025, 12, 31));

        Assert.Equal("杭锦旗", Assert.Single(result.Batches).Banner);
        Assert.Equal("杭锦旗", Assert.Single(result.Parks).Banner);
        var banner = Assert.Single(result.BannersInWindow);
        Assert.Equal("杭锦旗", banner.Banner);
        Assert.Equal(0.5, banner.Window.SupplyRate!.Value, 9);
        Assert.True(banner.Window.BelowYardstick);
    }

    [Fact]
    public void Banner_conflicts_count_a_red_line_patch_inside_two_overlapping_parks_of_the_banner_once()
    {
        // P1 and P2 (same 旗区) overlap on x 50–100; the red line covers x 60–80 (2 000 m², inside both) and
        // x 150–160 in P2 only (1 000 m²). Each park sees its own conflict; the 旗区 sees 3 000 m², not 5 000.
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("banner", "甲旗"))
            .Add(LayerRole.Parks, "P2", Box(50, 0, 200, 100), ("park_id", "P2"), ("banner", "甲旗"))
            .Add(LayerRole.Parks, "P3", Box(1000, 0, 1100, 100), ("park_id", "P3"), ("banner", "乙旗"))
            .Add(LayerRole.EcologicalRedline, "R1", Box(60, 0, 80, 100))
            .Add(LayerRole.EcologicalRedline, "R2", Box(150, 0, 160, 100))
            .Add(LayerRole.PermanentFarmland, "F1", Box(5000, 0, 5010, 10))
            .Add(LayerRole.UrbanBoundary, "U1", Box(-100, -100, 2000, 200));

        var result = ParkAssessment.Of(data.Build()).Conflicts();

        Assert.Equal(2000, result.Parks.Single(p => p.ParkId == "P1").Conflicts[ConflictKind.EcologicalRedline].AreaM2, 6);
        Assert.Equal(3000, result.Parks.Single(p => p.ParkId == "P2").Conflicts[ConflictKind.EcologicalRedline].AreaM2, 6);
        var banners = result.Banners!;
        Assert.Equal(["乙旗", "甲旗"], banners.Select(b => b.Banner));
        var jia = banners.Single(b => b.Banner == "甲旗");
        Assert.Equal(["P1", "P2"], jia.ParkIds);
        var red = jia.Conflicts[ConflictKind.EcologicalRedline];
        Assert.Equal(3000, red.AreaM2, 6);
        Assert.Equal(3, red.Patches); // per park: P1 one, P2 two
        Assert.Equal(2, red.Parks);
        Assert.True(red.Checked);
        Assert.Equal(0, banners.Single(b => b.Banner == "乙旗").Conflicts[ConflictKind.EcologicalRedline].AreaM2);
    }

    [Fact]
    public void Banner_conflicts_of_one_park_are_its_own_totals_to_the_last_bit()
    {
        // Farmland patches apart from each other, some cut by the park's edge: its conflict patches share no land, so
        // the 旗区 total is the park's own, with no union of them that would round it.
        var data = new LandTestData()
            .Add(LayerRole.Parks, "P1", Box(0, 0, 100, 100), ("park_id", "P1"), ("banner", "甲旗"))
            .Add(LayerRole.UrbanBoundary, "U1", Box(-100, -100, 200, 200));
        for (var x = 0; x < 12; x++)
        {
            for (var y = 0; y < 12; y++)
            {
                data.Add(LayerRole.PermanentFarmland, FormattableString.Invariant($"F{x}-{y}"), Box(-3.3 + (x * 9.1), -2.9 + (y * 9.7), 3.7 + (x * 9.1), 4.3 + (y * 9.7)));
            }
        }

        var result = ParkAssessment.Of(data.Build()).Conflicts();

        var park = result.Parks.Single().Conflicts[ConflictKind.PermanentFarmland];
        var banner = Assert.Single(result.Banners!).Conflicts[ConflictKind.PermanentFarmland];
        Assert.True(park.Patches > 100);
        Assert.Equal(park.AreaM2, banner.AreaM2);
        Assert.Equal(park.Patches, banner.Patches);
    }
}
