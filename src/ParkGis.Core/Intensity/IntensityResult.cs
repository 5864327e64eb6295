using ParkGis.Core.Data;

namespace ParkGis.Core.Intensity;

/// <summary>The result of <see cref="IntensityAnalysis"/>.</summary>
/// <param name="Year">The evaluated year, or null when there is no economics table.</param>
/// <param name="BaselineYear">The baseline year.</param>
/// <param name="CodeList">The land-use code list used, or null when it could not be decided (mixed codes).</param>
/// <param name="Parks">Per park, sorted by id.</param>
/// <param name="Parcels">Per parcel, sorted by id.</param>
/// <param name="Enterprises">Evaluation units, sorted by park, then grade order (score descending), then id.</param>
/// <param name="ScoredIndicators">The evaluation indicators scored, with their normalized weights.</param>
/// <param name="NotScored">Evaluation indicators left out of the score, with the reason.</param>
/// <param name="Issues">Data issues.</param>
public sealed record IntensityResult(
    int? Year,
    int BaselineYear,
    LandUseCodeList? CodeList,
    IReadOnlyList<ParkIntensity> Parks,
    IReadOnlyList<ParcelIntensity> Parcels,
    IReadOnlyList<EnterpriseEvaluation> Enterprises,
    IReadOnlyDictionary<EvaluationIndicator, double> ScoredIndicators,
    IReadOnlyList<IntensityIndicator> NotScored,
    IReadOnlyList<DataIssue> Issues)
{
    /// <summary>True when any parcel fails a 标准地 indicator (exit 1).</summary>
    public bool HasFailures => Parcels.Any(p => p.FailsStandardLand);
}
