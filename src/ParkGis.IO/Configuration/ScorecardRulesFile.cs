using System.Globalization;
using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Measures;
using ParkGis.Core.Scorecard;

namespace ParkGis.IO.Configuration;

/// <summary>
/// Reads a scorecard rules file (<c>--rules FILE</c>, schema in docs/scorecard-rules.md): indicator weights and
/// scoring ranges, the leading-industry minimum share, the 九通 service distances and minimum coverage. Members
/// left out keep their defaults, except <c>indicators</c>: when present it is the complete list, and indicators
/// not in it are reported but not scored. Unknown members are an error (PG0302).
/// </summary>
public static class ScorecardRulesFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Loads a rules file; null path gives <see cref="ScorecardRules.Default"/>.</summary>
    /// <exception cref="UnusableInputException">PG0302 when the file cannot be read or does not follow the schema.</exception>
    public static ScorecardRules Load(string? path)
    {
        if (path is null)
        {
            return ScorecardRules.Default;
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
            throw new UnusableInputException(ErrorCodes.InvalidRules, $"The rules file cannot be read: {e.Message}", path, hint: "Check the --rules path.", inner: e);
        }

        try
        {
            return Parse(bytes);
        }
        catch (UnusableInputException e)
        {
            throw new UnusableInputException(e.Code, e.Message, path, hint: e.Hint, inner: e);
        }
    }

    /// <summary>Parses rules text (UTF-8 JSON).</summary>
    /// <exception cref="UnusableInputException">PG0302 when the text does not follow the schema.</exception>
    public static ScorecardRules Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Invalid($"The rules file is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("The rules file must contain a JSON object.");
            }

            var rules = ScorecardRules.Default;
            foreach (var member in root.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "indicators":
                        rules = rules with { Indicators = Indicators(member.Value) };
                        break;
                    case "leading_industry":
                        foreach (var m in Object(member.Value, "leading_industry").EnumerateObject())
                        {
                            rules = m.Name == "min_share"
                                ? rules with { LeadingIndustry = rules.LeadingIndustry with { MinShare = Share(m.Value, "leading_industry.min_share") } }
                                : throw Invalid($"leading_industry.{m.Name} is not a known member (min_share).");
                        }

                        break;
                    case "infrastructure":
                        rules = rules with { Infrastructure = Infrastructure(member.Value, rules.Infrastructure) };
                        break;
                    case "$schema":
                        break;
                    default:
                        throw Invalid($"Unknown member \"{member.Name}\" (members: indicators, leading_industry, infrastructure).");
                }
            }

            return rules;
        }
    }

    private static Dictionary<string, IndicatorRule> Indicators(JsonElement element)
    {
        var result = new Dictionary<string, IndicatorRule>(StringComparer.Ordinal);
        foreach (var indicator in Object(element, "indicators").EnumerateObject())
        {
            if (!ScorecardIndicators.All.Contains(indicator.Name, StringComparer.Ordinal))
            {
                throw Invalid($"indicators.{indicator.Name} is not an indicator (known: {string.Join(", ", ScorecardIndicators.All)}).");
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
                            throw Invalid($"{where} must be 0 or more.");
                        }

                        break;
                    case "zero_score_at":
                        zero = Number(m.Value, where);
                        break;
                    case "full_score_at":
                        full = Number(m.Value, where);
                        break;
                    default:
                        throw Invalid($"{where} is not a known member (weight, zero_score_at, full_score_at).");
                }
            }

            if (zero == full)
            {
                throw Invalid($"indicators.{indicator.Name}: zero_score_at and full_score_at must differ.");
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
                            throw Invalid($"infrastructure.service_distance_m.{d.Name} is not a utility (roads, water_supply, drainage, sewage, power, gas, heating, telecom, steam).");
                        }

                        var value = Number(d.Value, $"infrastructure.service_distance_m.{d.Name}");
                        distances[role] = value >= 0 ? value : throw Invalid($"infrastructure.service_distance_m.{d.Name} must be 0 or more metres.");
                    }

                    options = options with { ServiceDistancesM = distances };
                    break;
                default:
                    throw Invalid($"infrastructure.{m.Name} is not a known member (service_distance_m, min_coverage).");
            }
        }

        return options;
    }

    private static JsonElement Object(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Invalid($"{where} must be an object.");

    private static double Number(JsonElement element, string where) =>
        element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value) ? throw Invalid($"{where} must be a number.")
        : NumberLimits.IsWithin(value) ? value : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{where} = {element.GetRawText()} is beyond any real setting (at most {NumberLimits.MaxMagnitudeText} in size)."));

    private static double Share(JsonElement element, string where)
    {
        var value = Number(element, where);
        return value is >= 0 and <= 1 ? value : throw Invalid($"{where} must be a share between 0 and 1 (0.8 = 80%).");
    }

    private static UnusableInputException Invalid(string message) =>
        new(ErrorCodes.InvalidRules, message, "rules", hint: "See docs/scorecard-rules.md for the rules file schema and defaults.");
}
