using System.Text.Json;
using ParkGis.Web.Tiles;

namespace ParkGis.Cli.Tests;

/// <summary><c>report --tile-over</c>: layers too big to inline are drawn from a PMTiles archive embedded in the page.</summary>
public sealed class ReportTileTests
{
    private static readonly string[] RawKeys = ["area_m2", "area_mu", "area_ha", "severity", "parcel_id", "park_id", "supplied_on"];

    [NodeToolsFact(needsChromium: true)]
    public void Report_forced_into_tile_mode_draws_the_tiled_parcels_and_idle_land_from_the_embedded_archive_with_Chinese_popups_and_no_network()
    {
        var missing = NodeTools.MissingReason(needsChromium: true);
        Assert.True(missing is null, $"browser test cannot run under CI: {missing}");
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output, "--as-of", "2026-06-30", "--tile-over", "100");
        Assert.True(run.ExitCode == 1, run.ToString());
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "browser", "report-tiles.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var (exit, stdout, stderr) = NodeTools.Run("report-tiles.mjs", Path.Combine(output, "index.html"), screenshot);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var result = JsonDocument.Parse(stdout);
        var root = result.RootElement;
        Assert.False(root.TryGetProperty("error", out var error), $"browser error: {error}\n{stdout}");
        Assert.Empty(root.GetProperty("requests").EnumerateArray());
        Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());
        // The sample has 484 parcels and 129 idle parcels: over 100, tiled; the parks (8) stay inline with their labels.
        Assert.Equal(["idle", "parcels"], root.GetProperty("tiledLayers").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(8, root.GetProperty("parkLabels").GetArrayLength());
        Assert.Equal(484, root.GetProperty("featureCounts").GetProperty("parcels").GetInt32());
        foreach (var layer in new[] { "parcels", "idle" })
        {
            var pixels = root.GetProperty("pixels").GetProperty(layer);
            Assert.True(pixels.GetProperty("painted").GetInt32() > 1000, $"{layer}: the canvas tiles are blank: {pixels}");
            Assert.True(root.GetProperty("queried").GetProperty(layer).GetInt32() >= 5, $"{layer}: the tile query finds no features around the park: {root.GetProperty("queried")}");
        }

        // A click on a tiled parcel inside a park (the park is inline below it) opens the parcel's popup, in Chinese.
        var expected = root.GetProperty("clickPoint").GetProperty("expected");
        var popup = root.GetProperty("popup").GetString()!;
        Assert.Contains("宗地编号", popup, StringComparison.Ordinal);
        Assert.Contains(expected.GetProperty("parcel_id").GetString()!, popup, StringComparison.Ordinal);
        Assert.Contains("公顷", popup, StringComparison.Ordinal);
        Assert.Contains("亩", popup, StringComparison.Ordinal);
        Assert.All(RawKeys, raw => Assert.DoesNotContain(raw, popup, StringComparison.Ordinal));
    }

    [NodeToolsFact(needsChromium: true)]
    public void A_park_named_with_a_script_tag_drawn_from_tiles_shows_its_name_as_text_in_label_and_popup()
    {
        const string hostile = "园区</script><script>alert(1)</script><!--&amp;";
        var missing = NodeTools.MissingReason(needsChromium: true);
        Assert.True(missing is null, $"browser test cannot run under CI: {missing}");
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("report", HostileDataset.Write("P1", hostile), "--out", output, "--tile-over", "0");
        Assert.True(run.ExitCode == 1, run.ToString());
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "browser", "report-tiles-hostile-name.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var (exit, stdout, stderr) = NodeTools.Run("report-tiles.mjs", Path.Combine(output, "index.html"), screenshot, "parks", "18");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var result = JsonDocument.Parse(stdout);
        var root = result.RootElement;
        Assert.False(root.TryGetProperty("error", out var error), $"browser error: {error}\n{stdout}");
        Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());
        Assert.Empty(root.GetProperty("dialogs").EnumerateArray());
        Assert.Contains("parks", root.GetProperty("tiledLayers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, root.GetProperty("inlinePaths").GetInt32());
        Assert.Equal([hostile], root.GetProperty("parkLabels").EnumerateArray().Select(e => e.GetString()));
        var popup = root.GetProperty("popup").GetString() ?? string.Empty;
        Assert.True(popup.Contains(hostile, StringComparison.Ordinal), $"the popup does not show the name as text: {popup}");
    }

    [Fact]
    public void Report_with_tile_over_zero_embeds_every_layer_as_tiles_and_leaves_only_the_page_in_the_output()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output, "--tile-over", "0");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Where(n => !n!.StartsWith(".parkgis-manifest", StringComparison.Ordinal)));
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        using var data = JsonDocument.Parse(Between(html, "<script type=\"application/json\" id=\"parkgis-data\">", "</script>"));
        var layers = data.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.NotEmpty(layers);
        Assert.All(layers.Where(l => l.GetProperty("count").GetInt32() > 0), l => Assert.True(l.TryGetProperty("tiled", out _), $"{l.GetProperty("name")} is inline"));
        Assert.DoesNotContain("id=\"parkgis-layer-", html, StringComparison.Ordinal);
        var parks = layers.Single(l => l.GetProperty("name").GetString() == "parks");
        Assert.Equal(8, parks.GetProperty("labels").GetArrayLength());
        var tiles = data.RootElement.GetProperty("tiles");
        Assert.Equal(5, tiles.GetProperty("minzoom").GetInt32());
        Assert.Equal(12, tiles.GetProperty("maxzoom").GetInt32());

        // The embedded archive is a PMTiles v3 archive with every tiled layer in it.
        var scratch = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(scratch);
        var archive = Path.Combine(scratch, "embedded.pmtiles");
        File.WriteAllBytes(archive, Convert.FromBase64String(Between(html, "<script type=\"application/octet-stream\" id=\"parkgis-tiles\">", "</script>")));
        using var reader = PmTilesReader.Open(archive);
        Assert.Equal(12, reader.Header.MaxZoom);
        using var metadata = JsonDocument.Parse(reader.ReadMetadata());
        var tileLayers = metadata.RootElement.GetProperty("vector_layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToHashSet();
        Assert.All(layers.Where(l => l.GetProperty("count").GetInt32() > 0), l => Assert.Contains(l.GetProperty("name").GetString(), tileLayers));
    }

    [Fact]
    public void Report_under_the_default_threshold_inlines_every_layer_and_embeds_no_tile_library()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("\"tiles\":null", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"parkgis-tiles\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("protomapsL=", html, StringComparison.Ordinal);
        Assert.Contains("id=\"parkgis-layer-0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_tile_over_is_a_usage_error()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output, "--tile-over", "-1", "--lang", "en");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--tile-over", run.Stderr, StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} not found");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
