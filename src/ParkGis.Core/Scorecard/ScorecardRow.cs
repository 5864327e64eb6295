namespace ParkGis.Core.Scorecard;

/// <summary>One park's row of the scorecard.</summary>
/// <param name="Rank">1-based rank by composite (equal composites share a rank), or null when nothing could be scored.</param>
/// <param name="ParkId">The park id.</param>
/// <param name="Name">The park name.</param>
/// <param name="Composite">Composite score 0–100 over the computable indicators (weights renormalised), or null.</param>
/// <param name="WeightCovered">Share of the total weight that could be computed (0–1): how much of the rules the composite rests on.</param>
/// <param name="Cells">One cell per indicator, in <see cref="ScorecardIndicators.All"/> order.</param>
public sealed record ScorecardRow(int? Rank, string ParkId, string Name, double? Composite, double WeightCovered, IReadOnlyList<ScorecardCell> Cells);
