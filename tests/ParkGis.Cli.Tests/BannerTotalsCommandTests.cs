using System.Text;
using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>旗区 totals in check and scorecard on the Ordos sample (docs/rules.md#conflict-banner-totals, #scorecard-banners).</summary>
public sealed class BannerTotalsCommandTests
{
    [Fact]
    public void Check_writes_and_prints_conflicts_per_banner_that_add_up_to_the_parks_of_the_sample()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("旗区汇总", run.Stdout, StringComparison.Ordinal);
        var check = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "check.json")))!;
        var banners = check["banners"]!.AsArray();
        Assert.Equal(7, banners.Count);
        Assert.Equal(8, banners.Sum(b => b!["parks"]!.GetValue<int>()));
        var wushen = banners.Single(b => b!["banner"]!.GetValue<string>() == "乌审旗")!;
        Assert.Equal(["P03", "P04"], wushen["park_ids"]!.AsArray().Select(p => p!.GetValue<string>()));
        foreach (var kind in new[] { "ecological_redline", "permanent_farmland", "outside_urban_boundary" })
        {
            // The sample's parks of one 旗区 do not overlap each other: each 旗区 total is the sum of its parks.
            var parks = check["parks"]!.AsArray();
            foreach (var banner in banners)
            {
                var ids = banner!["park_ids"]!.AsArray().Select(p => p!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                var sum = parks.Where(p => ids.Contains(p!["park_id"]!.GetValue<string>())).Sum(p => p!["conflicts"]![kind]!["area_m2"]!.GetValue<double>());
                Assert.Equal(sum, banner["conflicts"]![kind]!["area_m2"]!.GetValue<double>(), 3);
                Assert.True(banner["conflicts"]![kind]!["checked"]!.GetValue<bool>());
            }
        }
    }

    [Fact]
    public void Annual_2025_scorecard_uses_the_window_2021_to_2025_and_writes_banner_totals_in_json_csv_and_summary()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("scorecard", RepositoryPaths.OrdosSample, "--year", "2025", "--out", output);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Contains("2021–2025 年批次", run.Stdout, StringComparison.Ordinal);
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "scorecard.json")))!;
        Assert.Equal("2025-12-31", card["rules"]!["as_of"]!.GetValue<string>());
        Assert.Equal("2021-01-01", card["rules"]!["supply_window"]!["from"]!.GetValue<string>());
        Assert.Equal("2025-12-31", card["rules"]!["supply_window"]!["to"]!.GetValue<string>());
        var banners = card["banners"]!.AsArray();
        Assert.Equal(7, banners.Count);
        var wushen = banners.Single(b => b!["banner"]!.GetValue<string>() == "乌审旗")!;
        Assert.Equal("P03,P04", wushen["park_ids"]!.GetValue<string>());
        Assert.Equal(0.538, Math.Round(wushen["supply_rate"]!.GetValue<double>(), 3));
        Assert.True(wushen["below_yardstick"]!.GetValue<bool>());
        Assert.Equal(21, wushen["idle_parcels"]!.GetValue<int>());
        Assert.Equal(8.09, Math.Round(wushen["conflict_area_ha"]!.GetValue<double>(), 2));
        var dalad = banners.Single(b => b!["banner"]!.GetValue<string>() == "达拉特旗")!;
        Assert.Null(dalad["supply_rate"]); // no batch of 达拉特旗 approved in 2021–2025
        Assert.False(dalad["below_yardstick"]!.GetValue<bool>());

        var csv = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(output, "scorecard.csv"))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 8 + 7, csv.Length);
        Assert.StartsWith(",旗区,乌审旗,", csv[9], StringComparison.Ordinal);
        Assert.Contains("53.79%", csv[9], StringComparison.Ordinal);
    }
}
