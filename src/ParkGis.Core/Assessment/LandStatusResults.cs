using ParkGis.Core.Idle;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Assessment;

/// <summary>
/// The supply ledger and the idle-land survey of one as-of date as far as the dataset allows them, for the analyses
/// that use land status (intensity's 土地供应率/建成率/闲置率, the scorecard's supply and idle rates).
/// </summary>
/// <param name="AsOf">The as-of date, or null when none was given or implied.</param>
/// <param name="Supply">The supply ledger, or null.</param>
/// <param name="Idle">The idle-land survey, or null.</param>
/// <param name="Missing">What kept a result from being computed (for "not computed" notes), or null when both were.</param>
public sealed record LandStatusResults(DateOnly? AsOf, SupplyLedgerResult? Supply, IdleLandResult? Idle, string? Missing);
