namespace ParkGis.Core.Intensity;

/// <summary>
/// The 亩均效益 evaluation of one enterprise (or of a parcel without an enterprise) in its scope: land, the year's
/// figures, indicator values, score and grade — or why it was not graded.
/// </summary>
/// <param name="UnitId">The enterprise name, or the parcel id when the parcel names no enterprise.</param>
/// <param name="ParkId">Its park (where most of its land is).</param>
/// <param name="ParcelIds">Its parcels, sorted.</param>
/// <param name="AreaM2">Measured land of its parcels (m²).</param>
/// <param name="Economics">The year's figures summed over its parcels, or null.</param>
/// <param name="Indicators">Indicator values (only those computable for it).</param>
/// <param name="Score">Σ weight × value / benchmark over the scored indicators (weights normalized to sum 1), or null.</param>
/// <param name="Grade">A, B, C or D, or null.</param>
/// <param name="NotGradedReason">Why it was not graded, or null: <c>不定等级</c> (a utility), <c>not_industrial</c> (物流仓储), or a reason in words.</param>
/// <param name="Scope">The scope it is ranked in (<c>全市</c>, its 旗区, or its park), or null when not graded.</param>
/// <param name="Group">Its group in the scope (<c>全部</c>, <c>规上</c>, <c>规下</c>, <c>规模未知</c>), or null when not graded.</param>
public sealed record EnterpriseEvaluation(
    string UnitId,
    string ParkId,
    IReadOnlyList<string> ParcelIds,
    double AreaM2,
    EconomicsRecord? Economics,
    IReadOnlyDictionary<EvaluationIndicator, double> Indicators,
    double? Score,
    string? Grade,
    string? NotGradedReason,
    string? Scope = null,
    string? Group = null)
{
    /// <summary>The reason given to utility firms (公用设施): evaluated, not graded.</summary>
    public const string UtilityNotGraded = "不定等级";

    /// <summary>The reason given to logistics and storage firms (物流仓储), which are not industrial firms.</summary>
    public const string NotIndustrial = "not_industrial";

    /// <summary>Land in 亩.</summary>
    public double AreaMu => Measures.AreaUnits.ToMu(AreaM2);
}
