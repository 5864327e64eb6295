using System.Text.Json;

namespace ParkGis.Cli.Tests;

public sealed class ReportBrowserTests
{
    private static readonly string[] ParkNames = ["鄂托克经济开发区", "准格尔经济开发区", "苏里格经济开发区", "蒙苏经济开发区", "鄂尔多斯高新技术产业开发区", "达拉特经济开发区", "杭锦经济开发区", "上海庙经济开发区"];

    [NodeToolsFact(needsChromium: true)]
    public void Report_opens_from_file_in_headless_chromium_draws_every_feature_and_shows_a_parks_Chinese_name_on_click()
    {
        var missing = NodeTools.MissingReason(needsChromium: true);
        Assert.True(missing is null, $"browser test cannot run under CI: {missing}");
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output, "--as-of", "2026-06-30");
        Assert.True(run.ExitCode == 1, run.ToString());
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "browser", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var (exit, stdout, stderr) = NodeTools.Run("report-browser.mjs", Path.Combine(output, "index.html"), screenshot);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var result = JsonDocument.Parse(stdout);
        var root = result.RootElement;
        Assert.False(root.TryGetProperty("error", out var error), $"browser error: {error}\n{stdout}");
        Assert.Empty(root.GetProperty("requests").EnumerateArray());
        Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());
        var counts = root.GetProperty("featureCounts");
        var paths = root.GetProperty("paths");
        foreach (var layer in new[] { "parks", "parcels", "conflicts", "ecological_redline", "unsupplied", "idle" })
        {
            Assert.True(counts.GetProperty(layer).GetInt32() > 0, $"{layer} has no features in the page");
            Assert.Equal(counts.GetProperty(layer).GetInt32(), paths.GetProperty("pg-" + layer).GetInt32());
        }

        Assert.Equal(8, root.GetProperty("parkBoxes").GetInt32());
        var popup = root.GetProperty("popup").GetString() ?? string.Empty;
        Assert.True(ParkNames.Any(n => popup.Contains(n, StringComparison.Ordinal)), $"no park name in the popup: {popup}");
        Assert.Equal(0, root.GetProperty("noSupply").GetInt32()); // --as-of given: the supply-rate chart is drawn
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is missing or blank");
    }

    [NodeToolsFact(needsChromium: true)]
    public void A_park_named_with_a_comment_and_a_script_tag_is_drawn_on_the_map_and_shown_as_text()
    {
        const string hostile = "园区<!--<script></script><script>alert(1)</script>&amp;";
        var missing = NodeTools.MissingReason(needsChromium: true);
        Assert.True(missing is null, $"browser test cannot run under CI: {missing}");
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("report", HostileDataset.Write("P1", hostile), "--out", output);
        Assert.True(run.ExitCode == 1, run.ToString());
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "browser", "report-hostile-name.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var (exit, stdout, stderr) = NodeTools.Run("report-browser.mjs", Path.Combine(output, "index.html"), screenshot);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var result = JsonDocument.Parse(stdout);
        var root = result.RootElement;
        Assert.False(root.TryGetProperty("error", out var error), $"browser error: {error}\n{stdout}");
        Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());
        Assert.Empty(root.GetProperty("dialogs").EnumerateArray());
        Assert.Equal(1, root.GetProperty("featureCounts").GetProperty("parks").GetInt32());
        Assert.Equal(1, root.GetProperty("paths").GetProperty("pg-parks").GetInt32());
        Assert.Equal(1, root.GetProperty("parkBoxes").GetInt32());
        var popup = root.GetProperty("popup").GetString() ?? string.Empty;
        Assert.True(popup.Contains(hostile, StringComparison.Ordinal), $"the popup does not show the name as text: {popup}");
    }

    [Fact]
    public void Report_is_self_contained_and_says_no_supply_data_without_a_supply_analysis()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("L.geoJSON", html, StringComparison.Ordinal);
        Assert.Contains("Leaflet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tianditu.gov.cn/vec", html, StringComparison.Ordinal);
        Assert.Contains("No supply data", html, StringComparison.Ordinal);
        Assert.Contains("鄂尔多斯高新技术产业开发区", html, StringComparison.Ordinal);
    }
}
