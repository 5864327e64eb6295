using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Industry;
using ParkGis.Core.Measures;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Intensity;
using ParkGis.Core.Scorecard;
using ParkGis.IO.Intensity;
using ParkGis.IO.Localization;
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
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, scorecard, leading, issues, intensity, null));

    /// <summary>Writes an annual scorecard to a file, with its 旗区 totals and supply window.</summary>
    public static void Write(string path, AnnualScorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, scorecard.Card, scorecard.LeadingIndustry, scorecard.Issues, scorecard.Intensity, scorecard));
    }

    /// <summary>Writes the scorecard to a stream.</summary>
    public static void Write(Stream stream, ParkScorecard scorecard, LeadingIndustryResult leading, IReadOnlyList<DataIssue> issues, IntensityResult? intensity = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(leading);
        ArgumentNullException.ThrowIfNull(issues);
        JsonOutput.Write(stream, writer => WriteDocument(writer, scorecard, leading, issues, intensity, null));
    }

    private static void WriteDocument(
        Utf8JsonWriter writer, ParkScorecard scorecard, LeadingIndustryResult leading, IReadOnlyList<DataIssue> issues, IntensityResult? intensity, AnnualScorecard? annual)
    {
        writer.WriteStartObject();
        NumberOrNull(writer, "year", scorecard.Year);
        writer.WriteString("not_computable", Localized.Get("ScorecardNotComputable"));
        WriteRules(writer, scorecard.Rules, intensity, annual);
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
        if (annual is not null)
        {
            WriteBanners(writer, annual.Banners);
        }
        else if (intensity is not null)
        {
            WriteBanners(writer, intensity.Banners.Select(b => new ScorecardBanner(b.Banner, b.ParkIds, null, null, null, b)).ToList());
        }

        WriteLeading(writer, leading);
        DataIssuesJson.Write(writer, "data_issues", issues);
        writer.WriteEndObject();
    }

    /// <summary>
    /// 旗区 totals (docs/rules.md#scorecard-banners) of the indicators that add up over parks: conflicts, the window
    /// supply rate with the 60 % flag, idle land, 亩均产值, 亩均税收, 同口径 growth, grades, 标准地; no composite or rank.
    /// </summary>
    private static void WriteBanners(Utf8JsonWriter writer, IReadOnlyList<ScorecardBanner> banners)
    {
        writer.WriteStartArray("banners");
        foreach (var banner in banners)
        {
            var intensity = banner.Intensity;
            writer.WriteStartObject();
            writer.WriteString("banner", banner.Banner);
            writer.WriteString("park_ids", string.Join(",", banner.ParkIds));
            NumberOrNull(writer, ScorecardIndicators.OutputPerMuWan, intensity?.OutputPerMu.CurrentAllReporting);
            NumberOrNull(writer, ScorecardIndicators.TaxPerMuWan, intensity?.TaxPerMu);
            NumberOrNull(writer, ScorecardIndicators.OutputPerMuProgress, intensity?.OutputPerMu.Growth);
            writer.WriteNumber("growth_parcels", intensity?.OutputPerMu.ComparedParcels ?? 0);
            writer.WriteStartObject("grades");
            foreach (var (letter, count) in intensity?.GradeCounts ?? new Dictionary<string, int>())
            {
                writer.WriteNumber(letter, count);
            }

            writer.WriteEndObject();
            writer.WriteNumber(ScorecardIndicators.StandardLandFailures, intensity?.StandardLandFailures ?? 0);
            NumberOrNull(writer, ScorecardIndicators.ConflictAreaHa, banner.ConflictAreaHa);
            NumberOrNull(writer, ScorecardIndicators.ConflictPatches, banner.ConflictPatches);
            if (banner.Supply is { } supply)
            {
                NumberOrNull(writer, ScorecardIndicators.SupplyRate, supply.Window.SupplyRate);
                writer.WriteNumber("supply_batches", supply.Window.Batches);
                writer.WriteNumber("supply_approved_m2", Round(supply.Window.ApprovedM2));
                writer.WriteNumber("supply_supplied_m2", Round(supply.Window.SuppliedM2));
                writer.WriteNumber("yardstick_rate", supply.Window.YardstickRate);
                writer.WriteBoolean("below_yardstick", supply.Window.BelowYardstick);
            }
            else
            {
                writer.WriteNull(ScorecardIndicators.SupplyRate);
                writer.WriteNull("below_yardstick");
            }

            if (banner.Idle is { } idle)
            {
                NumberOrNull(writer, ScorecardIndicators.IdleRate, idle.IdleRate);
                writer.WriteNumber("idle_parcels", idle.IdleParcels);
                writer.WriteNumber("idle_m2", Round(idle.IdleAreaM2));
                writer.WriteNumber("idle_mu", Round(AreaUnits.ToMu(idle.IdleAreaM2)));
                writer.WriteNumber(ScorecardIndicators.IdleFeesWan, Round(idle.IdleFeeWan));
            }
            else
            {
                writer.WriteNull(ScorecardIndicators.IdleRate);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRules(Utf8JsonWriter writer, ScorecardRules rules, IntensityResult? intensity, AnnualScorecard? annual)
    {
        writer.WriteStartObject("rules");
        if (annual is not null)
        {
            // docs/rules.md#scorecard-window
            if (annual.AsOf is { } asOf)
            {
                writer.WriteString("as_of", Date(asOf));
            }
            else
            {
                writer.WriteNull("as_of");
            }

            if (annual.SupplyWindow is { } window)
            {
                writer.WriteStartObject("supply_window");
                writer.WriteString("from", Date(window.From));
                writer.WriteString("to", Date(window.To));
                writer.WriteNumber("yardstick_rate", window.YardstickRate);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("supply_window");
            }
        }

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
