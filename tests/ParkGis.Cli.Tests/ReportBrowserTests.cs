using System.Text.Json;

namespace ParkGis.Cli.Tests;

public sealed class ReportBrowserTests
{
    private static readonly string[] ParkNames = ["鄂托克经济开发区", "准格尔经济开发区", "苏里格经济开发区", "蒙苏经济开发区", "鄂尔多斯高新技术产业开发区", "达拉特经济开发区", "杭锦经济开发区", "上海庙经济开发区"];

    private static readonly string[] OrdosDistricts = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "鄂托克前旗", "鄂托克旗", "杭锦旗", "乌审旗", "伊金霍洛旗"];

    [NodeToolsFact(needsChromium: true)]
    public void Report_in_headless_chromium_draws_the_district_boundaries_park_labels_legend_popups_charts_and_an_A3_sheet_without_network()
    {
        var missing = NodeTools.MissingReason(needsChromium: true);
        Assert.True(missing is null, $"browser test cannot run under CI: {missing}");
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output, "--as-of", "2026-06-30");
        Assert.True(run.ExitCode == 1, run.ToString());
        var shots = Path.Combine(RepositoryPaths.Root, "artifacts", "browser");
        Directory.CreateDirectory(shots);
        var screenshot = Path.Combine(shots, "report.png");
        File.Delete(screenshot);

        var (exit, stdout, stderr) = NodeTools.Run("report-browser.mjs", Path.Combine(output, "index.html"), screenshot, shots);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var result = JsonDocument.Parse(stdout);
        var root = result.RootElement;
        Assert.False(root.TryGetProperty("error", out var error), $"browser error: {error}\n{stdout}");
        Assert.Empty(root.GetProperty("requests").EnumerateArray()); // every non-file request was aborted and recorded
        Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());

        // Every feature drawn; the utility networks off by default, drawn when switched on.
        var counts = root.GetProperty("featureCounts");
        var paths = root.GetProperty("paths");
        foreach (var layer in new[] { "parks", "parcels", "conflicts", "ecological_redline", "unsupplied", "idle" })
        {
            Assert.True(counts.GetProperty(layer).GetInt32() > 0, $"{layer} has no features in the page");
            Assert.Equal(counts.GetProperty(layer).GetInt32(), paths.GetProperty("pg-" + layer).GetInt32());
        }

        foreach (var network in new[] { "roads", "water_supply", "drainage", "sewage", "power", "telecom", "gas", "heating", "steam" })
        {
            Assert.False(paths.TryGetProperty("pg-" + network, out _), $"{network} is drawn by default");
            Assert.Equal(counts.GetProperty(network).GetInt32(), root.GetProperty("pathsAllOn").GetProperty("pg-" + network).GetInt32());
        }

        // The offline base layer: 鄂尔多斯市's nine districts drawn and named.
        Assert.True(paths.GetProperty("pg-base").GetInt32() >= 9);
        Assert.Equal(counts.GetProperty("base").GetInt32(), paths.GetProperty("pg-base").GetInt32());
        var baseLabels = root.GetProperty("baseLabels").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.All(OrdosDistricts, d => Assert.Contains(d, baseLabels));

        // Park labels, and the parks really drawn.
        Assert.Equal(ParkNames.Order(StringComparer.Ordinal), root.GetProperty("parkLabels").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(8, root.GetProperty("parkBoxes").GetInt32());

        // The legend's swatches are the layers' own colours, style by style (each conflict kind, each network).
        var legend = root.GetProperty("legend").EnumerateArray().ToList();
        Assert.True(legend.Count >= 20, $"legend has {legend.Count} entries");
        foreach (var entry in legend)
        {
            var key = entry.GetProperty("key").GetString();
            Assert.True(entry.GetProperty("pathStroke").ValueKind == JsonValueKind.String, $"no path drawn in the style {key}");
            Assert.Equal(entry.GetProperty("pathStroke").GetString(), entry.GetProperty("swatchStroke").GetString());
            if (entry.GetProperty("swatchFill").GetString() is { } fill)
            {
                Assert.Equal(entry.GetProperty("pathFill").GetString(), fill);
            }
        }

        Assert.Contains(legend, e => e.GetProperty("key").GetString() == "conflicts:outside_urban_boundary");
        Assert.Equal(9, legend.Select(e => e.GetProperty("swatchStroke").GetString()).Intersect(
            legend.Where(e => e.GetProperty("key").GetString() is "roads" or "water_supply" or "drainage" or "sewage" or "power" or "telecom" or "gas" or "heating" or "steam")
                .Select(e => e.GetProperty("swatchStroke").GetString())).Count()); // nine networks, nine colours

        // Popups in Chinese with units, never raw keys, never over the zoom buttons.
        foreach (var name in new[] { "popup", "conflictPopup", "cornerPopup" })
        {
            var popup = root.GetProperty(name);
            Assert.True(popup.ValueKind == JsonValueKind.Object, $"{name}: nothing to click");
            var text = popup.GetProperty("text").GetString() ?? string.Empty;
            Assert.Contains("面积", text, StringComparison.Ordinal);
            Assert.Contains("公顷", text, StringComparison.Ordinal);
            Assert.Contains("亩", text, StringComparison.Ordinal);
            foreach (var raw in new[] { "area_m2", "area_mu", "area_ha", "severity", "kind", "outside_urban_boundary", "ecological_redline", "permanent_farmland", "park_id", "warning" })
            {
                Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
            }

            Assert.False(popup.GetProperty("coversZoom").GetBoolean(), $"{name} covers the zoom buttons: {popup}");
        }

        var parkPopup = root.GetProperty("popup").GetProperty("text").GetString()!;
        Assert.Contains(ParkNames, n => parkPopup.Contains(n, StringComparison.Ordinal));
        var conflictPopup = root.GetProperty("conflictPopup").GetProperty("text").GetString()!;
        Assert.Contains("冲突类型", conflictPopup, StringComparison.Ordinal);
        Assert.Matches("占生态保护红线|占永久基本农田|城镇开发边界外|与其他园区重叠", conflictPopup);

        // Each chart drawn with the figures the separate commands give.
        var charts = root.GetProperty("charts");
        foreach (var chart in new[] { "chart-conflicts", "chart-supply", "chart-supply-banners", "chart-idle", "chart-intensity", "chart-grades", "chart-infrastructure", "chart-scorecard" })
        {
            Assert.True(charts.GetProperty(chart).GetProperty("drawn").GetBoolean(), $"{chart} not drawn: {charts.GetProperty(chart)}");
        }

        var supplyOut = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("supply", RepositoryPaths.OrdosSample, "--out", supplyOut, "--as-of", "2026-06-30").ExitCode);
        using var supply = JsonDocument.Parse(File.ReadAllText(Path.Combine(supplyOut, "supply.json")));
        var window = supply.RootElement.GetProperty("window");
        var windowPercent = Math.Round(window.GetProperty("supply_rate").GetDouble() * 100, 2);
        var supplyChart = charts.GetProperty("chart-supply").GetProperty("data");
        Assert.Equal(windowPercent, supplyChart.GetProperty("window_total").GetDouble());
        Assert.Contains(windowPercent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%", root.GetProperty("supplyHeadline").GetString(), StringComparison.Ordinal);
        var windowParks = window.GetProperty("parks").EnumerateArray().ToDictionary(p => p.GetProperty("park_id").GetString()!);
        var parkOrder = supply.RootElement.GetProperty("parks").EnumerateArray().ToList();
        var chartWindow = supplyChart.GetProperty("window").EnumerateArray().ToList();
        var chartAll = supplyChart.GetProperty("all").EnumerateArray().ToList();
        Assert.Equal(parkOrder.Count, chartWindow.Count);
        for (var i = 0; i < parkOrder.Count; i++)
        {
            var rate = windowParks[parkOrder[i].GetProperty("park_id").GetString()!].GetProperty("supply_rate");
            if (rate.ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(JsonValueKind.Null, chartWindow[i].ValueKind);
            }
            else
            {
                Assert.Equal(Math.Round(rate.GetDouble() * 100, 2), chartWindow[i].GetDouble());
            }

            Assert.Equal(Math.Round(parkOrder[i].GetProperty("supply_rate").GetDouble() * 100, 2), chartAll[i].GetDouble());
        }

        Assert.Contains("60% 标准线", charts.GetProperty("chart-supply").GetProperty("text").GetString(), StringComparison.Ordinal);
        var banners = supply.RootElement.GetProperty("banners").EnumerateArray().ToDictionary(b => b.GetProperty("banner").GetString()!, b => b.GetProperty("supply_rate").GetDouble());
        var bannerChart = charts.GetProperty("chart-supply-banners").GetProperty("data");
        var bannerNames = bannerChart.GetProperty("banners").EnumerateArray().Select(b => b.GetString()!).ToList();
        var bannerAll = bannerChart.GetProperty("all").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(banners.Count, bannerNames.Count);
        for (var i = 0; i < bannerNames.Count; i++)
        {
            Assert.Equal(Math.Round(banners[bannerNames[i]] * 100, 2), bannerAll[i]);
        }

        var idleOut = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("idle", RepositoryPaths.OrdosSample, "--out", idleOut, "--as-of", "2026-06-30").ExitCode);
        using var idle = JsonDocument.Parse(File.ReadAllText(Path.Combine(idleOut, "idle.json")));
        var totals = idle.RootElement.GetProperty("totals");
        var idleChart = charts.GetProperty("chart-idle").GetProperty("data");
        var causes = idleChart.GetProperty("causes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var parcels = idleChart.GetProperty("parcels").EnumerateArray().Select(c => c.GetInt32()).ToList();
        // Government-caused idle land is idle land (docs/rules.md#idle-government-cause): its status reads 闲置（政府原因）.
        Assert.Equal(totals.GetProperty("government_delay_parcels").GetInt32(), parcels[causes.IndexOf("闲置（政府原因）")]);
        Assert.Equal(totals.GetProperty("idle_parcels").GetInt32(), parcels.Where((_, i) => causes[i].StartsWith("闲置", StringComparison.Ordinal)).Sum());

        var checkOut = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", checkOut).ExitCode);
        using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(checkOut, "check.json")));
        var redlineHa = check.RootElement.GetProperty("parks").EnumerateArray()
            .Sum(p => p.GetProperty("conflicts").GetProperty("ecological_redline").GetProperty("area_ha").GetDouble());
        var chartRedlineHa = charts.GetProperty("chart-conflicts").GetProperty("data").GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "占生态保护红线").Sum(r => r.GetProperty("ha").GetDouble());
        Assert.Equal(redlineHa, chartRedlineHa, 0.01);

        var scorecardOut = RepositoryPaths.NewTempFolder();
        CliRun.Of("scorecard", RepositoryPaths.OrdosSample, "--out", scorecardOut, "--as-of", "2026-06-30");
        using var scorecard = JsonDocument.Parse(File.ReadAllText(Path.Combine(scorecardOut, "scorecard.json")));
        var ranked = scorecard.RootElement.GetProperty("parks").EnumerateArray()
            .Select(p => (Rank: p.GetProperty("rank").GetInt32(), Name: p.GetProperty("name").GetString()!))
            .OrderBy(p => p.Rank).Select(p => p.Name).ToList();
        var scoreChart = charts.GetProperty("chart-scorecard").GetProperty("data");
        Assert.Equal(ranked, scoreChart.GetProperty("parks").EnumerateArray().Select(p => p.GetString()!).ToList());
        Assert.Contains("1. " + ranked[0], charts.GetProperty("chart-scorecard").GetProperty("text").GetString(), StringComparison.Ordinal);

        // The print layout: the map sheet fits one A3 landscape page with every part of a map on it.
        var print = root.GetProperty("print");
        Assert.True(print.GetProperty("widthMm").GetDouble() <= 404.5 && print.GetProperty("heightMm").GetDouble() <= 281.5, print.ToString());
        Assert.False(print.GetProperty("overflows").GetBoolean(), print.ToString());
        Assert.Equal("page", print.GetProperty("breakAfter").GetString());
        foreach (var part in print.GetProperty("parts").EnumerateObject())
        {
            Assert.True(part.Value.GetProperty("visible").GetBoolean() && part.Value.GetProperty("inside").GetBoolean(), $"{part.Name}: {part.Value}");
        }

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
        var popup = root.GetProperty("popup").GetProperty("text").GetString() ?? string.Empty;
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
        Assert.Contains("echarts.init", html, StringComparison.Ordinal);
        Assert.Matches("\"base_cities\":\\[[^\\]]*\"鄂尔多斯市\"", html);
        Assert.Contains("<h1>鄂尔多斯市开发区（园区）用地核查成果图</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Leaflet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tianditu.gov.cn/vec", html, StringComparison.Ordinal);
        Assert.Contains("无供地数据", html, StringComparison.Ordinal);
        Assert.Contains("鄂尔多斯高新技术产业开发区", html, StringComparison.Ordinal);
    }
}
