namespace ParkGis.Core.Idle;

/// <summary>
/// Idle land of one park, one 旗区 or all parcels (闲置土地汇总); parcels without a park are under the empty id.
/// Idle counts every cause (docs/rules.md#idle-totals).
/// </summary>
/// <param name="ParkId">The park id; empty for parcels in no park, for a 旗区 and for the totals.</param>
/// <param name="Name">The park name, or empty.</param>
/// <param name="IdleParcels">Parcels idle (unstarted or halted, enterprise or government cause).</param>
/// <param name="IdleAreaM2">Their area, summed over parcels.</param>
/// <param name="IdleFeeWan">Their idle fees in 万元 (parcels with an unknown price add nothing; government-caused parcels owe none).</param>
/// <param name="ReclaimParcels">Idle parcels that may be reclaimed (无偿收回, docs/rules.md#idle-reclaim).</param>
/// <param name="ReclaimAreaM2">Their area.</param>
/// <param name="GovernmentDelayParcels">Idle parcels whose delay has a government cause (= <see cref="ByGovernment"/>'s parcels).</param>
/// <param name="SuppliedNotStartedParcels">供而未用: supplied, not started, any age (docs/rules.md#idle-supplied-not-started).</param>
/// <param name="SuppliedNotStartedAreaM2">Their area.</param>
/// <param name="UnknownParcels">Parcels whose status could not be decided.</param>
public sealed record IdleParkSummary(
    string ParkId,
    string Name,
    int IdleParcels,
    double IdleAreaM2,
    double IdleFeeWan,
    int ReclaimParcels,
    double ReclaimAreaM2,
    int GovernmentDelayParcels,
    int SuppliedNotStartedParcels,
    double SuppliedNotStartedAreaM2,
    int UnknownParcels)
{
    /// <summary>The 旗区 of the park, or the 旗区 itself for a 旗区 summary; empty when unknown and for the totals.</summary>
    public string Banner { get; init; } = string.Empty;

    /// <summary>Idle land with an enterprise cause (企业原因).</summary>
    public IdleTally ByEnterprise { get; init; } = IdleTally.Zero;

    /// <summary>Idle land with a government cause (政府原因, 第八条).</summary>
    public IdleTally ByGovernment { get; init; } = IdleTally.Zero;

    /// <summary>Idle land not started (未动工开发).</summary>
    public IdleTally Unstarted { get; init; } = IdleTally.Zero;

    /// <summary>Idle land halted (中止开发建设).</summary>
    public IdleTally Halted { get; init; } = IdleTally.Zero;

    /// <summary>The part of <see cref="IdleFeeWan"/> charged on halted land (a local basis, docs/rules.md#idle-halted-penalties).</summary>
    public double IdleFeeHaltedWan { get; init; }

    /// <summary>Land supplied on the as-of date, m² (the denominator of 土地闲置率).</summary>
    public double SuppliedAreaM2 { get; init; }

    /// <summary>土地闲置率 = idle area / supplied area (docs/rules.md#intensity-idle-rate), or null when nothing is supplied.</summary>
    public double? IdleRate => SuppliedAreaM2 > 0 ? IdleAreaM2 / SuppliedAreaM2 : null;
}
