using System.Text;
using System.Text.Json;

namespace ParkGis.Cli.Tests;

public sealed class ScorecardCommandTests
{
    [Fact]
    public void Infrastructure_on_the_Ordos_sample_exits_1_and_matches_the_golden_json()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("infrastructure", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        GoldenFile.AssertMatches("ordos.infrastructure.json", File.ReadAllText(Path.Combine(output, "infrastructure.json")));
        Assert.Contains("九通一平", run.Stdout, StringComparison.Ordinal);
        using var unserved = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "unserved.geojson")));
        var features = unserved.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("park_id").GetString() == "P01"
            && f.GetProperty("properties").GetProperty("utility").GetString() == "gas");
        Assert.All(features, f => Assert.InRange(f.GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble(), 106, 112));
    }

    [Fact]
    public void Sample_has_one_park_meeting_jiutong_yiping_and_one_failing_it()
    {
        var output = RepositoryPaths.NewTempFolder();
        CliRun.Of("infrastructure", RepositoryPaths.OrdosSample, "--out", output);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "infrastructure.json")));
        var verdicts = json.RootElement.GetProperty("parks").EnumerateArray()
            .ToDictionary(p => p.GetProperty("park_id").GetString()!, p => p.GetProperty("meets_jiutong_yiping").ValueKind);
        Assert.Equal(JsonValueKind.True, verdicts["P05"]);
        Assert.Equal(JsonValueKind.True, verdicts["P03"]);
        Assert.Equal(JsonValueKind.False, verdicts["P01"]);
    }

    [Fact]
    public void Scorecard_on_the_Ordos_sample_exits_1_for_its_data_issues_and_matches_the_golden_json()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("scorecard", RepositoryPaths.OrdosSample, "--out", output, "--year", "2025");

        Assert.True(run.ExitCode == 1, run.ToString()); // a scorecard has no findings; the sample's data issues make it 1
        GoldenFile.AssertMatches("ordos.scorecard.json", File.ReadAllText(Path.Combine(output, "scorecard.json")));
        Assert.Contains("主导产业产值占比", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scorecard_csv_is_UTF8_with_BOM_and_Chinese_headers()
    {
        var output = RepositoryPaths.NewTempFolder();
        CliRun.Of("scorecard", RepositoryPaths.OrdosSample, "--out", output);

        var bytes = File.ReadAllBytes(Path.Combine(output, "scorecard.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("排名,园区编号,园区名称,综合得分", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 8 + 7, lines.Length); // header, 8 parks, then 7 旗区 rows
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(",旗区,", lines[9], StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_a_dataset_without_a_required_utility_layer_names_it_in_Chinese_by_default()
    {
        var dataset = SampleCopy.Make(name => name == "water_supply.geojson");

        var run = CliRun.Of("scorecard", dataset, "--year", "2025", "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Contains("：缺 基础设施管网图层 water_supply", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("utility layers", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_rules_file_exits_3_and_writes_nothing()
    {
        var rules = Path.Combine(RepositoryPaths.NewTempFolder() + "-rules.json");
        File.WriteAllText(rules, """{ "indicators": { "happiness": { "weight": 1 } } }""");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("scorecard", RepositoryPaths.OrdosSample, "--out", output, "--rules", rules);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0302", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "scorecard.json")));
    }

    [Fact]
    public void Year_that_is_not_a_number_is_a_usage_error()
    {
        var run = CliRun.Of("scorecard", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--year", "last");

        Assert.True(run.ExitCode == 2, run.ToString());
    }
}
