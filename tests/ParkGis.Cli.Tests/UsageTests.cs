namespace ParkGis.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        var run = CliRun.Of("frobnicate");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("frobnicate", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_without_out_is_a_usage_error()
    {
        var run = CliRun.Of("check", "somewhere");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_minimum_area_is_a_usage_error()
    {
        var run = CliRun.Of("check", "somewhere", "--out", "x", "--min-area", "-1");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--min-area", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard-by needs --shards", "--shard-by 需要与 --shards 一起使用。", "--shard-by", "park")]
    [InlineData("--to and every --shards server must be", "--to 与每个 --shards 服务器必须是不同的数据库", "--shards", "pg:Host=db1;Database=city,pg:Host=db2;Database=city")]
    public void Attack_import_with_inconsistent_shard_options_is_a_usage_error_told_in_Chinese_by_default(string english, string chinese, string option, string value)
    {
        var run = CliRun.Of("import", "somewhere", "--to", "pg:Host=db1;Database=city", option, value);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(chinese, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(english, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_help_lists_its_options_and_an_example()
    {
        var run = CliRun.Of("check", "--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var option in new[] { "--out", "--min-area", "--fix", "--overwrite", "示例" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_dataset_folder_exits_3_with_code_location_and_hint()
    {
        var output = Path.Combine(Path.GetTempPath(), $"parkgis-test-{Guid.NewGuid():N}");
        var run = CliRun.Of("check", "/nonexistent/dataset", "--out", output);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.StartsWith("error PG0101:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("提示:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a failed run must not leave an output folder");
    }
}
