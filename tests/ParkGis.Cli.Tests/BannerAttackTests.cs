using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>A 旗区 name is data like a park name: it reaches JSON, CSV and the terminal only escaped or neutralised.</summary>
public sealed class BannerAttackTests
{
    private const string Hostile = "=HYPERLINK(\"http://evil.example/\",\"旗\")\u001b[2J\n伪旗\u202e";

    [Fact]
    public void Banner_named_with_a_formula_ESC_newline_and_bidi_override_is_kept_in_json_neutralised_in_csv_and_escaped_on_the_terminal()
    {
        var dataset = HostileDataset.Write("P1", "园区");
        var parks = Path.Combine(dataset, "parks.geojson");
        File.WriteAllText(parks, File.ReadAllText(parks).Replace(
            "\"name\":" + JsonSerializer.Serialize("园区"), "\"name\":" + JsonSerializer.Serialize("园区") + ",\"banner\":" + JsonSerializer.Serialize(Hostile), StringComparison.Ordinal));
        var output = RepositoryPaths.NewTempFolder();

        var check = CliRun.Of("check", dataset, "--out", Path.Combine(output, "check"));
        var scorecard = CliRun.Of("scorecard", dataset, "--out", Path.Combine(output, "scorecard"));

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.True(scorecard.ExitCode == 1, scorecard.ToString());
        var checkJson = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "check", "check.json")))!;
        Assert.Equal(Hostile, checkJson["banners"]![0]!["banner"]!.GetValue<string>());
        Assert.Equal(5000, checkJson["banners"]![0]!["conflicts"]!["ecological_redline"]!["area_m2"]!.GetValue<double>(), 6);
        var cardJson = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "scorecard", "scorecard.json")))!;
        Assert.Equal(Hostile, cardJson["banners"]![0]!["banner"]!.GetValue<string>());
        var cells = InjectionTests.Cells(Path.Combine(output, "scorecard", "scorecard.csv"));
        Assert.Contains("'" + Hostile, cells);
        Assert.DoesNotContain(cells, c => ParkGis.IO.Output.SpreadsheetText.StartsLikeFormula(c));
        foreach (var stdout in new[] { check.Stdout, scorecard.Stdout })
        {
            Assert.DoesNotContain('\u001b', stdout);
            Assert.DoesNotContain('\u202e', stdout);
            Assert.DoesNotContain("\n伪旗", stdout, StringComparison.Ordinal);
        }
    }
}
