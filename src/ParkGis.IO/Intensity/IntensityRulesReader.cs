using System.Globalization;
using System.Text.Json;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.Core.Localization;
using ParkGis.Core.Measures;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Intensity;

/// <summary>
/// The intensity sections of the rules file (<see cref="Configuration.RulesFile"/>; format and defaults:
/// docs/intensity-rules.md): <c>standard_land</c>, <c>evaluation</c>, <c>intensity</c>. Members left out keep their
/// defaults; a threshold set to null is not checked. Shares must be fractions: a share above 1 (30 for 30 %) is
/// rejected with PG0302 rather than guessed.
/// </summary>
internal static class IntensityRulesReader
{
    private static readonly string[] Shares = ["building_coefficient_min", "admin_share_max", "green_ratio_max"];

    /// <summary>Section <c>intensity</c>: which land counts as ready for supply (docs/rules.md#intensity-supply-condition).</summary>
    internal static IntensityRules ReadIntensity(string source, JsonElement element, IntensityRules rules)
    {
        RequireObject(source, element, "intensity");
        foreach (var member in element.EnumerateObject())
        {
            var where = "intensity." + member.Name;
            rules = member.Name switch
            {
                "ready_for_supply" => member.Value.ValueKind == JsonValueKind.String && member.Value.GetString() == IntensityRules.ApprovedUnsupplied
                    ? rules with { ReadyForSupply = IntensityRules.ApprovedUnsupplied }
                    : throw Invalid(source, Localized.Format("IntensityReadyForSupplyBasis", where, IntensityRules.ApprovedUnsupplied, member.Value.GetRawText()), Localized.Get("IntensityReadyForSupplyHint")),
                "growth_basis" => rules with
                {
                    GrowthBasis = Name(member.Value) switch
                    {
                        "same_set" => GrowthBasis.SameSet,
                        "reporting" => GrowthBasis.Reporting,
                        _ => throw Invalid(source, Localized.Format("IntensityGrowthBasisInvalid", where, member.Value.GetRawText()), Localized.Get("IntensityGrowthHint")),
                    },
                },
                _ => throw Invalid(source, Localized.Format("MemberUnknown", where), Localized.Get("IntensityUnknownMember")),
            };
        }

        return rules;
    }

