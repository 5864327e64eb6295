using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>Duplicated and stacked parcels through the whole <c>check</c> (the Core tests hold the rules).</summary>
public sealed class StackedParcelCliTests
{
    [Fact]
    public void Five_copies_of_each_sample_parcel_give_the_single_copy_figures_and_a_duplicate_geometry_issue_per_copy()
    {
        var data = SampleCopy.Make();

        var parcels = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "parcels.geojson")))!;
        var features = parcels["features"]!.AsArray();
        foreach (var feature in features.ToList())
        {
            for (var copy = 2; copy <= 5; copy++)
            {
                var clone = feature!.DeepClone();
                clone["properties"]!["parcel_id"] = $"{feature["properties"]!["parcel_id"]}-c{copy}";
                features.Add(clone);
            }
        }

        File.WriteAllText(Path.Combine(data, "parcels.geojson"), parcels.ToJsonString());
        var (single, copies) = (RepositoryPaths.NewTempFolder(), RepositoryPaths.NewTempFolder());

        var one = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", single);
        var five = CliRun.Of("check", data, "--out", copies);

        Assert.True(one.ExitCode == 1 && five.ExitCode == 1, five.ToString());
        using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(single, "check.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(copies, "check.json")));
        Assert.Equal(a.RootElement.GetProperty("parcels").GetRawText(), b.RootElement.GetProperty("parcels").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("parks").GetRawText(), b.RootElement.GetProperty("parks").GetRawText());
        var duplicates = b.RootElement.GetProperty("data_issues").EnumerateArray().Count(i => i.GetProperty("code").GetString() == "duplicate_geometry");
        Assert.Equal(4 * a.RootElement.GetProperty("parcels").GetProperty("count").GetInt32(), duplicates);
    }

    [Fact]
    public void Forty_parcels_on_one_point_are_a_parcel_stack_issue_and_exit_1()
    {
        var data = TinyDataset.Write(parks: TinyDataset.Square("P1", "园区", 499_000, 4_399_000, 2000));
        var random = new Random(7);
        var features = Enumerable.Range(1, 40).Select(k =>
        {
            var (w, h) = (40 + (random.Next(120)), 40 + (random.Next(120)));
            var (x0, y0) = (500_000 - 1 - random.Next(w - 2), 4_400_000 - 1 - random.Next(h - 2));
            return $"{{\"type\":\"Feature\",\"properties\":{{\"parcel_id\":\"S{k:00}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{x0},{y0}],[{x0 + w},{y0}],[{x0 + w},{y0 + h}],[{x0},{y0 + h}],[{x0},{y0}]]]}}}}";
        });
        File.WriteAllText(Path.Combine(data, "parcels.geojson"),
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},\"features\":[" + string.Join(",", features) + "]}");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("check", data, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json")));
        var overlap = check.RootElement.GetProperty("parcels").GetProperty("conflicts").GetProperty("parcel_overlap");
        Assert.True(overlap.GetProperty("area_m2").GetDouble() > 0);
        Assert.Equal(0, overlap.GetProperty("pairs").GetInt32());
        Assert.True(check.RootElement.GetProperty("has_conflicts").GetBoolean());
        Assert.Contains(check.RootElement.GetProperty("data_issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "parcel_stack");
        Assert.Contains("正在量算 0 对相互重叠的宗地，以及 1 组叠置宗地（共 40 宗）", run.Stderr, StringComparison.Ordinal);
    }
}
