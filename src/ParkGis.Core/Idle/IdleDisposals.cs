using System.Globalization;

namespace ParkGis.Core.Idle;

/// <summary>The disposal texts (处置建议) of idle land, in one place (docs/rules.md#idle-disposal).</summary>
public static class IdleDisposals
{
    /// <summary>The fee or reclaim rests on the article itself.</summary>
    public const string Statute = "statute";

    /// <summary>The fee or reclaim rests on a local choice of the rules file (halted land, docs/rules.md#idle-halted-penalties).</summary>
    public const string LocalRule = "local_rule";

    private const string Decree = "闲置土地处置办法";
    private const string Reclaim = "无偿收回国有建设用地使用权";

    /// <summary>
    /// Government cause or force majeure (第八条): disposed under 第十二条 by agreement with the holder. The 第十二条
    /// options are our reading: the article text was not verified (docs/rules.md#idle-government-disposal).
    /// </summary>
    public static IdleDisposal Government { get; } = new(
        Decree + "第八条、第十二条",
        ["延长动工开发期限（不超过一年）", "调整土地用途、规划条件", "由政府安排临时使用（不超过两年）", "协议有偿收回", "置换土地"],
        Statute);

    /// <summary>Enterprise cause, not started (第十四条（一）, and （二） once reclaimable).</summary>
    public static IdleDisposal Unstarted(bool reclaim, double feeShare) => reclaim
        ? new(Decree + "第十四条第（一）项、第（二）项", [Fee(feeShare), Reclaim], Statute)
        : new(Decree + "第十四条第（一）项", [Fee(feeShare)], Statute);

    /// <summary>
    /// Enterprise cause, halted (第二条第二款): 第十四条 names only land not started, so the fee and 无偿收回 apply only as
    /// the rules file chooses, and say so.
    /// </summary>
    public static IdleDisposal Halted(bool fee, bool reclaim, double feeShare)
    {
        var measures = new List<string>();
        if (fee)
        {
            measures.Add(Fee(feeShare) + "（地方口径）");
        }

        if (reclaim)
        {
            measures.Add(Reclaim + "（地方口径）");
        }

        if (measures.Count == 0)
        {
            measures.Add("督促恢复开发建设，依地方规定处置");
        }

        return new(Decree + "第二条第二款；第十四条（地方口径适用）", measures, LocalRule);
    }

    private static string Fee(double share) =>
        string.Create(CultureInfo.InvariantCulture, $"征缴土地闲置费（出让或划拨价款的{share * 100:0.##}%）");
}
