using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

public sealed class SupplyIdleCommandTests
{
    private const string AsOf = "2026-06-30";

    [Fact]
    public void Supply_on_the_Ordos_sample_exits_1_and_matches_the_golden_supply_json()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("supply", RepositoryPaths.OrdosSample, "--as-of", AsOf, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString()); // window rate 39.7 % < 60 % and 未批先供 present
        Assert.Contains("批而未供", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("鄂托克旗", run.Stdout, StringComparison.Ordinal);
        GoldenFile.AssertMatches("ordos.supply.json", File.ReadAllText(Path.Combine(output, "supply.json")));
        foreach (var file in new[] { "unsupplied.geojson", "unapproved_supply.geojson" })
        {
            using var geojson = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, file)));
            Assert.NotEmpty(geojson.RootElement.GetProperty("features").EnumerateArray());
        }
    }

    [Fact]
    public void Supply_batch_csv_is_UTF8_with_BOM_and_Chinese_header()
    {
        var output = RepositoryPaths.NewTempFolder();
        CliRun.Of("supply", RepositoryPaths.OrdosSample, "--as-of", AsOf, "--out", output);

        var bytes = File.ReadAllBytes(Path.Combine(output, "supply_batches.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("批次编号 batch_id,批准文号 approval_no", lines[0], StringComparison.Ordinal);
        Assert.Equal(33, lines.Length); // header + 32 batches
    }

    [Fact]
    public void Idle_on_the_Ordos_sample_exits_1_shows_every_status_and_matches_the_golden_idle_json()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", RepositoryPaths.OrdosSample, "--as-of", "2026年6月30日", "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("供而未用", run.Stdout, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(output, "idle.json"));
        GoldenFile.AssertMatches("ordos.idle.json", text);
        var counts = JsonNode.Parse(text)!["status_counts"]!.AsObject();
        Assert.All(counts, c => Assert.True(c.Value!.GetValue<int>() > 0, $"status {c.Key} missing from the sample"));
    }

    [Fact]
    public void Outputs_are_byte_identical_when_the_features_come_in_reverse_order()
    {
        var reversed = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(reversed);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.OrdosSample))
        {
            File.Copy(file, Path.Combine(reversed, Path.GetFileName(file)));
        }

        foreach (var layer in new[] { "parcels.geojson", "approvals.geojson" })
        {
            var root = JsonNode.Parse(File.ReadAllText(Path.Combine(reversed, layer)))!.AsObject();
            var features = root["features"]!.AsArray().Select(f => f!.DeepClone()).Reverse().ToList();
            root["features"] = new JsonArray([.. features]);
            File.WriteAllText(Path.Combine(reversed, layer), root.ToJsonString());
        }

        var a = RepositoryPaths.NewTempFolder();
        var b = RepositoryPaths.NewTempFolder();
        CliRun.Of("supply", RepositoryPaths.OrdosSample, "--as-of", AsOf, "--out", a);
        CliRun.Of("supply", reversed, "--as-of", AsOf, "--out", b);
        CliRun.Of("idle", RepositoryPaths.OrdosSample, "--as-of", AsOf, "--out", a, "--overwrite");
        CliRun.Of("idle", reversed, "--as-of", AsOf, "--out", b, "--overwrite");

        foreach (var file in new[] { "supply.json", "unsupplied.geojson", "unapproved_supply.geojson", "supply_batches.csv", "idle.json", "idle.geojson" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), $"{file} differs");
        }
    }

    [Theory]
    [InlineData("supply", "2026-02-30")]
    [InlineData("idle", "yesterday")]
    public void Bad_as_of_date_is_a_usage_error(string command, string date)
    {
        var run = CliRun.Of(command, RepositoryPaths.OrdosSample, "--as-of", date, "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--as-of", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_as_of_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.Of("idle", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder()).ExitCode);
    }

    [Fact]
    public void Supply_without_approvals_exits_3_with_PG0102_and_writes_nothing()
    {
        var dataset = TinyDataset.Write(TinyDataset.Square("P1", "园区", 500000, 4400000, 100));
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("supply", dataset, "--as-of", AsOf, "--out", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0102", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("提示:", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Idle_without_parcels_exits_3()
    {
        var dataset = TinyDataset.Write(TinyDataset.Square("P1", "园区", 500000, 4400000, 100));

        var run = CliRun.Of("idle", dataset, "--as-of", AsOf, "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0102", run.Stderr, StringComparison.Ordinal);
    }
}
