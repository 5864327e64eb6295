using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Industry;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Intensity;
using ParkGis.Core.Scorecard;
using ParkGis.IO.Intensity;
using static ParkGis.IO.Output.JsonOutput;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>scorecard.json</c> (a public contract: docs/cli.md): the rules used, one row per park in rank order
/// with every indicator's value, score, weight and — when not computable — the missing data, and the
/// leading-industry detail per park and block. Numbers rounded to 1e-6. Byte-identical for identical input.
/// </summary>
public static class ScorecardJsonWriter
{
    /// <summary>Writes the scorecard to a file.</summary>
    public static void Write(string path, ParkScorecard scorecard, LeadingIndustryResult leading, IReadOnlyList<DataIssue> issues, IntensityResult? intensity = null) =>
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, scorecard, leading, issues, intensity));

    /// <summary>Writes the scorecard to a stream.</summary>
    public static void Write(Stream stream, ParkScorecard scorecard, LeadingIndustryResult leading, IReadOnlyList<DataIssue> issues, IntensityResult? intensity = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(leading);
        ArgumentNullException.ThrowIfNull(issues);
        JsonOutput.Write(stream, writer => WriteDocument(writer, scorecard, leading, issues, intensity));
    }

    private static void WriteDocument(Utf8JsonWriter writer, ParkScorecard scorecard, LeadingIndustryResult leading, IReadOnlyList<DataIssue> issues, IntensityResult? intensity)
    {
        writer.WriteStartObject();
        NumberOrNull(writer, "year", scorecard.Year);
        writer.WriteString("not_computable", "excluded; weights renormalised over the computable indicators");
        WriteRules(writer, scorecard.Rules, intensity);
        writer.WriteStartArray("parks");
        foreach (var row in scorecard.Rows)
        {
            writer.WriteStartObject();
            NumberOrNull(writer, "rank", row.Rank);
            writer.WriteString("park_id", row.ParkId);
            writer.WriteString("name", row.Name);
            NumberOrNull(writer, "composite", row.Composite);
            writer.WriteNumber("weight_covered", Round(row.WeightCovered));
            writer.WriteStartObject("indicators");
            foreach (var cell in row.Cells)
            {
                writer.WriteStartObject(cell.Indicator);
                writer.WriteBoolean("computable", cell.Value is not null);
                NumberOrNull(writer, "value", cell.Value);
                NumberOrNull(writer, "score", cell.Score);
                writer.WriteNumber("weight", cell.Weight);
                writer.WriteNumber("effective_weight", Round(cell.EffectiveWeight));
                if (cell.Missing is null)
                {
                    writer.WriteNull("missing");
                }
                else
                {
                    writer.WriteString("missing", cell.Missing);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (intensity is not null)
        {
            WriteBanners(writer, intensity);
        }

        WriteLeading(writer, leading);
        DataIssuesJson.Write(writer, "data_issues", issues);
        writer.WriteEndObject();
    }

    /// <summary>旗区 totals of the indicators that add up over parks (亩均产值, 亩均税收, 同口径 growth, grades, 标准地); no composite or rank.</summary>
    private static void WriteBanners(Utf8JsonWriter writer, IntensityResult intensity)
    {
        writer.WriteStartArray("banners");
        foreach (var banner in intensity.Banners)
        {
            writer.WriteStartObject();
            writer.WriteString("banner", banner.Banner);
            writer.WriteString("park_ids", string.Join(",", banner.ParkIds));
            NumberOrNull(writer, ScorecardIndicators.OutputPerMuWan, banner.OutputPerMu.CurrentAllReporting);
            NumberOrNull(writer, ScorecardIndicators.TaxPerMuWan, banner.TaxPerMu);
            NumberOrNull(writer, ScorecardIndicators.OutputPerMuProgress, banner.OutputPerMu.Growth);
            writer.WriteNumber("growth_parcels", banner.OutputPerMu.ComparedParcels);
            writer.WriteStartObject("grades");
            foreach (var (letter, count) in banner.GradeCounts)
            {
                writer.WriteNumber(letter, count);
            }

            writer.WriteEndObject();
            writer.WriteNumber(ScorecardIndicators.StandardLandFailures, banner.StandardLandFailures);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRules(Utf8JsonWriter writer, ScorecardRules rules, IntensityResult? intensity)
    {
        writer.WriteStartObject("rules");
        writer.WriteStartObject("indicators");
        foreach (var key in ScorecardIndicators.All)
        {
            if (rules.Indicators.TryGetValue(key, out var rule))
            {
                writer.WriteStartObject(key);
                writer.WriteNumber("weight", rule.Weight);
                writer.WriteNumber("zero_score_at", rule.ZeroScoreAt);
                writer.WriteNumber("full_score_at", rule.FullScoreAt);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
        writer.WriteStartObject("leading_industry");
        writer.WriteNumber("min_share", rules.LeadingIndustry.MinShare);
        writer.WriteString("basis", BasisName(rules.LeadingIndustry.Basis));
        writer.WriteBoolean("exclude_utilities", rules.LeadingIndustry.ExcludeUtilities);
        writer.WriteEndObject();
        if (intensity is not null)
        {
            writer.WriteStartObject("intensity");
            writer.WriteString("growth_basis", IntensityJsonWriter.GrowthBasisName(intensity.Rules.GrowthBasis));
            writer.WriteString("evaluation_scope", IntensityJsonWriter.ScopeName(intensity.Rules.Scope));
            writer.WriteEndObject();
        }

        writer.WriteStartObject("infrastructure");
        writer.WriteNumber("min_coverage", rules.Infrastructure.MinCoverage);
        writer.WriteStartObject("service_distance_m");
        foreach (var role in UtilityNetworks.All)
        {
            writer.WriteNumber(LayerRoles.Name(role), rules.Infrastructure.DistanceM(role));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string BasisName(LeadingShareBasis basis) => basis == LeadingShareBasis.IndustrialOutput ? "industrial_output" : "all_output";

    private static void WriteLeading(Utf8JsonWriter writer, LeadingIndustryResult leading)
    {
        writer.WriteStartObject("leading_industry");
        NumberOrNull(writer, "year", leading.Year);
        writer.WriteNumber("min_share", leading.MinShare);
        writer.WriteStartArray("parks");
        foreach (var park in leading.Parks)
        {
            writer.WriteStartObject();
            writer.WriteString("park_id", park.ParkId);
            writer.WriteString("name", park.Name);
            WriteShare(writer, park.Park);
            writer.WriteStartArray("blocks");
            foreach (var block in park.Blocks)
            {
                writer.WriteStartObject();
                NumberOrNull(writer, "block", block.Block);
                WriteShare(writer, block);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteShare(Utf8JsonWriter writer, LeadingIndustryShare share)
    {
        writer.WriteStartArray("leading_industries");
        foreach (var industry in share.LeadingIndustries)
        {
            writer.WriteStringValue(industry);
        }

        writer.WriteEndArray();
        writer.WriteString("basis", BasisName(share.Basis));
        writer.WriteNumber("total_output_wan", Round(share.TotalOutputWan));
        writer.WriteNumber("excluded_output_wan", Round(share.ExcludedOutputWan));
        writer.WriteNumber("leading_output_wan", Round(share.LeadingOutputWan));
        NumberOrNull(writer, "share", share.Share);
        if (share.Passes is { } passes)
        {
            writer.WriteBoolean("passes", passes);
        }
        else
        {
            writer.WriteNull("passes");
        }

        writer.WriteStartArray("pulling_down");
        foreach (var industry in share.PullingDown)
        {
            writer.WriteStringValue(industry);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("output_by_industry");
        foreach (var output in share.Outputs)
        {
            writer.WriteStartObject();
            writer.WriteString("industry", output.Industry);
            writer.WriteNumber("output_wan", Round(output.OutputWan));
            writer.WriteBoolean("leading", output.Leading);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (share.Missing is null)
        {
            writer.WriteNull("missing");
        }
        else
        {
            writer.WriteString("missing", share.Missing);
        }
    }
}
