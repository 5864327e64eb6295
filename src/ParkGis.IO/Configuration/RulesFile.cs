using System.Text.Json;
using ParkGis.Core.Assessment;
using ParkGis.Core.Errors;
using ParkGis.Core.Idle;
using ParkGis.Core.Localization;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;
using ParkGis.IO.Intensity;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Configuration;

/// <summary>
/// Reads the rules file (<c>--rules FILE</c> of every command that applies a local rule; docs/rules.md): one JSON
/// object with a section per analysis — <c>supply</c>, <c>idle</c>, <c>standard_land</c>, <c>evaluation</c>,
/// <c>intensity</c>, <c>leading_industry</c>, <c>indicators</c>, <c>infrastructure</c>. A section or member left out
/// keeps its documented default; an unknown section or member is an error (PG0302), never ignored. To add a section,
/// add it to <see cref="Sections"/> with the reader that lays it over the rules read so far.
/// </summary>
public static class RulesFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Each section and its reader, in document order of docs/rules.md.</summary>
    private static readonly (string Name, Func<JsonElement, string, RuleSet, RuleSet> Read)[] Sections =
    [
        ("supply", (e, source, rules) => rules with { Supply = ReadSupply(e, source, rules.Supply) }),
        ("idle", (e, source, rules) => rules with { Idle = ReadIdle(e, source, rules.Idle) }),
        ("standard_land", (e, source, rules) => rules with { Intensity = IntensityRulesReader.ReadStandardLand(source, e, rules.Intensity) }),
        ("evaluation", (e, source, rules) => rules with { Intensity = IntensityRulesReader.ReadEvaluation(source, e, rules.Intensity) }),
        ("intensity", (e, source, rules) => rules with { Intensity = IntensityRulesReader.ReadIntensity(source, e, rules.Intensity) }),
        ("leading_industry", (e, source, rules) => rules with { Scorecard = ScorecardRulesFile.ReadLeadingIndustry(e, rules.Scorecard) }),
        ("indicators", (e, source, rules) => rules with { Scorecard = rules.Scorecard with { Indicators = ScorecardRulesFile.ReadIndicators(e) } }),
        ("infrastructure", (e, source, rules) => rules with { Scorecard = rules.Scorecard with { Infrastructure = ScorecardRulesFile.ReadInfrastructure(e, rules.Scorecard.Infrastructure) } }),
    ];

    /// <summary>The section names, in document order.</summary>
    public static IReadOnlyList<string> SectionNames { get; } = Sections.Select(s => s.Name).ToList();

    /// <summary>Loads a rules file; a null path gives <see cref="RuleSet.Default"/>.</summary>
    /// <exception cref="UnusableInputException">PG0302 when the file cannot be read or does not follow the schema.</exception>
    public static RuleSet Load(string? path)
    {
        if (path is null)
        {
            return RuleSet.Default;
        }

        if (Path.Exists(path))
        {
            Datasets.DatasetFiles.RequireRegular(path, path);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnusableInputException(ErrorCodes.InvalidRules, Localized.Format("RulesUnreadable", e.Message), path, hint: Localized.Get("RulesUnreadableHint"), inner: e);
        }

        try
        {
            return Parse(bytes, path);
        }
        catch (UnusableInputException e) when (e.InputName != path)
        {
            throw new UnusableInputException(e.Code, e.Message, path, hint: e.Hint, inner: e);
        }
    }

    /// <summary>Parses rules text (UTF-8 JSON).</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <exception cref="UnusableInputException">PG0302 when the text does not follow the schema.</exception>
    public static RuleSet Parse(ReadOnlyMemory<byte> utf8Json, string source = "rules")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Invalid(source, Localized.Format("RulesNotJson", e.LineNumber + 1, e.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, Localized.Get("RulesNotObject"));
            }

            var rules = RuleSet.Default;
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name == "$schema")
                {
                    continue;
                }

                var section = Array.FindIndex(Sections, s => s.Name == member.Name);
                if (section < 0)
                {
                    throw Invalid(source, Localized.Format("RulesUnknownSection", member.Name, ResourceText.List(SectionNames)));
                }

                rules = Sections[section].Read(member.Value, source, rules);
            }

            return rules;
        }
    }

    private static SupplyLedgerOptions ReadSupply(JsonElement element, string source, SupplyLedgerOptions options)
    {
        foreach (var m in Object(element, "supply", source).EnumerateObject())
        {
            var where = "supply." + m.Name;
            options = m.Name switch
            {
                "window_years" => options with { WindowYears = WholeNumber(m.Value, where, source, 1, 100) },
                "yardstick_rate" => options with { YardstickRate = Share(m.Value, where, source) },
                "existing_construction" => options with { ExistingConstruction = ReadExistingConstruction(m.Value, where, source, options.ExistingConstruction) },
                _ => throw Invalid(source, Localized.Format("RulesSupplyUnknownMember", where)),
            };
        }

        return options;
    }

    private static ExistingConstruction ReadExistingConstruction(JsonElement element, string where, string source, ExistingConstruction rule)
    {
        foreach (var m in Object(element, where, source).EnumerateObject())
        {
            var at = where + "." + m.Name;
            rule = m.Name switch
            {
                "codes" => rule with { Codes = Codes(m.Value, at, source) },
                "collective_counts" => rule with { CollectiveCounts = Bool(m.Value, at, source) },
                _ => throw Invalid(source, Localized.Format("RulesExistingUnknownMember", at)),
            };
        }

        return rule;
    }

    private static IdleRules ReadIdle(JsonElement element, string source, IdleRules rules)
    {
        foreach (var m in Object(element, "idle", source).EnumerateObject())
        {
            var where = "idle." + m.Name;
            switch (m.Name)
            {
                case "fee_share":
                    rules = rules with { FeeShare = Share(m.Value, where, source) };
                    break;
                case "reclaim_years":
                    rules = rules with { ReclaimYears = WholeNumber(m.Value, where, source, 1, 100) };
                    break;
                case "halted":
                    foreach (var h in Object(m.Value, where, source).EnumerateObject())
                    {
                        rules = h.Name switch
                        {
                            "fee" => rules with { HaltedFee = Bool(h.Value, where + ".fee", source) },
                            "reclaim" => rules with { HaltedReclaim = Bool(h.Value, where + ".reclaim", source) },
                            _ => throw Invalid(source, Localized.Format("RulesHaltedUnknownMember", where, h.Name)),
                        };
                    }

                    break;
                default:
                    throw Invalid(source, Localized.Format("RulesIdleUnknownMember", where));
            }
        }

        return rules;
    }

    private static List<string> Codes(JsonElement element, string where, string source)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(source, Localized.Format("RulesCodesNotArray", where));
        }

        var codes = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            codes.Add(item.ValueKind == JsonValueKind.String && item.GetString()!.Trim() is { Length: > 0 } code && code.All(char.IsAsciiLetterOrDigit)
                ? code
                : throw Invalid(source, Localized.Format("RulesCodeInvalid", where, item.GetRawText())));
        }

        return codes;
    }

    private static JsonElement Object(JsonElement element, string where, string source) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Invalid(source, Localized.Format("MustBeObject", where));

    private static bool Bool(JsonElement element, string where, string source) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid(source, Localized.Format("MustBeBoolean", where)),
    };

    private static int WholeNumber(JsonElement element, string where, string source, int min, int max) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= min && value <= max
            ? value
            : throw Invalid(source, Localized.Format("RulesWholeNumber", where, min, max, element.GetRawText()));

    private static double Share(JsonElement element, string where, string source)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value) || !NumberLimits.IsWithin(value))
        {
            throw Invalid(source, Localized.Format("MustBeNumber", where));
        }

        return value is >= 0 and <= 1 ? value : throw Invalid(source, Localized.Format("MustBeShare", where, 0.6, 60));
    }

    private static UnusableInputException Invalid(string source, string message) =>
        new(ErrorCodes.InvalidRules, message, source, hint: Localized.Get("RulesDocsHint"));
}
