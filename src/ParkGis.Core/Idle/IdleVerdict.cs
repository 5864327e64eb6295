namespace ParkGis.Core.Idle;

/// <summary>What <see cref="IdleLandRule"/> concludes for one parcel on the as-of date (闲置认定结果).</summary>
/// <param name="Status">The status.</param>
/// <param name="IdleDays">
/// Days from agreed_start (unstarted) or halted_since (halted) to the as-of date for idle parcels — at least a
/// year of them; 0 for every other status, government delays included.
/// </param>
/// <param name="IdleFeeWan">闲置费 = 20 % of the land price in 万元 for idle parcels; 0 when not idle; null when idle but the price is missing or unreadable.</param>
/// <param name="ReclaimEligible">无偿收回: idle for two full years or more.</param>
/// <param name="SuppliedNotStarted">供而未用: supplied on the as-of date and not started, whatever the age.</param>
/// <param name="Problem">For <see cref="IdleStatus.Unknown"/> or a missing fee: which field and why; else null.</param>
/// <param name="ProblemField">The canonical field <paramref name="Problem"/> is about, or null.</param>
public sealed record IdleVerdict(
    IdleStatus Status,
    int IdleDays,
    double? IdleFeeWan,
    bool ReclaimEligible,
    bool SuppliedNotStarted,
    string? Problem = null,
    string? ProblemField = null);
