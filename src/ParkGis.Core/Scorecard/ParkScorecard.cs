namespace ParkGis.Core.Scorecard;

/// <summary>The scorecard: one row per park, ranked.</summary>
/// <param name="Year">The year scored (economics year), or null when unknown.</param>
/// <param name="Rules">The rules used.</param>
/// <param name="Rows">Rows by rank, then park id (ordinal); unranked parks last.</param>
public sealed record ParkScorecard(int? Year, ScorecardRules Rules, IReadOnlyList<ScorecardRow> Rows);
