using System.Text.Json;

namespace ParkGis.Cli.Tests;

/// <summary><c>supply</c>, <c>idle</c>, <c>intensity</c> and <c>boundary-points</c> open only the layers they use (docs/decisions.md "Scoped reads").</summary>
public sealed class ScopedReadTests
{
    [Fact]
    public void A_corrupt_roads_file_stops_check_but_not_supply_idle_or_intensity_which_never_read_it()
    {
        var data = SampleCopy.Make();
        File.WriteAllText(Path.Combine(data, "roads.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [ {");

        var check = CliRun.Of("check", data, "--out", RepositoryPaths.NewTempFolder());
        Assert.True(check.ExitCode == 3, check.ToString());

        foreach (var (command, file) in new[] { ("supply", "supply.json"), ("idle", "idle.json"), ("intensity", "intensity.json") })
        {
            var output = RepositoryPaths.NewTempFolder();
            var run = CliRun.Of(command, data, "--as-of", "2026-06-30", "--out", output);
            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, file)));
            var layers = json.RootElement.GetProperty("data_issues").EnumerateArray().Select(i => i.GetProperty("layer").GetString()).ToHashSet();
            Assert.DoesNotContain("roads", layers);
        }
    }

    [Fact]
    public void A_corrupt_parcels_file_does_not_stop_boundary_points_which_reads_only_the_parks()
    {
        var data = SampleCopy.Make();
        var park = FirstParkId(data);
        File.WriteAllText(Path.Combine(data, "parcels.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [ {");

        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("boundary-points", data, "--park", park, "--out", output);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.True(File.Exists(Path.Combine(output, "boundary-points.csv")), run.ToString());
    }

    private static string FirstParkId(string data) =>
        ParkGis.IO.Datasets.DatasetReader.Read(data).Find(ParkGis.Core.Data.LayerRole.Parks)!.Features.Select(f => f.Id).Order(StringComparer.Ordinal).First();
}
