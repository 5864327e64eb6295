namespace ParkGis.Core.Intensity;

/// <summary>The efficiency totals of one 旗区 (banner): its parks' parcels taken together.</summary>
/// <param name="Banner">The 旗区.</param>
/// <param name="ParkIds">Its parks, sorted.</param>
/// <param name="ParcelCount">Parcels in its parks.</param>
/// <param name="OutputPerMu">亩均产值 against the baseline year over its parcels.</param>
/// <param name="TaxPerMu">亩均税收 in the evaluated year (万元/亩), or null.</param>
/// <param name="GradeCounts">Graded enterprises per grade A–D (each enterprise in the 旗区 of its park).</param>
/// <param name="NotGraded">Enterprises listed but not graded.</param>
/// <param name="StandardLandFailures">Parcels failing at least one 标准地 indicator.</param>
public sealed record BannerIntensity(
    string Banner,
    IReadOnlyList<string> ParkIds,
    int ParcelCount,
    OutputPerMuProgress OutputPerMu,
    double? TaxPerMu,
    IReadOnlyDictionary<string, int> GradeCounts,
    int NotGraded,
    int StandardLandFailures);