    /// <summary>Section <c>standard_land</c>: national thresholds and local overrides.</summary>
    internal static IntensityRules ReadStandardLand(string source, JsonElement element, IntensityRules rules)
    {
        RequireObject(source, element, "standard_land");
        var national = rules.StandardLand;
        var overrides = new List<StandardLandOverride>();
        var thresholds = ReadThresholds(source, element, "standard_land", national, allowLocal: true);
        if (element.TryGetProperty("local", out var local))
        {
            if (local.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(source, Localized.Get("StandardLandLocalNotArray"), Localized.Get("StandardLandLocalExample"));
            }

            var i = 0;
            foreach (var entry in local.EnumerateArray())
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"standard_land.local[{i++}]");
                RequireObject(source, entry, where);
                string? park = entry.TryGetProperty("park_id", out var p) ? TextOf(source, p, where + ".park_id") : null;
                string? industry = entry.TryGetProperty("industry", out var ind) ? TextOf(source, ind, where + ".industry") : null;
                overrides.Add(new StandardLandOverride(park, industry, ReadThresholds(source, entry, where, new StandardLandThresholds(), allowLocal: false)));
            }
        }

        var versions = rules.Versions;
        if (element.TryGetProperty("versions", out var list))
        {
            versions = ReadVersions(source, list);
        }

        var codes = rules.IndustryCodes;
        if (element.TryGetProperty("industry_codes", out var map))
        {
            RequireObject(source, map, "standard_land.industry_codes");
            var read = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in map.EnumerateObject())
            {
                var code = TextOf(source, entry.Value, "standard_land.industry_codes." + entry.Name);
                read[entry.Name] = code.Length >= 2 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])
                    ? code[..2]
                    : throw Invalid(source, Localized.Format("StandardLandIndustryCode", entry.Name, code), Localized.Get("StandardLandIndustryCodeHint"));
            }

            codes = read;
        }

        return rules with { StandardLand = thresholds, Overrides = overrides, Versions = versions, IndustryCodes = codes };
    }

    /// <summary><c>standard_land.versions</c>: <c>[{"from": "2022-10-08", "name": …, "regime": "标准地", "park_id"?, "industry"?, thresholds…}]</c>.</summary>
    private static List<StandardLandVersion> ReadVersions(string source, JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(source, Localized.Get("StandardLandVersionsNotArray"), Localized.Get("StandardLandVersionsExample"));
        }

        var versions = new List<StandardLandVersion>();
        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"standard_land.versions[{i++}]");
            RequireObject(source, entry, where);
            var from = entry.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(f.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Invalid(source, Localized.Format("StandardLandFromNotDate", where), Localized.Get("StandardLandFromHint"));
            var name = entry.TryGetProperty("name", out var n) ? TextOf(source, n, where + ".name") : where;
            var regime = entry.TryGetProperty("regime", out var r) ? TextOf(source, r, where + ".regime") : StandardLandVersion.ControlIndicators;
            if (regime is not (StandardLandVersion.ControlIndicators or StandardLandVersion.StandardLand))
            {
                throw Invalid(source, Localized.Format("StandardLandRegime", where), Localized.Get("StandardLandRegimeHint"));
            }

            string? park = entry.TryGetProperty("park_id", out var p) ? TextOf(source, p, where + ".park_id") : null;
            string? industry = entry.TryGetProperty("industry", out var ind) ? TextOf(source, ind, where + ".industry") : null;
            versions.Add(new StandardLandVersion(from, name, regime, ReadThresholds(source, entry, where, new StandardLandThresholds(), allowLocal: false), park, industry));
        }

        return versions;
    }

    private static StandardLandThresholds ReadThresholds(string source, JsonElement element, string where, StandardLandThresholds start, bool allowLocal)
    {
        var t = start;
        foreach (var member in element.EnumerateObject())
        {
            var name = member.Name;
            if ((allowLocal && name is "local" or "versions" or "industry_codes") || (!allowLocal && name is "park_id" or "industry" or "from" or "name" or "regime"))
            {
                continue;
            }

            double? value = member.Value.ValueKind == JsonValueKind.Null ? null : NumberOf(source, member.Value, $"{where}.{name}");
            if (value is { } v && Shares.Contains(name) && v > 1)
            {
                throw Invalid(source, Localized.Format("ShareMoreThanOne", where, name, v),
                    Localized.Format("ShareMoreThanOneHint", v / 100, v));
            }

            t = name switch
            {
                "building_coefficient_min" => t with { BuildingCoefficientMin = value },
                "admin_share_max" => t with { AdminShareMax = value },
                "green_ratio_max" => t with { GreenRatioMax = value },
                "plot_ratio_min" => t with { PlotRatioMin = value },
                "plot_ratio_max" => t with { PlotRatioMax = value },
                "investment_per_mu_min" => t with { InvestmentPerMuMin = value },
                "output_per_mu_min" => t with { OutputPerMuMin = value },
                "tax_per_mu_min" => t with { TaxPerMuMin = value },
                _ => throw Invalid(source, Localized.Format("StandardLandNotIndicator", where, name), Localized.Get("StandardLandIndicatorsHint")),
            };
        }

        return t;
    }

    /// <summary>Section <c>evaluation</c>: weights, benchmarks, cut-offs, minimum land.</summary>
    internal static IntensityRules ReadEvaluation(string source, JsonElement element, IntensityRules rules)
    {
        RequireObject(source, element, "evaluation");
        foreach (var member in element.EnumerateObject())
        {
            var where = "evaluation." + member.Name;
            switch (member.Name)
            {
                case "weights":
                    rules = rules with { Weights = ReadIndicatorMap(source, member.Value, where) };
                    break;
                case "benchmarks":
                    rules = rules with { Benchmarks = ReadIndicatorMap(source, member.Value, where) };
                    break;
                case "grade_cutoffs":
                    if (member.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw Invalid(source, Localized.Format("PercentilesNotArray", where), Localized.Get("PercentilesExample"));
                    }

                    var cutoffs = member.Value.EnumerateArray().Select((e, i) => NumberOf(source, e, string.Create(CultureInfo.InvariantCulture, $"{where}[{i}]"))).ToList();
                    if (cutoffs.Count != 3 || cutoffs.Any(c => c is <= 0 or > 1) || cutoffs[0] > cutoffs[1] || cutoffs[1] > cutoffs[2])
                    {
                        throw Invalid(source, Localized.Format("PercentilesInvalid", where, member.Value.GetRawText()),
                            Localized.Get("PercentilesHint"));
                    }

                    rules = rules with { GradeCutoffs = cutoffs };
                    break;
                case "min_land_mu":
                    rules = rules with { MinLandMu = NumberOf(source, member.Value, where) };
                    break;
                case "scope":
                    rules = rules with
                    {
                        Scope = Name(member.Value) switch
                        {
                            "city" => GradingScope.City,
                            "banner" => GradingScope.Banner,
                            "park" => GradingScope.Park,
                            _ => throw Invalid(source, Localized.Format("GradesScopeInvalid", where, member.Value.GetRawText()), Localized.Get("GradesScopeHint")),
                        },
                    };
                    break;
                case "scale_revenue_wan":
                    rules = rules with { ScaleRevenueWan = NumberOf(source, member.Value, where) };
                    break;
                default:
                    throw Invalid(source, Localized.Format("MemberUnknown", where), Localized.Get("EvaluationMembersHint"));
            }
        }

        return rules;
    }

    private static Dictionary<EvaluationIndicator, double> ReadIndicatorMap(string source, JsonElement element, string where)
    {
        RequireObject(source, element, where);
        var map = new Dictionary<EvaluationIndicator, double>();
        foreach (var member in element.EnumerateObject())
        {
            if (!EvaluationIndicators.TryParse(member.Name, out var indicator))
            {
                throw Invalid(source, Localized.Format("EvaluationUnknownIndicator", where, member.Name),
                    Localized.Format("EvaluationIndicatorsHint", ResourceText.List(EvaluationIndicators.All.Select(EvaluationIndicators.Name))));
            }

            map[indicator] = NumberOf(source, member.Value, $"{where}.{member.Name}");
        }

        return map;
    }

    private static string? Name(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static double NumberOf(string source, JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || value < 0 || !NumberLimits.IsWithin(value))
        {
            throw Invalid(source, Localized.Format("NumberFromZeroTo", where, NumberLimits.MaxMagnitudeText, element.GetRawText()), Localized.Get("IntensityRulesDocsHint"));
        }

        return value;
    }

    private static string TextOf(string source, JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())
            ? element.GetString()!.Trim()
            : throw Invalid(source, Localized.Format("MustBeNonEmptyString", where), Localized.Get("IntensityRulesDocsHint"));

    private static void RequireObject(string source, JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, Localized.Format("MustBeObject", where), Localized.Get("IntensityRulesDocsHint"));
        }
    }

    private static UnusableInputException Invalid(string source, string message, string hint, Exception? inner = null) =>
        new(ErrorCodes.InvalidRules, message, source, hint: hint, inner: inner);
}
