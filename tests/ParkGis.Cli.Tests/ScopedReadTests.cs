using System.Text.Json;

namespace ParkGis.Cli.Tests;

/// <summary><c>supply</c> and <c>idle</c> open only the layers they use (docs/decisions.md "Scoped reads").</summary>
public sealed class ScopedReadTests
{
    [Fact]
    public void A_corrupt_roads_file_stops_check_but_not_supply_or_idle_which_never_read_it()
    {
        var data = SampleCopy.Make();
        File.WriteAllText(Path.Combine(data, "roads.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [ {");

        var check = CliRun.Of("check", data, "--out", RepositoryPaths.NewTempFolder());
        Assert.True(check.ExitCode == 3, check.ToString());

        foreach (var (command, file) in new[] { ("supply", "supply.json"), ("idle", "idle.json") })
        {
            var output = RepositoryPaths.NewTempFolder();
            var run = CliRun.Of(command, data, "--as-of", "2026-06-30", "--out", output);
            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, file)));
            var layers = json.RootElement.GetProperty("data_issues").EnumerateArray().Select(i => i.GetProperty("layer").GetString()).ToHashSet();
            Assert.DoesNotContain("roads", layers);
        }
    }
}
