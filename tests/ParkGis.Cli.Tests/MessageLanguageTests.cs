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
        "parkgis.ColumnTaxPerMu", "parkgis.InfoRoleLabel", "ParkGis.Core.UnitPercent", "ParkGis.Web.ReportHtmlLang", "ParkGis.Web.ReportUiListSeparator",
        "ParkGis.Core.NameListSeparator",
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
    public void By_default_a_command_on_the_sample_writes_no_English_phrase_to_stdout_stderr_or_any_text_of_its_JSON_and_CSV_files(string command, string[] options)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of([command, RepositoryPaths.OrdosSample, .. options, "--out", output]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var written = OutputTexts(output).ToList();
        Assert.True(command == "report" || written.Count > 0, $"{command} wrote no JSON or CSV text"); // report writes one HTML page
        // The progress lines' own prefix (on continuation lines too) is the program's name, not prose.
        var leaks = Lines("stdout", run.Stdout).Concat(Lines("stderr", Regex.Replace(run.Stderr, "(?m)^parkgis:", string.Empty))).Concat(written)
            .Where(t => EnglishPhrase().IsMatch(NotProse().Replace(t.Text, " ")))
            .Select(t => $"{t.Where}: {t.Text}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(leaks.Count == 0, $"{command}: English in the Chinese output:\n{string.Join('\n', leaks.Take(30))}");
    }

    [Theory]
    [MemberData(nameof(SampleCopy.AnalysisCommands), MemberType = typeof(SampleCopy))]
    public void With_lang_en_a_command_on_the_sample_prints_no_Chinese_on_stdout_beyond_the_data_values(string command, string[] options)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of([command, RepositoryPaths.OrdosSample, .. options, "--out", output, "--lang", "en"]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var values = SampleDataValues.Value;
        var leaks = run.Stdout.ReplaceLineEndings("\n").Split('\n')
            .Where(line => HasChinese(values.Aggregate(line, (rest, value) => rest.Replace(value, " ", StringComparison.Ordinal)).Replace(DateExample, " ", StringComparison.Ordinal)))
            .ToList();
        Assert.True(leaks.Count == 0, $"{command}: Chinese labels in the English stdout:\n{string.Join('\n', leaks.Take(30))}");
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

    /// <summary>The date forms an English message gives as examples of what is accepted (2024年3月1日 is one).</summary>
    private const string DateExample = "2024年3月1日";

    /// <summary>
    /// Every text value of the sample's data (park, banner, enterprise and industry names, supply methods…) that holds
    /// Chinese, longest first: an English run shows them as they are.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<string>> SampleDataValues = new(() =>
    {
        var dataset = IO.Datasets.DatasetReader.Read(RepositoryPaths.OrdosSample);
        var values = dataset.Layers.Values.SelectMany(l => l.Features).SelectMany(f => f.Attributes.Values)
            .Select(v => Core.Data.AttributeText.Of(v))
            .Concat(Directory.EnumerateFiles(RepositoryPaths.OrdosSample, "*.*").Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .SelectMany(f => ChineseRun().Matches(File.ReadAllText(f)).Select(m => m.Value)))
            .OfType<string>()
            .Where(HasChinese)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToList();
        Assert.NotEmpty(values);
        return values;
    });

    private static IEnumerable<(string Where, string Text)> Lines(string where, string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(line => (where, line));

    /// <summary>Every string value of every JSON/GeoJSON file and every cell of every CSV file a run wrote into <paramref name="folder"/>.</summary>
    private static IEnumerable<(string Where, string Text)> OutputTexts(string folder)
    {
        // .parkgis-manifest.json is ParkGis's own record of what it wrote (read back by the next run), not an output.
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, file);
            if (file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".geojson", StringComparison.Ordinal))
            {
                using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
                foreach (var (path, text) in Strings(json.RootElement, string.Empty))
                {
                    yield return ($"{name} {path}", text);
                }
            }
            else if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                var row = 0;
                foreach (var line in File.ReadAllLines(file))
                {
                    row++;
                    foreach (Match cell in CsvCell().Matches(line))
                    {
                        yield return ($"{name} row {row}", cell.Groups["quoted"].Success ? cell.Groups["quoted"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : cell.Groups["plain"].Value);
                    }
                }
            }
        }

        static IEnumerable<(string Path, string Text)> Strings(System.Text.Json.JsonElement element, string path) => element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => [(path, element.GetString()!)],
            System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, $"{path}.{p.Name}")),
            System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Strings(e, $"{path}[{i}]")),
            _ => [],
        };
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

    /// <summary>
    /// An English phrase: two words in a row (<c>Status unknown</c>, <c>screening parks</c>), or a hyphenated word
    /// (<c>Self-intersection</c>); codes, paths, field and option names are taken out first (<see cref="NotProse"/>).
    /// </summary>
    [GeneratedRegex(@"\b[A-Za-z]{2,}\b[ ,:;]+\b[A-Za-z]{2,}\b|\b[A-Za-z]{2,}-[A-Za-z]{2,}\b")]
    private static partial Regex EnglishPhrase();

    [GeneratedRegex(@"[\u4E00-\u9FFF（）]+")]
    private static partial Regex ChineseRun();

    [GeneratedRegex(@"(?<=^|,)(?:""(?<quoted>(?:[^""]|"""")*)""|(?<plain>[^,]*))")]
    private static partial Regex CsvCell();

    /// <summary>What is not prose: paths, file names, field and option names, codes, CRS codes, numbers with units.</summary>
    [GeneratedRegex(@"(\S*[/\\]\S*|\S+\.(geojson|json|shp|gpkg|csv|xlsx|xls|html|pmtiles|mbtiles|pdf|txt)\b|--[a-z-]+|\b[a-z]+_[a-z_]+\b|PG\d{4}|EPSG:\d+|https?://\S+)")]
    private static partial Regex NotProse();

    /// <summary>Data values and domain terms an English run may show: park, banner and industry names, and the Chinese terms kept beside their English.</summary>
    [GeneratedRegex(@"[\u4E00-\u9FFF（）、]*(经济开发区|开发区|旗|区|九通一平|未批先供|控制指标|标准地|批而未供|化工|制造|材料|能|伏)[\u4E00-\u9FFF（）]*|(九通一平|未批先供|控制指标|标准地|批而未供|三区三线|园区|宗地)")]
    private static partial Regex Terms();
}
