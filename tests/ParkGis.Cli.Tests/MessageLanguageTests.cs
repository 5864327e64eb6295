using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using ParkGis.Core.Localization;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Every message a person reads comes from a .resx in the assembly that produces it, Chinese by default and English
/// with <c>--lang en</c>: the resources agree key for key, and the commands on the sample speak the run's language.
/// </summary>
public sealed partial class MessageLanguageTests
{
    /// <summary>Chinese values that are codes, identifiers, units or punctuation and so hold no Chinese character.</summary>
    private static readonly HashSet<string> AsciiChineseValues =
    [
        "parkgis.ListSeparator", "ParkGis.Core.TallySeparator", "parkgis.InfoExtent", "parkgis.YearRange", "parkgis.LedgerWindowRateValue",
        "parkgis.ColumnTaxPerMu",
    ];

    /// <summary>The assemblies that hold person-read messages and the folder of their sources.</summary>
    public static TheoryData<string, string> Assemblies() => new()
    {
        { "parkgis", "ParkGis.Cli" },
        { "ParkGis.Core", "ParkGis.Core" },
        { "ParkGis.IO", "ParkGis.IO" },
        { "ParkGis.PostGis", "ParkGis.PostGis" },
        { "ParkGis.Web", "ParkGis.Web" },
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_resource_key_has_a_Chinese_and_an_English_value_with_the_same_placeholders(string assemblyName, string folder)
    {
        _ = folder;
        var (zh, en) = Resources(assemblyName);
        Assert.Equal(zh.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, chinese) in zh)
        {
            var english = en[key];
            Assert.False(string.IsNullOrWhiteSpace(chinese), $"{assemblyName}.{key}: empty Chinese value");
            Assert.False(string.IsNullOrWhiteSpace(english), $"{assemblyName}.{key}: empty English value");
            Assert.True(
                Placeholders(chinese).SequenceEqual(Placeholders(english)),
                $"{assemblyName}.{key}: the Chinese and English values fill in different placeholders: {chinese} | {english}");
            Assert.True(
                HasChinese(chinese) || AsciiChineseValues.Contains($"{assemblyName}.{key}"),
                $"{assemblyName}.{key}: the Chinese value has no Chinese character: {chinese}");
        }
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_message_key_the_code_asks_for_exists(string assemblyName, string folder)
    {
        var (zh, _) = Resources(assemblyName);
        var accessor = folder == "ParkGis.Cli" ? "Text" : "Localized";
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Where(m => m.Groups["accessor"].Value == accessor).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.NotEmpty(used);
        foreach (var (file, key) in used)
        {
            Assert.True(zh.ContainsKey(key), $"{file} asks for the message '{key}', which {assemblyName} does not have");
        }
    }

    [Theory]
    [MemberData(nameof(SampleCopy.AnalysisCommands), MemberType = typeof(SampleCopy))]
    public void By_default_a_command_on_the_sample_prints_no_English_sentence(string command, string[] options)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of([command, RepositoryPaths.OrdosSample, .. options, "--out", output]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        foreach (var line in (run.Stdout + run.Stderr).ReplaceLineEndings("\n").Split('\n'))
        {
            var text = NotProse().Replace(line, " ");
            Assert.False(EnglishWords().IsMatch(text), $"{command}: an English sentence in the Chinese output: {line}");
        }
    }

    [Fact]
    public void By_default_info_on_the_sample_prints_no_English_sentence_besides_CRS_names()
    {
        var run = CliRun.Of("info", RepositoryPaths.OrdosSample);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        foreach (var line in (run.Stdout + run.Stderr).ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("  CRS ", StringComparison.Ordinal)))
        {
            Assert.False(EnglishWords().IsMatch(NotProse().Replace(line, " ")), $"info: an English sentence in the Chinese output: {line}");
        }
    }

    [Theory]
    [MemberData(nameof(SampleCopy.AnalysisCommands), MemberType = typeof(SampleCopy))]
    public void With_lang_en_the_progress_and_data_issues_on_stderr_hold_no_Chinese_beyond_names_and_terms(string command, string[] options)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of([command, RepositoryPaths.OrdosSample, .. options, "--out", output, "--lang", "en"]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        foreach (var line in run.Stderr.ReplaceLineEndings("\n").Split('\n'))
        {
            var rest = Terms().Replace(line, " ");
            Assert.False(HasChinese(rest), $"{command}: Chinese in the English stderr: {line}");
        }
    }

