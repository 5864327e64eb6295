using System.Text.Json;

namespace ParkGis.Cli.Tests.Serve;

/// <summary>MapLibre GL JS, served by <c>parkgis serve</c> itself, draws the archive's tiles in headless Chromium.</summary>
public sealed class ServeBrowserTests(ServedSample served) : IClassFixture<ServedSample>
{
    [NodeToolsFact(needsChromium: true)]
    public void Maplibre_in_chromium_draws_every_park_and_the_results_from_the_served_tiles_without_any_request_elsewhere()
    {
        var missing = NodeTools.MissingReason(needsChromium: true);
        Assert.True(missing is null, $"browser test cannot run under CI: {missing}");
        var screenshot = Path.Combine(RepositoryPaths.Root, "artifacts", "browser", "serve-map.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var (exit, stdout, stderr) = NodeTools.Run("serve-map.mjs", served.Server.Address.ToString(), screenshot);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var result = JsonDocument.Parse(stdout);
        var root = result.RootElement;
        Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, $"browser error: {stdout}");
        Assert.Empty(root.GetProperty("foreignRequests").EnumerateArray());
        Assert.Empty(root.GetProperty("tileFailures").EnumerateArray());
        Assert.True(root.GetProperty("consoleErrors").GetArrayLength() == 0, stdout);
        Assert.True(root.GetProperty("tileRequests").GetInt32() > 0, stdout);
        var rendered = root.GetProperty("rendered");
        Assert.True(rendered.TryGetProperty("parks", out var parks) && parks.GetInt32() == 8, $"parks drawn: {stdout}");
        foreach (var layer in new[] { "conflicts", "permanent_farmland", "ecological_redline", "urban_boundary", "approvals" })
        {
            Assert.True(rendered.TryGetProperty(layer, out var count) && count.GetInt32() > 0, $"{layer} not drawn: {stdout}");
        }

        var zoomed = root.GetProperty("renderedZoomed");
        Assert.True(zoomed.TryGetProperty("parcels", out var parcels) && parcels.GetInt32() > 10, $"parcels not drawn at z14: {stdout}");

        Assert.False(rendered.TryGetProperty("roads", out _), "utility networks are drawn although they are off by default");
        Assert.Contains(root.GetProperty("legend").EnumerateArray(), l => l.GetString()!.Contains("园区", StringComparison.Ordinal));
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is missing or blank");
    }
}
