namespace ParkGis.Core.Dates;

/// <summary>
/// Full years (周年) as the land rules count them: one year after D is the same month and day a year later,
/// and 29 February becomes 28 February when the later year has none. A duration of N years is reached on
/// that day itself ("exactly one year counts as a full year"; docs/rules.md#idle-one-year).
/// </summary>
public static class CalendarYears
{
    /// <summary>The first year ParkGis analyses (an as-of date, <c>--year</c>, an economics row): land records start later.</summary>
    public const int FirstYear = 1900;

    /// <summary>The last year ParkGis analyses; later dates and years are mistakes, not plans.</summary>
    public const int LastYear = 2200;

    /// <summary>Whether <paramref name="year"/> lies in <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static bool IsAnalysable(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The day <paramref name="years"/> full years after <paramref name="date"/>, or null past 9999-12-31.</summary>
    public static DateOnly? After(DateOnly date, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        return date.Year > DateOnly.MaxValue.Year - years ? null : date.AddYears(years); // .NET clamps 29 Feb to 28 Feb in a common year.
    }

    /// <summary>
    /// True when at least <paramref name="years"/> full years lie between <paramref name="from"/> and <paramref name="asOf"/>
    /// (never when that day would lie past the end of the calendar).
    /// </summary>
    public static bool HaveElapsed(DateOnly from, DateOnly asOf, int years) => After(from, years) is { } day && day <= asOf;
}
