namespace ParkGis.Core.Intensity;

/// <summary>
/// The 亩均效益 evaluation of one enterprise (or of a parcel without an enterprise) in its park: land, the year's
/// figures, indicator values, score and grade — or why it was not graded.
/// </summary>
/// <param name="UnitId">The enterprise name, or the parcel id when the parcel names no enterprise.</param>
/// <param name="ParkId">The park it is ranked in (where most of its land is).</param>
/// <param name="ParcelIds">Its parcels, sorted.</param>
/// <param name="AreaM2">Measured land of its parcels (m²).</param>
/// <param name="Economics">The year's figures summed over its parcels, or null.</param>
/// <param name="Indicators">Indicator values (only those computable for it).</param>
/// <param name="Score">Σ weight × value / benchmark over the scored indicators (weights normalized to sum 1), or null.</param>
/// <param name="Grade">A, B, C or D, or null.</param>
/// <param name="NotGradedReason">Why it was not graded, or null.</param>
public sealed record EnterpriseEvaluation(
    string UnitId,
    string ParkId,
    IReadOnlyList<string> ParcelIds,
    double AreaM2,
    EconomicsRecord? Economics,
    IReadOnlyDictionary<EvaluationIndicator, double> Indicators,
    double? Score,
    string? Grade,
    string? NotGradedReason)
{
    /// <summary>Land in 亩.</summary>
    public double AreaMu => Measures.AreaUnits.ToMu(AreaM2);
}
