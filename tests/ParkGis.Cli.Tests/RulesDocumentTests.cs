using System.Text.RegularExpressions;

namespace ParkGis.Cli.Tests;

/// <summary>
/// docs/rules.md is where every rule the code applies is written with its document; the code names its section
/// (<c>docs/rules.md#anchor</c>, further sections as <c>, #anchor</c>). These tests keep the two in step.
/// </summary>
public sealed partial class RulesDocumentTests
{
    /// <summary>Rule sections that no code applies: sources, information only, or what ParkGis cannot check.</summary>
    private static readonly string[] SectionsWithoutCode =
    [
        "conflict-three-lines", // a property of the control lines, not checked by ParkGis
        "supply-disposal", // for information, not computed
        "idle-survey", // who investigates: a statement about the output's standing
        "idle-investment", // a data requirement: invested_ratio is read as given
        "idle-started", // a data requirement: actual_start is read as given
        "intensity-development-rate", // not computed, and says so (IntensityAnalysis names the missing layer)
    ];

    [Fact]
    public void Every_rules_anchor_named_in_the_source_exists_in_docs_rules_md()
    {
        var anchors = Anchors();
        var missing = NamedInSource()
            .Where(n => !anchors.Contains(n.Anchor))
            .Select(n => $"{n.File}: #{n.Anchor}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Anchors named in src/ but not in docs/rules.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_rule_section_of_docs_rules_md_is_named_in_the_source()
    {
        var named = NamedInSource().Select(n => n.Anchor).ToHashSet(StringComparer.Ordinal);
        var headings = RuleSectionAnchors();
        var unnamed = headings.Where(a => !named.Contains(a) && !SectionsWithoutCode.Contains(a)).ToList();
        Assert.True(unnamed.Count == 0, "Rule sections of docs/rules.md that no code in src/ points to:\n" + string.Join("\n", unnamed));
        Assert.All(SectionsWithoutCode, a => Assert.Contains(a, headings));
    }

    [Fact]
    public void The_anchor_scan_finds_pointers_in_a_doc_comment_and_after_a_comma()
    {
        var found = Pointers("/// <summary>See docs/rules.md#supply-window, #supply-yardstick.</summary>").ToList();
        Assert.Equal(["supply-window", "supply-yardstick"], found);
        Assert.Empty(Pointers("// docs/rules.md without an anchor"));
    }

    private static HashSet<string> Anchors() =>
        AnchorPattern().Matches(File.ReadAllText(RulesPath)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The anchors placed right above a level-2 or level-3 heading (the sections, not the chapter intros).</summary>
    private static List<string> RuleSectionAnchors()
    {
        var lines = File.ReadAllLines(RulesPath);
        var result = new List<string>();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (AnchorPattern().Match(lines[i]) is { Success: true } match && lines[i + 1].StartsWith("### ", StringComparison.Ordinal))
            {
                result.Add(match.Groups[1].Value);
            }
        }

        return result;
    }

    private static IEnumerable<(string File, string Anchor)> NamedInSource()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        // Code and its messages: a hint in a .resx file points the reader at the rule as much as a comment does.
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(src, "*.resx", SearchOption.AllDirectories));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var anchor in Pointers(File.ReadAllText(file)))
            {
                yield return (Path.GetRelativePath(RepositoryPaths.Root, file), anchor);
            }
        }
    }

    private static IEnumerable<string> Pointers(string text)
    {
        foreach (Match match in PointerPattern().Matches(text))
        {
            yield return match.Groups[1].Value;
            foreach (Capture more in match.Groups[2].Captures)
            {
                yield return more.Value;
            }
        }
    }

    private static string RulesPath => Path.Combine(RepositoryPaths.Root, "docs", "rules.md");

    [GeneratedRegex("<a id=\"([a-z0-9-]+)\"></a>")]
    private static partial Regex AnchorPattern();

    [GeneratedRegex(@"rules\.md#([a-z0-9-]+)(?:,\s*#([a-z0-9-]+))*")]
    private static partial Regex PointerPattern();
}
