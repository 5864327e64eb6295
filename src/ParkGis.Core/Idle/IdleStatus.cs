namespace ParkGis.Core.Idle;

/// <summary>The idle-land status of a parcel on the as-of date (闲置土地认定, 闲置土地处置办法 Art. 2 and 8).</summary>
public enum IdleStatus
{
    /// <summary>Not supplied on the as-of date (未供地): no supplied_on, or a later one.</summary>
    NotSupplied,

    /// <summary>Supplied, not started, less than a full year past the agreed start (未动工，未满一年).</summary>
    InGrace,

    /// <summary>Started and not idle (已动工).</summary>
    InUse,

    /// <summary>Not started a full year or more after the agreed start (超过约定动工日期满一年未动工).</summary>
    IdleUnstarted,

    /// <summary>Started, developed under 1/3 or invested under 25 %, halted a full year or more (中止开发满一年).</summary>
    IdleHalted,

    /// <summary>Idle land whose delay is the government's or force majeure (Art. 8, 政府原因): idle, disposed under Art. 12, no fee, no 无偿收回.</summary>
    GovernmentDelay,

    /// <summary>A value the rule needs is missing or unreadable; a data issue names it (无法认定).</summary>
    Unknown,
}
