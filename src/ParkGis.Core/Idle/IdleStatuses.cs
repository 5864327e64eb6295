using ParkGis.Core.Localization;

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

    /// <summary>The Chinese name (always Chinese: fields named <c>*_zh</c>, the bureau's ledgers).</summary>
    public static string ChineseName(IdleStatus status) => Localized.Chinese(LabelKey(status));

    /// <summary>The name for people in the run's language: Chinese by default, English with <c>--lang en</c>.</summary>
    public static string Label(IdleStatus status) => Localized.Get(LabelKey(status));

    /// <summary><see cref="Label"/> as a title (a map legend): the English label begins with a capital.</summary>
    public static string Title(IdleStatus status) => TitleText.Of(Label(status));

    private static string LabelKey(IdleStatus status) => status switch
    {
        IdleStatus.NotSupplied => "IdleStatusNotSupplied",
        IdleStatus.InGrace => "IdleStatusInGrace",
        IdleStatus.InUse => "IdleStatusInUse",
        IdleStatus.IdleUnstarted => "IdleStatusIdleUnstarted",
        IdleStatus.IdleHalted => "IdleStatusIdleHalted",
        IdleStatus.GovernmentDelay => "IdleStatusGovernmentDelay",
        IdleStatus.Unknown => "IdleStatusCannotTell",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// True for idle land (闲置土地) whatever the cause: a government cause (第八条) changes the disposal, not the
    /// finding (docs/rules.md#idle-government-cause).
    /// </summary>
    public static bool IsIdle(IdleStatus status) => status is IdleStatus.IdleUnstarted or IdleStatus.IdleHalted or IdleStatus.GovernmentDelay;

    /// <summary>Cause <c>enterprise</c> (企业原因).</summary>
    public const string EnterpriseCause = "enterprise";

    /// <summary>Cause <c>government</c> (政府原因, 第八条, force majeure included).</summary>
    public const string GovernmentCause = "government";

    /// <summary>Kind <c>unstarted</c> (未动工开发).</summary>
    public const string Unstarted = "unstarted";

    /// <summary>Kind <c>halted</c> (中止开发建设).</summary>
    public const string Halted = "halted";
}
