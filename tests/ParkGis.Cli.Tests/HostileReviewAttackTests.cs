using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ParkGis.Cli.Tests;

/// <summary>The attacks of the hostile review of the shipped CLI that found something, each with the test named after it.</summary>
public sealed class HostileReviewAttackTests
{
    [Theory]
    [InlineData("truncated", "数据库文件已损坏", "the database file is damaged")]
    [InlineData("random", "不是 SQLite 数据库文件", "it is not an SQLite database file")]
    public void A_truncated_or_foreign_GeoPackage_is_described_in_the_runs_language_without_SQLites_own_text(string damage, string chinese, string english)
    {
        var dataset = SampleCopy.Make();
        var gpkg = Path.Combine(dataset, "layers.gpkg");
        if (damage == "truncated")
        {
            using var file = new FileStream(gpkg, FileMode.Open);
            file.SetLength(5000);
        }
        else
        {
            File.WriteAllBytes(gpkg, [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 37 % 251))]);
        }

        var zh = CliRun.Of("check", dataset, "--out", RepositoryPaths.NewTempFolder());
        Assert.True(zh.ExitCode == 3, zh.ToString());
        Assert.Contains("error PG0104:", zh.Stderr, StringComparison.Ordinal);
        Assert.Contains(chinese, zh.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", zh.Stderr, StringComparison.Ordinal);

        var en = CliRun.Of("check", dataset, "--out", RepositoryPaths.NewTempFolder(), "--lang", "en");
        Assert.True(en.ExitCode == 3, en.ToString());
        Assert.Contains(english, en.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", en.Stderr, StringComparison.Ordinal);
    }

    [OgrToolsFact]
    public void The_last_line_names_the_shapefile_and_workbook_written_with_format_and_xlsx_and_the_progress_says_so_in_chinese()
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("infrastructure", RepositoryPaths.OrdosSample, "--out", output, "--format", "shp", "--xlsx");
        Assert.True(run.ExitCode == 1, run.ToString());
        var last = run.Stdout.TrimEnd().Split('\n')[^1];
        Assert.EndsWith("（infrastructure.json、unserved.geojson、unserved.shp、infrastructure.xlsx）", last, StringComparison.Ordinal);
        foreach (var file in new[] { "infrastructure.json", "unserved.geojson", "unserved.shp", "infrastructure.xlsx" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        Assert.Contains("正在写出 infrastructure.xlsx", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("writing ", run.Stderr, StringComparison.Ordinal);

        var plain = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder());
        Assert.EndsWith("（check.json、conflicts.geojson）", plain.Stdout.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    [OgrToolsFact]
    public void A_park_id_longer_than_a_DBF_field_written_as_a_shapefile_prints_no_raw_GDAL_warning_but_says_in_chinese_that_the_text_was_cut()
    {
        var longId = "P" + new string('长', 300);
        var dataset = TinyDataset.Write(TinyDataset.Square(longId, "园区<script>=", 500_000, 4_400_000, 1000),
            redline: TinyDataset.Square("R1", "红线", 500_500, 4_400_500, 1000));
        var output = RepositoryPaths.NewTempFolder();
        using var process = Process.Start(ParkGisProcess.StartInfo(["check", dataset, "--out", output, "--format", "shp"]))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{stdout.Result}\n{stderr}");
        Assert.DoesNotContain("Warning 1:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001B", stderr + stdout.Result, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "conflicts.shp")), stderr);
        // Progress lines wrap at 100 display columns; joined again, the warning reads whole.
        Assert.Matches(@"conflicts\.shp：\d+ 个文本值超过 shapefile 文本字段的 254 字节（GBK）上限，已被截断", Regex.Replace(stderr, @"\nparkgis: +", string.Empty));
    }

    [Fact]
    public void A_park_name_of_3000_characters_wraps_check_headline_at_100_display_columns()
    {
        var name = new string('长', 3000);
        var dataset = TinyDataset.Write(TinyDataset.Square("P1", name, 500_000, 4_400_000, 1000));

        var run = CliRun.Of("check", dataset, "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 1, run.ToString());
        var wide = run.Stdout.Split('\n').Where(l => Rendering.TextWidth.Of(l.TrimEnd('\r')) > 100 && !l.Contains("parkgis-tests", StringComparison.Ordinal)).ToList();
        Assert.True(wide.Count == 0, "lines wider than 100 columns: " + string.Join('\n', wide.Select(l => l[..Math.Min(l.Length, 120)])));
        Assert.True(run.Stdout.Count(c => c == '长') >= 3000, "the name is not printed whole");
    }
}
