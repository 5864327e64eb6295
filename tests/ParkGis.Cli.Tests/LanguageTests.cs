using System.Text.RegularExpressions;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;

namespace ParkGis.Cli.Tests;

/// <summary>Chinese by default, English with <c>--lang en</c> or an English locale; the help of every command as golden files.</summary>
public sealed partial class LanguageTests
{
    public static TheoryData<string> Commands() =>
    [
        "", "check", "info", "supply", "idle", "infrastructure", "scorecard", "intensity", "export", "report", "serve", "import", "boundary-points",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_of_every_command_matches_its_Chinese_and_English_golden_files(string command)
    {
        string[] args = command.Length == 0 ? ["--help"] : [command, "--help"];
        var name = command.Length == 0 ? "parkgis" : command;
        var zh = CliRun.Of(args);
        Assert.True(zh.ExitCode == 0, zh.ToString());
        GoldenFile.AssertMatches($"help.{name}.zh.txt", AsParkgis(zh.Stdout));
        var en = CliRun.Of([.. args, "--lang", "en"]);
        Assert.True(en.ExitCode == 0, en.ToString());
        GoldenFile.AssertMatches($"help.{name}.en.txt", AsParkgis(en.Stdout));
        foreach (var line in (zh.Stdout + en.Stdout).ReplaceLineEndings("\n").Split('\n'))
        {
            Assert.True(TextWidth.Of(line) <= 100, $"a help line of {TextWidth.Of(line)} columns: {line}");
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Chinese_help_has_no_English_heading_or_untranslated_description(string command)
    {
        var run = CliRun.Of(command.Length == 0 ? ["--help"] : [command, "--help"]);
        foreach (var heading in new[] { "Description:", "Usage:", "Options:", "Arguments:", "Commands:", "(REQUIRED)", "[default:", "Show help" })
        {
            Assert.DoesNotContain(heading, run.Stdout, StringComparison.Ordinal);
        }

        // Every option line's description holds Chinese.
        foreach (var line in run.Stdout.ReplaceLineEndings("\n").Split('\n').Where(l => OptionLine().IsMatch(l)))
        {
            Assert.True(line.Any(c => c >= '\u4E00' && c <= '\u9FFF'), $"untranslated help line: {line}");
        }
    }

    [Fact]
    public void Default_is_Chinese_with_LANG_unset()
    {
        var run = Run(["supply", "somewhere", "--out", "x"], _ => null);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("错误：缺少必填选项 '--as-of'。", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("用法见 'parkgis --help'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lang_en_gives_English_whatever_the_locale()
    {
        var run = Run(["supply", "somewhere", "--out", "x", "--lang", "en"], v => v == "LANG" ? "zh_CN.UTF-8" : null);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: Option '--as-of' is required.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'parkgis --help'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LANG", "en_US.UTF-8", true)]
    [InlineData("LC_ALL", "en_GB", true)]
    [InlineData("LANG", "zh_CN.UTF-8", false)]
    [InlineData("LANG", "C.UTF-8", false)]
    [InlineData("LANG", "fr_FR.UTF-8", false)]
    public void Locale_variables_choose_the_language_when_lang_is_not_given(string variable, string value, bool english)
    {
        Assert.Equal(english ? UiLanguage.English : UiLanguage.Chinese, LanguageChoice.Resolve(["check", "x"], v => v == variable ? value : null));
    }

    [Fact]
    public void LC_ALL_outranks_LANG_and_lang_outranks_both()
    {
        string? Env(string v) => v switch { "LC_ALL" => "zh_CN.UTF-8", "LANG" => "en_US.UTF-8", _ => null };
        Assert.Equal(UiLanguage.Chinese, LanguageChoice.Resolve(["check"], Env));
        Assert.Equal(UiLanguage.English, LanguageChoice.Resolve(["check", "--lang=en"], Env));
        Assert.Equal(UiLanguage.Chinese, LanguageChoice.Resolve(["check", "--lang", "zh"], v => v == "LANG" ? "en_US" : null));
        Assert.Equal(UiLanguage.Chinese, LanguageChoice.Resolve(["check", "--", "--lang", "en"], _ => null));
    }

    [Fact]
    public void An_unknown_lang_value_is_a_usage_error()
    {
        var run = CliRun.Of("check", "somewhere", "--out", "x", "--lang", "fr");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("fr", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void English_locale_gives_English_fatal_errors_and_Chinese_by_default_keeps_the_code_prefix()
    {
        var output = RepositoryPaths.NewTempFolder();
        var zh = Run(["check", "/nonexistent/dataset", "--out", output], _ => null);
        Assert.True(zh.ExitCode == 3, zh.ToString());
        Assert.StartsWith("error PG0101: 数据集文件夹不存在", zh.Stderr, StringComparison.Ordinal);
        Assert.Contains("  详情: ", zh.Stderr, StringComparison.Ordinal);
        Assert.Contains("  提示: ", zh.Stderr, StringComparison.Ordinal);
        var en = Run(["check", "/nonexistent/dataset", "--out", output], v => v == "LANG" ? "en_US.UTF-8" : null);
        Assert.True(en.ExitCode == 3, en.ToString());
        Assert.StartsWith("error PG0101: The dataset folder", en.Stderr, StringComparison.Ordinal);
        Assert.Contains("  hint: ", en.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_message_exists_in_both_languages_with_the_same_placeholders()
    {
        var zh = Text.Keys(UiLanguage.Chinese);
        var en = Text.Keys(UiLanguage.English);
        Assert.Equal(zh, en);
        foreach (var key in zh)
        {
            Assert.True(
                Placeholders(Text.Get(key, UiLanguage.Chinese)).SequenceEqual(Placeholders(Text.Get(key, UiLanguage.English))),
                $"{key}: the Chinese and English messages fill in different placeholders");
        }
    }

    [Fact]
    public void Every_error_code_has_a_Chinese_meaning()
    {
        var codes = typeof(ParkGis.Core.Errors.ErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).Where(c => c != "PG0999");
        var keys = Text.Keys(UiLanguage.Chinese);
        foreach (var code in codes)
        {
            Assert.Contains("Error" + code, keys);
        }
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Every_table_of_every_command_fits_100_columns_on_the_sample(string language)
    {
        string[][] commands =
        [
            ["check"], ["supply", "--as-of", "2026-06-30"], ["idle", "--as-of", "2026-06-30"], ["infrastructure"], ["intensity"], ["scorecard"],
        ];
        foreach (var command in commands)
        {
            var output = RepositoryPaths.NewTempFolder();
            var run = CliRun.Of([.. command, RepositoryPaths.OrdosSample, "--out", output, "--lang", language]);
            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            foreach (var line in run.Stdout.ReplaceLineEndings("\n").Split('\n').Where(IsTableLine))
            {
                Assert.True(TextWidth.Of(line) <= TerminalTable.MaxColumns, $"{command[0]}: a table line of {TextWidth.Of(line)} columns: {line}");
            }
        }
    }

    [Fact]
    public void Summaries_are_Chinese_by_default_and_English_with_lang_en()
    {
        var zh = CliRun.Of("supply", RepositoryPaths.OrdosSample, "--as-of", "2026-06-30", "--out", RepositoryPaths.NewTempFolder());
        Assert.Contains("批供台账（截至 2026-06-30）", zh.Stdout, StringComparison.Ordinal);
        Assert.Contains("结果已写入 ", zh.Stdout, StringComparison.Ordinal);
        Assert.Contains("正在写出结果", zh.Stderr, StringComparison.Ordinal);
        var en = CliRun.Of("supply", RepositoryPaths.OrdosSample, "--as-of", "2026-06-30", "--out", RepositoryPaths.NewTempFolder(), "--lang", "en");
        Assert.Contains("Land supply ledger (as of 2026-06-30)", en.Stdout, StringComparison.Ordinal);
        Assert.Contains("Results written to ", en.Stdout, StringComparison.Ordinal);
        Assert.Contains("Supply rate", en.Stdout, StringComparison.Ordinal);
        Assert.Contains("writing results", en.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_park_name_with_escape_codes_and_200_wide_characters_stays_within_100_columns_and_escaped()
    {
        var table = new TerminalTable("园区", "批准(公顷)", "已供(公顷)");
        table.Add("\u001B[2J" + new string('园', 200), "1.00", "2.00");
        table.Add("P02 短名", "3.00", "4.00");
        using var output = new StringWriter();
        table.Write(output);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(TextWidth.Of(l) <= TerminalTable.MaxColumns, l));
        Assert.DoesNotContain('\u001B', output.ToString());
        Assert.Contains("\\u001B[2J", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("3.00", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_too_wide_for_100_columns_is_split_and_repeats_its_label_column()
    {
        var table = new TerminalTable("园区", [.. Enumerable.Range(1, 12).Select(i => $"第{i}列数据")]);
        table.Add("P01 鄂尔多斯高新技术产业开发区", [.. Enumerable.Range(1, 12).Select(i => $"{i * 1000.5:N1}")]);
        using var output = new StringWriter();
        table.Write(output);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(TextWidth.Of(l) <= TerminalTable.MaxColumns, l));
        Assert.True(lines.Count(l => l.StartsWith("P01 鄂尔多斯", StringComparison.Ordinal)) >= 2, output.ToString());
        Assert.Contains(lines, l => l.Contains("第12列数据", StringComparison.Ordinal));
    }

    /// <summary>The help as the installed command prints it: the usage line names the executable, which in-process is the test host.</summary>
    private static string AsParkgis(string help) =>
        Regex.Replace(help.ReplaceLineEndings("\n"), @"(?<=^(?:用法：|Usage:)\n  )\S+", "parkgis", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A line laid out in columns: two spaces inside it, after its indentation.</summary>
    private static bool IsTableLine(string line) => line.TrimStart().Contains("  ", StringComparison.Ordinal);

    private static IEnumerable<string> Placeholders(string message) => Placeholder().Matches(message).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    private static CliRun Run(string[] args, Func<string, string?> environment)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ParkGisApp.Run(args, stdout, stderr, environment, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A placeholder's index: <c>{0}</c>, <c>{1:N2}</c> and the English count form <c>{2:|parcel|parcels}</c> alike.</summary>
    [GeneratedRegex(@"\{\d+(?=[:,}])")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^  --[a-z-]+(?: <[^>]*>)?(?: （必填）)?  ")]
    private static partial Regex OptionLine();
}
