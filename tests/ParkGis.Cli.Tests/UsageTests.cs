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