    [Fact]
    public void Attack_out_inside_the_dataset_PG0403_explains_itself_in_Chinese_by_default()
    {
        var dataset = SampleCopy.Make();
        var run = CliRun.Of("check", dataset, "--out", Path.Combine(dataset, "results"));
        Assert.True(run.ExitCode == 3, run.ToString());
        AssertChineseReport(run.Stderr, "PG0403");
    }

    [Fact]
    public void Attack_an_excel_97_economics_xls_PG0104_explains_itself_in_Chinese_by_default()
    {
        var data = SampleCopy.Make(name => name == "economics.csv");
        File.WriteAllBytes(Path.Combine(data, "经济指标.xls"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(data, "parkgis.json"), "{ \"economics\": { \"source\": \"经济指标.xls\" } }");
        var run = CliRun.Of("intensity", data, "--year", "2025", "--out", RepositoryPaths.NewTempFolder());
        Assert.True(run.ExitCode == 3, run.ToString());
        AssertChineseReport(run.Stderr, "PG0104");
        Assert.Contains("另存为 .xlsx", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_reads_its_messages_in_the_UI_culture_of_the_run()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = ResourceText.CultureFor(english: false);
            var zh = Run("The_dataset_folder_is_missing");
            CultureInfo.CurrentUICulture = ResourceText.CultureFor(english: true);
            var en = Run("The_dataset_folder_is_missing");
            Assert.StartsWith("数据集文件夹", zh, StringComparison.Ordinal);
            Assert.StartsWith("The dataset folder", en, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        static string Run(string folder)
        {
            var error = Assert.Throws<Core.Errors.UnusableInputException>(() => IO.Datasets.DatasetReader.Read(Path.Combine(RepositoryPaths.NewTempFolder(), folder)));
            return error.Message;
        }
    }

    private static void AssertChineseReport(string stderr, string code)
    {
        var lines = stderr.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("parkgis:", StringComparison.Ordinal) && l.Length > 0).ToList();
        Assert.StartsWith($"error {code}: ", lines[0], StringComparison.Ordinal);
        foreach (var prefix in new[] { "  详情: ", "  提示: " })
        {
            var line = Assert.Single(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
            Assert.True(HasChinese(line[prefix.Length..]), $"{code}: {line}");
            Assert.False(EnglishWords().IsMatch(NotProse().Replace(line, " ")), $"{code}: English in {line}");
        }
    }

    private static (Dictionary<string, string> Zh, Dictionary<string, string> En) Resources(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var baseName = Assert.Single(assembly.GetManifestResourceNames(), n => n.EndsWith(".Localization.Messages.resources", StringComparison.Ordinal));
        var text = new ResourceText(baseName[..^".resources".Length], assembly);
        return (new(text.All(CultureInfo.InvariantCulture)), new(text.All(CultureInfo.GetCultureInfo("en"))));
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<!\{)\{(\d+)")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\b(?<accessor>Text|Localized)\.(?:Get|Format)\(""(?<key>[A-Za-z0-9]+)""")]
    private static partial Regex KeyUse();

    /// <summary>Three English words in a row: a sentence, not a code, path, field name or unit.</summary>
    [GeneratedRegex(@"\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b")]
    private static partial Regex EnglishWords();

    /// <summary>What is not prose: paths, file names, field and option names, codes, CRS codes, numbers with units.</summary>
    [GeneratedRegex(@"(\S*[/\\]\S*|\S+\.(geojson|json|shp|gpkg|csv|xlsx|xls|html|pmtiles|mbtiles|pdf|txt)\b|--[a-z-]+|\b[a-z]+_[a-z_]+\b|PG\d{4}|EPSG:\d+|https?://\S+)")]
    private static partial Regex NotProse();

    /// <summary>Data values and domain terms an English run may show: park, banner and industry names, and the Chinese terms kept beside their English.</summary>
    [GeneratedRegex(@"[\u4E00-\u9FFF（）、]*(经济开发区|开发区|旗|区|九通一平|未批先供|控制指标|标准地|批而未供|化工|制造|材料|能|伏)[\u4E00-\u9FFF（）]*|(九通一平|未批先供|控制指标|标准地|批而未供|三区三线|园区|宗地)")]
    private static partial Regex Terms();
}
