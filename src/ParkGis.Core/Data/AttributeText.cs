using System.Globalization;

namespace ParkGis.Core.Data;

/// <summary>
/// The text of an attribute value, as ids and text fields are compared and as outputs write it: invariant culture; dates as
/// <c>yyyy-MM-dd</c>; times in ISO 8601 (<see cref="TimeText(DateTime)"/>); a whole number stored as a double (a GeoPackage REAL, a DBF or JSON number beyond 64 bits)
/// with all its digits (<c>15010000000000000000</c>, never <c>1.501E+19</c>).
/// </summary>
public static class AttributeText
{
    /// <summary>Doubles at or above this magnitude have no fraction; below it the shortest round-trip form is exact.</summary>
    private const double AllDigitsFrom = 1e15;

    /// <summary>The trimmed text of a value, or null when it is null or blank.</summary>
    public static string? Of(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => TimeText(time),
            DateTimeOffset time => TimeText(time),
            bool flag => flag ? "true" : "false",
            double number when double.IsFinite(number) && Math.Abs(number) >= AllDigitsFrom => number.ToString("F0", CultureInfo.InvariantCulture),
            float number when float.IsFinite(number) && Math.Abs(number) >= AllDigitsFrom => ((double)number).ToString("F0", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>
    /// A time as ISO 8601 text that reads back as the same day (<see cref="Dates.LenientDateParser"/>): a time without a zone
    /// as written (its date alone at midnight), a UTC or local one in UTC with <c>Z</c> — never the invariant culture's
    /// <c>12/31/2019 16:00:00</c>, which no reader takes for a date.
    /// </summary>
    public static string TimeText(DateTime time) => time.Kind == DateTimeKind.Unspecified
        ? time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time with its offset as ISO 8601 text (<c>2020-01-01T00:00:00+08:00</c>).</summary>
    public static string TimeText(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
