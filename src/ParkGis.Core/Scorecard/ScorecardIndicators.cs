using ParkGis.Core.Localization;

namespace ParkGis.Core.Scorecard;

/// <summary>
/// The indicators of the park scorecard (园区年度考核): stable keys as written in scorecard.json, the rules file
/// and the CSV, with Chinese names and units.
/// </summary>
public static class ScorecardIndicators
{
    /// <summary>Red-line and permanent-farmland conflict area of the park (占生态保护红线、永久基本农田面积), 公顷 — from the conflict check.</summary>
    public const string ConflictAreaHa = "conflict_area_ha";

    /// <summary>Red-line and farmland conflict patches (冲突图斑数) — from the conflict check.</summary>
    public const string ConflictPatches = "conflict_patches";

    /// <summary>Supply rate over the last five years of approvals (近五年供地率), 0–1 — from the supply results.</summary>
    public const string SupplyRate = "supply_rate";

    /// <summary>Idle-land rate (土地闲置率) = idle / supplied area, 0–1 — from the idle results.</summary>
    public const string IdleRate = "idle_rate";

    /// <summary>Idle fees due (闲置费), 万元 — from the idle results.</summary>
    public const string IdleFeesWan = "idle_fees_wan";

    /// <summary>Output per mu (亩均产值), 万元/亩 — from the intensity results.</summary>
    public const string OutputPerMuWan = "output_per_mu_wan";

    /// <summary>Tax per mu (亩均税收), 万元/亩 — from the intensity results.</summary>
    public const string TaxPerMuWan = "tax_per_mu_wan";

    /// <summary>Growth of output per mu against the baseline year (亩均产值较基准年增幅), 0.35 = +35% — from the intensity results.</summary>
    public const string OutputPerMuProgress = "output_per_mu_progress";

    /// <summary>Parcels failing the standard-land indicators (标准地指标不达标宗数) — from the intensity results.</summary>
    public const string StandardLandFailures = "standard_land_failures";

    /// <summary>Leading-industry share of output (主导产业产值占比), 0–1.</summary>
    public const string LeadingIndustryShare = "leading_industry_share";

    /// <summary>Mean 九通 coverage of the required networks (基础设施配套覆盖率), 0–1.</summary>
    public const string InfrastructureCoverage = "infrastructure_coverage";

    /// <summary>Every indicator, in output order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ConflictAreaHa, ConflictPatches, SupplyRate, IdleRate, IdleFeesWan, OutputPerMuWan, TaxPerMuWan,
        OutputPerMuProgress, StandardLandFailures, LeadingIndustryShare, InfrastructureCoverage,
    ];

    /// <summary>The Chinese name (always Chinese: fields named <c>*_zh</c>, the bureau's ledgers).</summary>
    public static string ChineseName(string key) => Localized.Chinese(LabelKey(key));

    /// <summary>The name for people in the run's language: Chinese by default, English with <c>--lang en</c>.</summary>
    public static string Label(string key) => Localized.Get(LabelKey(key));

    private static string LabelKey(string key) => key switch
    {
        ConflictAreaHa => "ScorecardConflictAreaHa",
        ConflictPatches => "ScorecardConflictPatches",
        SupplyRate => "ScorecardSupplyRate",
        IdleRate => "ScorecardIdleRate",
        IdleFeesWan => "ScorecardIdleFeesWan",
        OutputPerMuWan => "ScorecardOutputPerMuWan",
        TaxPerMuWan => "ScorecardTaxPerMuWan",
        OutputPerMuProgress => "ScorecardOutputPerMuProgress",
        StandardLandFailures => "ScorecardStandardLandFailures",
        LeadingIndustryShare => "ScorecardLeadingIndustryShare",
        InfrastructureCoverage => "ScorecardInfrastructureCoverage",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a scorecard indicator."),
    };

    /// <summary>True for the shares (0–1) that read best as percentages.</summary>
    public static bool IsShare(string key) =>
        key is SupplyRate or IdleRate or OutputPerMuProgress or LeadingIndustryShare or InfrastructureCoverage;
}
