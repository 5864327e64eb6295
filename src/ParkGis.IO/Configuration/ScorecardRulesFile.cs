using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Industry;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Measures;

using ParkGis.Core.Scorecard;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Configuration;

/// <summary>
/// The scorecard's sections of the rules file (<see cref="RulesFile"/>; schema in docs/scorecard-rules.md):
/// indicator weights and scoring ranges, the leading-industry minimum share, the 九通 service distances and minimum
/// coverage. Members left out keep their defaults, except <c>indicators</c>: when present it is the complete list,
/// and indicators not in it are reported but not scored. Unknown members are an error (PG0302).
/// </summary>
internal static class ScorecardRulesFile
{
    /// <summary>Section <c>leading_industry</c>: the minimum share.</summary>
    internal static ScorecardRules ReadLeadingIndustry(JsonElement element, ScorecardRules rules)
    {
        foreach (var m in Object(element, "leading_industry").EnumerateObject())
        {
            var leading = rules.LeadingIndustry;
            rules = rules with
            {
                LeadingIndustry = m.Name switch
                {
                    "min_share" => leading with { MinShare = Share(m.Value, "leading_industry.min_share") },
                    "basis" => leading with
                    {
                        Basis = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString() switch
                        {
                            "industrial_output" => LeadingShareBasis.IndustrialOutput,
                            "all_output" => LeadingShareBasis.AllOutput,
                            _ => throw Invalid(Localized.Format("LeadingBasisInvalid", m.Value.GetRawText())),
                        }
                        : throw Invalid(Localized.Format("LeadingBasisInvalid", m.Value.GetRawText())),
                    },
                    "exclude_utilities" => leading with
                    {
                        ExcludeUtilities = m.Value.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw Invalid(Localized.Get("LeadingExcludeUtilitiesNotBoolean")),
                        },
                    },
                    _ => throw Invalid(Localized.Format("LeadingUnknownMember", m.Name)),
                },
            };
        }

        return rules;
    }

    /// <summary>Section <c>indicators</c>: when present it is the complete list of scored indicators.</summary>
    internal static Dictionary<string, IndicatorRule> ReadIndicators(JsonElement element) => Indicators(element);

    /// <summary>Section <c>infrastructure</c>: service distances and minimum coverage.</summary>
    internal static InfrastructureOptions ReadInfrastructure(JsonElement element, InfrastructureOptions options) => Infrastructure(element, options);

    private static Dictionary<string, IndicatorRule> Indicators(JsonElement element)
    {
        var result = new Dictionary<string, IndicatorRule>(StringComparer.Ordinal);
        foreach (var indicator in Object(element, "indicators").EnumerateObject())
        {
            if (!ScorecardIndicators.All.Contains(indicator.Name, StringComparer.Ordinal))
            {
                throw Invalid(Localized.Format("ScorecardUnknownIndicator", indicator.Name, string.Join(", ", ScorecardIndicators.All)));
            }

            var defaults = ScorecardRules.DefaultIndicators[indicator.Name];
            double weight = defaults.Weight, zero = defaults.ZeroScoreAt, full = defaults.FullScoreAt;
            foreach (var m in Object(indicator.Value, $"indicators.{indicator.Name}").EnumerateObject())
            {
                var where = $"indicators.{indicator.Name}.{m.Name}";
                switch (m.Name)
                {
                    case "weight":
                        weight = Number(m.Value, where);
                        if (weight < 0)
                        {
                            throw Invalid(Localized.Format("MustBeZeroOrMore", where));
                        }

                        break;
                    case "zero_score_at":
                        zero = Number(m.Value, where);
                        break;
                    case "full_score_at":
                        full = Number(m.Value, where);
                        break;
                    default:
                        throw Invalid(Localized.Format("ScorecardIndicatorUnknownMember", where));
                }
            }

            if (zero == full)
            {
                throw Invalid(Localized.Format("ScorecardScoresEqual", indicator.Name));
            }

            result[indicator.Name] = new IndicatorRule(weight, zero, full);
        }

        return result;
    }

    private static InfrastructureOptions Infrastructure(JsonElement element, InfrastructureOptions options)
    {
        foreach (var m in Object(element, "infrastructure").EnumerateObject())
        {
            switch (m.Name)
            {
                case "min_coverage":
                    options = options with { MinCoverage = Share(m.Value, "infrastructure.min_coverage") };
                    break;
                case "service_distance_m":
                    var distances = new Dictionary<LayerRole, double>(options.ServiceDistancesM);
                    foreach (var d in Object(m.Value, "infrastructure.service_distance_m").EnumerateObject())
                    {
                        if (!LayerRoles.TryParse(d.Name, out var role) || !UtilityNetworks.IsUtility(role))
                        {
                            throw Invalid(Localized.Format("ScorecardUnknownUtility", d.Name));
                        }

                        var value = Number(d.Value, $"infrastructure.service_distance_m.{d.Name}");
                        distances[role] = value >= 0 ? value : throw Invalid(Localized.Format("ScorecardDistanceNegative", d.Name));
                    }

                    options = options with { ServiceDistancesM = distances };
                    break;
                default:
                    throw Invalid(Localized.Format("ScorecardInfrastructureUnknownMember", m.Name));
            }
        }

        return options;
    }

    private static JsonElement Object(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Invalid(Localized.Format("MustBeObject", where));

    private static double Number(JsonElement element, string where) =>
        element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value) ? throw Invalid(Localized.Format("MustBeNumber", where))
        : NumberLimits.IsWithin(value) ? value : throw Invalid(Localized.Format("ScorecardSettingBeyondReal", where, element.GetRawText(), NumberLimits.MaxMagnitudeText));

    private static double Share(JsonElement element, string where)
    {
        var value = Number(element, where);
        return value is >= 0 and <= 1 ? value : throw Invalid(Localized.Format("MustBeShare", where, 0.8, 80));
    }

    private static UnusableInputException Invalid(string message) =>
        new(ErrorCodes.InvalidRules, message, "rules", hint: Localized.Get("ScorecardRulesDocsHint"));
}
