using System.Globalization;
using System.Text.RegularExpressions;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Dates;

/// <summary>
/// Reads calendar dates (日期) the way land records write them: <c>2024-03-01</c>, <c>2024/3/1</c>,
/// <c>2024.3.1</c>, <c>20240301</c>, <c>2024年3月1日</c> (a time of day after the date is ignored), and the
/// date values GeoPackage and DBF readers produce (<see cref="DateOnly"/>, <see cref="DateTime"/>,
/// <see cref="DateTimeOffset"/>, and an 8-digit whole number <c>20240301</c>, integer, double or decimal). A time stamp that names its zone
/// (<c>2019-12-31T16:00:00Z</c>, <c>+00:00</c>, a UTC <see cref="DateTime"/> from a <c>timestamptz</c> column) is the
/// day it was in Beijing (UTC+8, 北京时间): GeoPackage stores times in UTC, so a record entered at Beijing midnight
/// reads as the evening before in UTC. A time stamp without a zone is the day as written. Full-width digits and separators
/// (<c>２０２４－３－１</c>, typed with a Chinese input method) read as their ASCII forms; invisible characters (a zero-width
/// space, a byte-order mark) are left out. A value that is none of these, or not
/// a real calendar day (<c>2023-13-45</c>), is not a date: the caller reports it, never defaults it.
/// </summary>
public static partial class LenientDateParser
{
    private static readonly DateOnly ExcelDayZero = new(1899, 12, 30);

    private static readonly DateOnly SqlServerDayZero = new(1900, 1, 1);

    /// <summary>China Standard Time, UTC+8 all year (no daylight saving since 1991): the zone a zoned time stamp's day is taken in.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>Parses <paramref name="value"/>; false when it is blank or not a date.</summary>
    public static bool TryParse(object? value, out DateOnly date)
    {
        switch (value)
        {
            case DateOnly d:
                date = d;
                return true;
            case DateTime t:
                date = t.Kind switch
                {
                    DateTimeKind.Utc => BeijingDay(t),
                    DateTimeKind.Local => BeijingDay(t.ToUniversalTime()),
                    _ => DateOnly.FromDateTime(t),
                };
                return true;
            case DateTimeOffset o:
                date = BeijingDay(o.UtcDateTime);
                return true;
            case int or long or uint or ulong or short or ushort:
                return TryParseText(Convert.ToString(value, CultureInfo.InvariantCulture), out date);
            case double number when double.IsFinite(number) && number == Math.Floor(number):
                return TryParseText(number.ToString("0", CultureInfo.InvariantCulture), out date);
            case decimal number when number == decimal.Floor(number):
                // A PostgreSQL numeric(8,0) (Oracle's NUMBER(8), as 国土 systems keep yyyyMMdd) is read as a decimal.
                return TryParseText(number.ToString("0", CultureInfo.InvariantCulture), out date);
            case string text:
                return TryParseText(text, out date);
            default:
                date = default;
                return false;
        }
    }

    /// <summary>
    /// Whether a date is a placeholder for "no date" rather than a day anything happened: any day of the year 9999
    /// (9999-12-31 is the usual "open end" of land and database systems), 0001-01-01 (a date field never filled), and
    /// the zero days of other systems a land record passes through — 1899-12-30 (Excel's and OLE's day 0, FileGDB's date of
    /// a time alone) and 1900-01-01 (SQL Server's <c>datetime</c> zero, Excel's day 1): no land record of the People's
    /// Republic is dated then. Readers take it as empty and report a <c>placeholder_date</c> data issue.
    /// </summary>
    public static bool IsPlaceholder(DateOnly date) =>
        date.Year == DateOnly.MaxValue.Year || date == DateOnly.MinValue || date == ExcelDayZero || date == SqlServerDayZero;

    /// <summary>The sentence of a <c>placeholder_date</c> data issue for <paramref name="field"/>.</summary>
    public static string PlaceholderMessage(string field, DateOnly date, string consequence) =>
        Localized.Format("PlaceholderDate", field, date, consequence);

    /// <summary>Parses text; false when it is blank or not a date.</summary>
    public static bool TryParseText(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // The pattern takes ASCII digits only, so other scripts' digits (٢٠٢٤) are not a date rather than an int.Parse failure.
        var match = DatePattern().Match(WithoutInvisibles(FullWidthForms.ToAscii(text)).Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        var (hour, minute, second) = (TimePart(match, "h"), TimePart(match, "mi"), TimePart(match, "sec"));
        if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute > 0 || second > 0)))
        {
            date = default; // 2019-12-31T25:00: the text is not a real time, so not a date either
            return false;
        }

        var zone = match.Groups["z"];
        return !zone.Success || InBeijing(new TimeSpan(hour, minute, second), zone.Value, ref date);
    }

    private static int TimePart(Match match, string group) => match.Groups[group].Success
        ? int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture)
        : 0;

    /// <summary>
    /// <paramref name="text"/> without the invisible characters a copy from a web page, Word or a CSV with a byte-order mark
    /// leaves in a cell: zero-width space, non-joiner and joiner, the left-to-right and right-to-left marks, word joiner,
    /// BOM. <c>2024-02-06</c> followed by a zero-width space was "not a date", and the issue showed <c>'2024-02-06'</c>.
    /// </summary>
    private static string WithoutInvisibles(string text)
    {
        if (!text.AsSpan().ContainsAny(Invisibles))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Invisibles.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Invisibles = System.Buffers.SearchValues.Create("\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF");

    /// <summary>Moves <paramref name="date"/> to the Beijing day of a zoned time stamp; false when its zone is not real.</summary>
    private static bool InBeijing(TimeSpan timeOfDay, string zone, ref DateOnly date)
    {
        var offset = TimeSpan.Zero;
        if (zone != "Z")
        {
            var zoneHours = int.Parse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            var zoneMinutes = zone.Length > 3 ? int.Parse(zone.AsSpan(zone.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
            if (zoneHours > 14 || zoneMinutes > 59)
            {
                date = default;
                return false;
            }

            offset = new TimeSpan(zoneHours, zoneMinutes, 0) * (zone[0] == '-' ? -1 : 1);
        }

        if (IsPlaceholder(date))
        {
            return true;
        }

        // A leap second (:60) and 24:00 are the next instant's day; UTC+8 then decides the calendar day.
        date = BeijingDay(date.ToDateTime(TimeOnly.MinValue) + timeOfDay - offset);
        return true;
    }

    /// <summary>The Beijing calendar day of a UTC instant; the last hours of year 9999 (placeholders, PostgreSQL's infinity) stay on their day.</summary>
    private static DateOnly BeijingDay(DateTime utc) =>
        DateOnly.FromDateTime(utc > DateTime.MaxValue - BeijingOffset ? utc : utc + BeijingOffset);

    // Separated forms use one separator throughout (2024-3-1, 2024/3/1, 2024.3.1) or the Chinese 年月日;
    // an ISO time of day (T…, or a space and hh:mm…) may follow, with a zone (Z, +08:00, +0800, or GDAL's +00).
    [GeneratedRegex(
        @"^(?:(?<y>[0-9]{4})(?<s>[-/.])(?<m>[0-9]{1,2})\k<s>(?<d>[0-9]{1,2})|(?<y>[0-9]{4})\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*日?|(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2}))(?:(?:T|\s+)(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<sec>[0-9]{2})(?:\.[0-9]+)?)?\s*(?<z>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
