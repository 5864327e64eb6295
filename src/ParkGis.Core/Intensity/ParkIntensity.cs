namespace ParkGis.Core.Intensity;

/// <summary>The efficiency results of one park.</summary>
/// <param name="ParkId">园区编号.</param>
/// <param name="Name">园区名称, or empty.</param>
/// <param name="ParcelCount">Parcels in the park.</param>
/// <param name="BuiltAreaM2">A: built-up parcel land (m²).</param>
/// <param name="IndustrialAreaM2">A2: built-up industrial, mining and storage parcel land (m²).</param>
/// <param name="Indicators">The 集约利用 indicators, computed or with the reason they were not.</param>
/// <param name="OutputPerMu">亩均产值 against the baseline year.</param>
/// <param name="TaxPerMu">亩均税收 in the evaluated year (万元/亩), or null.</param>
/// <param name="Benchmarks">The benchmark of each scored indicator.</param>
/// <param name="GradeCounts">Graded enterprises per grade A–D.</param>
/// <param name="NotGraded">Enterprises listed but not graded.</param>
/// <param name="StandardLandFailures">Parcels failing at least one 标准地 indicator.</param>
public sealed record ParkIntensity(
    string ParkId,
    string Name,
    int ParcelCount,
    double BuiltAreaM2,
    double IndustrialAreaM2,
    IReadOnlyList<IntensityIndicator> Indicators,
    OutputPerMuProgress OutputPerMu,
    double? TaxPerMu,
    IReadOnlyDictionary<EvaluationIndicator, double> Benchmarks,
    IReadOnlyDictionary<string, int> GradeCounts,
    int NotGraded,
    int StandardLandFailures);
