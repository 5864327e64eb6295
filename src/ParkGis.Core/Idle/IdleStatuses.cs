namespace ParkGis.Core.Idle;

/// <summary>Names of <see cref="IdleStatus"/> values as written in idle.json and shown in tables (闲置状态).</summary>
public static class IdleStatuses
{
    /// <summary>Every status, in report order.</summary>
    public static IReadOnlyList<IdleStatus> All { get; } =
    [
        IdleStatus.NotSupplied, IdleStatus.InGrace, IdleStatus.InUse, IdleStatus.IdleUnstarted,
        IdleStatus.IdleHalted, IdleStatus.GovernmentDelay, IdleStatus.Unknown,
    ];

    /// <summary>The snake_case name: <c>not_supplied</c>, <c>in_grace</c>, …</summary>
    public static string Name(IdleStatus status) => status switch
    {
        IdleStatus.NotSupplied => "not_supplied",
        IdleStatus.InGrace => "in_grace",
        IdleStatus.InUse => "in_use",
        IdleStatus.IdleUnstarted => "idle_unstarted",
        IdleStatus.IdleHalted => "idle_halted",
        IdleStatus.GovernmentDelay => "government_delay",
        IdleStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The Chinese name for tables.</summary>
    public static string ChineseName(IdleStatus status) => status switch
    {
        IdleStatus.NotSupplied => "未供地",
        IdleStatus.InGrace => "未动工（未满一年）",
        IdleStatus.InUse => "已动工",
        IdleStatus.IdleUnstarted => "闲置（未动工）",
        IdleStatus.IdleHalted => "闲置（中止开发）",
        IdleStatus.GovernmentDelay => "政府原因延迟",
        IdleStatus.Unknown => "无法认定",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>True for the two idle statuses (闲置土地).</summary>
    public static bool IsIdle(IdleStatus status) => status is IdleStatus.IdleUnstarted or IdleStatus.IdleHalted;
}
