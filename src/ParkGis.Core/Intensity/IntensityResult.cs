using ParkGis.Core.Data;

namespace ParkGis.Core.Intensity;

/// <summary>The result of <see cref="IntensityAnalysis"/>.</summary>
/// <param name="Year">The evaluated year, or null when there is no economics table.</param>
/// <param name="BaselineYear">The baseline year.</param>
/// <param name="CodeList">The land-use code list used, or null when it could not be decided (mixed codes).</param>
/// <param name="Parks">Per park, sorted by id.</param>
/// <param name="Parcels">Per parcel, sorted by id.</param>
/// <param name="Enterprises">Evaluation units, sorted by park, then graded ones by (score descending), then id.</param>
/// <param name="ScoredIndicators">The evaluation indicators scored, with their normalized weights.</param>
/// <param name="NotScored">Evaluation indicators left out of the score, with the reason.</param>
/// <param name="Issues">Data issues.</param>
/// <param name="Rules">The rules applied (echoed in the output so every figure says its basis).</param>
/// <param name="ScaleBasis">How 规上 and 规下 were told apart (<c>revenue_wan</c>), or null when they could not be and all firms were ranked as one group.</param>
/// <param name="Groups">The groups of firms ranked together, by scope then group.</param>
/// <param name="Banners">Per 旗区, sorted; parks without a 旗区 are under <c>(无旗区)</c>.</param>
public sealed record IntensityResult(
    int? Year,
    int BaselineYear,
    LandUseCodeList? CodeList,
    IReadOnlyList<ParkIntensity> Parks,
    IReadOnlyList<ParcelIntensity> Parcels,
    IReadOnlyList<EnterpriseEvaluation> Enterprises,
    IReadOnlyDictionary<EvaluationIndicator, double> ScoredIndicators,
    IReadOnlyList<IntensityIndicator> NotScored,
    IReadOnlyList<DataIssue> Issues,
    IntensityRules Rules,
    string? ScaleBasis,
    IReadOnlyList<EvaluationGroup> Groups,
    IReadOnlyList<BannerIntensity> Banners)
{
    /// <summary>True when any parcel fails a 标准地 indicator (exit 1).</summary>
    public bool HasFailures => Parcels.Any(p => p.FailsStandardLand);

    /// <summary>The as-of date of the supply and idle status behind 土地供应率, 土地建成率 and 土地闲置率 (given, or 31 December
    /// of the year), or null when there is none (no year or no parcels).</summary>
    public DateOnly? AsOf { get; init; }
}
