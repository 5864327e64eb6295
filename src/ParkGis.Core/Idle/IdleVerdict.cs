namespace ParkGis.Core.Idle;

/// <summary>What <see cref="IdleLandRule"/> concludes for one parcel on the as-of date (闲置认定结果).</summary>
/// <param name="Status">The status.</param>
/// <param name="IdleDays">
/// Days from agreed_start (unstarted) or halted_since (halted) to the as-of date for idle parcels — at least a
/// year of them, government-caused ones included; 0 for every other status.
/// </param>
/// <param name="IdleFeeWan">
/// 闲置费 in 万元 where the rule charges one (enterprise cause; halted land only when the rules say so); 0 when no fee
/// is due; null when due but the price is missing or unreadable.
/// </param>
/// <param name="ReclaimEligible">无偿收回: enterprise cause, not started for the reclaim years (halted land only when the rules say so).</param>
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
    string? ProblemField = null)
{
    /// <summary>Cause of idle land: <c>enterprise</c> or <c>government</c> (第八条, force majeure included); null when not idle.</summary>
    public string? Cause { get; init; }

    /// <summary>Kind of idle land: <c>unstarted</c> (未动工) or <c>halted</c> (中止开发); null when not idle.</summary>
    public string? Kind { get; init; }

    /// <summary>The 第八条 item of a government cause: 一 … 六 or 不可抗力; null otherwise.</summary>
    public string? GovernmentCauseItem { get; init; }

    /// <summary>What the fee rests on: <c>statute</c> or <c>local_rule</c>; null when no fee is due.</summary>
    public string? FeeBasis { get; init; }

    /// <summary>The disposal suggestion and its article; null when not idle.</summary>
    public IdleDisposal? Disposal { get; init; }
}
