using System.Globalization;

namespace ParkGis.Core.Data;

/// <summary>
/// The text of an attribute value, as ids and text fields are compared: invariant culture; dates as
/// <c>yyyy-MM-dd</c>; a whole number stored as a double (a GeoPackage REAL, a DBF or JSON number beyond 64 bits)
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
            bool flag => flag ? "true" : "false",
            double number when double.IsFinite(number) && Math.Abs(number) >= AllDigitsFrom => number.ToString("F0", CultureInfo.InvariantCulture),
            float number when float.IsFinite(number) && Math.Abs(number) >= AllDigitsFrom => ((double)number).ToString("F0", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
