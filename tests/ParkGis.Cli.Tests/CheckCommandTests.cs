using System.Diagnostics;
using System.Text.Json;

namespace ParkGis.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_on_the_Ordos_sample_exits_1_and_matches_the_golden_check_json()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        GoldenFile.AssertMatches("ordos.check.json", File.ReadAllText(Path.Combine(output, "check.json")));
    }

    [Fact]
    public void Check_prints_a_table_per_park_with_Chinese_names_in_mu_and_hectares()
    {
        var run = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder());

        foreach (var name in new[] { "鄂托克经济开发区", "准格尔经济开发区", "苏里格经济开发区", "蒙苏经济开发区", "鄂尔多斯高新技术产业开发区", "达拉特经济开发区", "杭锦经济开发区", "上海庙经济开发区" })
        {
            Assert.Contains(name, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("占生态保护红线", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("公顷", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("亩", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("正在检查", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflicts_geojson_is_RFC_7946_with_one_feature_per_patch()
    {
        var output = RepositoryPaths.NewTempFolder();
        CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output);

        using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json")));
        var patches = check.RootElement.GetProperty("parks").EnumerateArray()
            .SelectMany(p => p.GetProperty("conflicts").EnumerateObject())
            .Sum(c => c.Value.GetProperty("patches").GetInt32());
        using var geojson = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "conflicts.geojson")));
        var root = geojson.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("crs", out _), "RFC 7946 has no crs member");
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(patches, features.Count);
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties");
            foreach (var key in new[] { "park_id", "kind", "area_m2", "area_mu", "area_ha", "source_ids" })
            {
                Assert.True(properties.TryGetProperty(key, out _), $"missing {key}");
            }

            var shell = feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
                .Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
            Assert.All(shell, p => Assert.InRange(p.X, 106, 112)); // lon/lat around Ordos
            Assert.True(SignedArea(shell) > 0, "exterior rings are counter-clockwise");
        }
    }

    [Fact]
    public void Rerun_into_its_own_output_folder_replaces_the_results()
    {
        var output = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output).ExitCode);

        var again = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(again.ExitCode == 1, again.ToString());
    }

    [Fact]
    public void Output_folder_holding_other_files_needs_overwrite()
    {
        var output = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        var refused = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output);
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.StartsWith("error PG0401:", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "check.json")));

        var forced = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output, "--overwrite");
        Assert.True(forced.ExitCode == 1, forced.ToString());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
    }

    [Fact]
    public void Clean_dataset_exits_0()
    {
        // Every control layer present, the park inside the urban boundary and away from the red line and the farmland.
        var dataset = TinyDataset.Write(
            parks: TinyDataset.Square("P1", "清洁园区", 500_000, 4_400_000, 100),
            urban: TinyDataset.Square("U1", "边界", 499_000, 4_399_000, 3000),
            redline: TinyDataset.Square("R1", "红线", 510_000, 4_400_000, 100),
            farmland: TinyDataset.Square("F1", "农田", 520_000, 4_400_000, 100));

        var run = CliRun.Of("check", dataset, "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("清洁园区", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Park_half_on_the_red_line_exits_1_with_5000_square_metres()
    {
        var dataset = TinyDataset.Write(
            parks: TinyDataset.Square("P1", "一号园区", 500_000, 4_400_000, 100),
            urban: TinyDataset.Square("U1", "边界", 499_000, 4_399_000, 3000),
            redline: TinyDataset.Rectangle("R1", "红线", 500_050, 4_400_000, 500_150, 4_400_100));
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("check", dataset, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json")));
        var red = check.RootElement.GetProperty("parks")[0].GetProperty("conflicts").GetProperty("ecological_redline");
        Assert.Equal(5000, red.GetProperty("area_m2").GetDouble(), 6);
        Assert.Equal(7.5, red.GetProperty("area_mu").GetDouble(), 9);
        Assert.Equal(0.5, red.GetProperty("area_ha").GetDouble(), 9);
    }

    [Fact]
    public void Unusable_input_exits_3_and_writes_nothing()
    {
        var dataset = TinyDataset.Write(parks: TinyDataset.Square("P1", "园区", 500_000, 4_400_000, 100));
        File.Copy(Path.Combine(dataset, "parks.geojson"), Path.Combine(dataset, "PARKS.json"));
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("check", dataset, "--out", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.StartsWith("error PG0103:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("提示:", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "nothing may be written on unusable input");
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}*"));
    }

    [Fact]
    public void Info_lists_every_layer_of_the_sample_as_json()
    {
        var run = CliRun.Of("info", RepositoryPaths.OrdosSample, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString()); // the sample's deliberate geometry problems are data issues
        using var info = JsonDocument.Parse(run.Stdout);
        var roles = info.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("role").GetString()).ToList();
        Assert.Equal(["parks", "ecological_redline", "permanent_farmland", "urban_boundary", "approvals", "parcels", "roads", "water_supply", "drainage", "sewage", "power", "gas", "heating", "telecom", "steam"], roles);
        var parks = info.RootElement.GetProperty("layers")[0];
        Assert.Equal("EPSG:4490", parks.GetProperty("crs").GetString());
        Assert.Equal(8, parks.GetProperty("features").GetInt32());
    }

    [Fact]
    public async Task The_parkgis_process_runs_the_sample_and_exits_1()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "parkgis.dll");
        var output = RepositoryPaths.NewTempFolder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "check", RepositoryPaths.OrdosSample, "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var stdout = await stdoutTask;
        var stderr = await stderrTask;

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{stdout}\n{stderr}");
        Assert.Contains("鄂尔多斯高新技术产业开发区", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "check.json")));
    }

    private static double SignedArea(List<(double X, double Y)> ring)
    {
        double sum = 0;
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            sum += (ring[i].X * ring[i + 1].Y) - (ring[i + 1].X * ring[i].Y);
        }

        return sum / 2;
    }
}
