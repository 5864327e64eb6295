namespace ParkGis.Core.Idle;

/// <summary>
/// The local choices of the idle-land rule (闲置土地处置规则; rules file section <c>idle</c>, docs/rules.md#idle):
/// the fee share and reclaim age the statute sets, and whether halted land (中止开发) is charged the fee or reclaimed,
/// which Art. 14 leaves open.
/// </summary>
/// <param name="FeeShare">Idle fee as a share of the land price (第十四条（一）: 20 %).</param>
/// <param name="ReclaimYears">Full years not started after which the land may be reclaimed without compensation (第十四条（二）: 2).</param>
/// <param name="HaltedFee">Charge the fee on halted idle land (default true, a local basis: docs/rules.md#idle-halted-penalties).</param>
/// <param name="HaltedReclaim">Treat halted land idle for <paramref name="ReclaimYears"/> as reclaimable (default false: Art. 14 (二) names land not started).</param>
public sealed record IdleRules(double FeeShare = 0.20, int ReclaimYears = 2, bool HaltedFee = true, bool HaltedReclaim = false)
{
    /// <summary>20 %, two years, fee on halted land, no 无偿收回 of halted land.</summary>
    public static IdleRules Default { get; } = new();
}
