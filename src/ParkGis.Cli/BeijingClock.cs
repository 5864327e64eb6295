using ParkGis.Core.Dates;

namespace ParkGis.Cli;

/// <summary>
/// Today as the CLI dates things (the report's 制图日期, "after today" for <c>--as-of</c>): the calendar day in Beijing
/// (UTC+8, the zone every date of the data is taken in), whatever zone the machine is kept in — a server on UTC dated a
/// report made before 08:00 Beijing time the day before. The engine has no clock; only the CLI asks this.
/// </summary>
internal static class BeijingClock
{
    /// <summary>The Beijing calendar day now.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow + LenientDateParser.BeijingOffset);
}
