using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Issue 17's "Done when" figures on the Ordos sample (as-of 2026-06-30, year 2025), each asserted by name so that a
/// change to a rule that moves one of them fails here with the figure, not only as a golden-file difference.
/// </summary>
public sealed class SampleFiguresTests
{
    [Fact]
    public void Sample_idle_land_is_129_parcels_and_7823_2_mu_of_which_18_government_caused()
    {
        var totals = Run("idle", "idle.json", "--as-of", "2026-06-30")["totals"]!;

        Assert.Equal(129, totals["idle_parcels"]!.GetValue<int>());
        Assert.Equal(7823.2, Math.Round(totals["idle_mu"]!.GetValue<double>(), 1));
        Assert.Equal(18, totals["by_cause"]!["government"]!["parcels"]!.GetValue<int>());
        Assert.Equal(1150.8, Math.Round(totals["by_cause"]!["government"]!["mu"]!.GetValue<double>(), 1));
        Assert.Equal(111, totals["by_cause"]!["enterprise"]!["parcels"]!.GetValue<int>());
    }

    [Fact]
    public void Sample_halted_parcels_are_never_reclaimable_by_default_and_government_caused_ones_owe_nothing()
    {
        var parcels = Run("idle", "idle.json", "--as-of", "2026-06-30")["parcels"]!.AsArray();

        var halted = parcels.Where(p => p!["kind"]?.GetValue<string>() == "halted").ToList();
        Assert.Equal(47, halted.Count);
        Assert.DoesNotContain(halted, p => p!["reclaim_eligible"]!.GetValue<bool>());
        var government = parcels.Where(p => p!["cause"]?.GetValue<string>() == "government").ToList();
        Assert.Equal(18, government.Count);
        Assert.All(government, p => Assert.False(p!["reclaim_eligible"]!.GetValue<bool>(), p!.ToJsonString()));
        Assert.All(government, p => Assert.Equal(0, p!["idle_fee_wan"]?.GetValue<double>() ?? 0));
    }

    [Fact]
    public void Sample_land_supply_rates_never_exceed_100_percent_growth_is_same_set_and_grades_are_city_wide()
    {
        var intensity = Run("intensity", "intensity.json", "--year", "2025", "--as-of", "2026-06-30");

        var parks = intensity["parks"]!.AsArray();
        Assert.Equal(8, parks.Count);
        foreach (var park in parks)
        {
            var rate = park!["indicators"]!.AsArray().Single(i => i!["indicator"]!.GetValue<string>() == "land_supply_rate")!["value"]!.GetValue<double>();
            Assert.True(rate is > 0 and <= 1, $"{park["park_id"]}: 土地供应率 {rate}");
            Assert.Equal("same_set", park["output_per_mu"]!["basis"]!.GetValue<string>());
        }

        Assert.Equal("city", intensity["evaluation"]!["scope"]!.GetValue<string>());
    }

    private static JsonNode Run(string verb, string file, params string[] options)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of([verb, RepositoryPaths.OrdosSample, .. options, "--out", output]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return JsonNode.Parse(File.ReadAllText(Path.Combine(output, file)))!;
    }
}
