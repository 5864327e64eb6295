namespace ParkGis.Core.Dates;

/// <summary>
/// Full years (周年) as the land rules count them: one year after D is the same month and day a year later,
/// and 29 February becomes 28 February when the later year has none. A duration of N years is reached on
/// that day itself ("exactly one year counts as a full year").
/// </summary>
public static class CalendarYears
{
    /// <summary>The day <paramref name="years"/> full years after <paramref name="date"/>.</summary>
    public static DateOnly After(DateOnly date, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return date.AddYears(years); // .NET clamps 29 Feb to 28 Feb in a common year.
    }

    /// <summary>True when at least <paramref name="years"/> full years lie between <paramref name="from"/> and <paramref name="asOf"/>.</summary>
    public static bool HaveElapsed(DateOnly from, DateOnly asOf, int years) => After(from, years) <= asOf;
}
