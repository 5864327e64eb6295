using System.Globalization;

namespace ParkGis.Core.Publishing;

/// <summary>How result layers write their values: numbers rounded half away from zero, dates as ISO 8601.</summary>
internal static class PublishedValues
{
    /// <summary>A number rounded to <paramref name="decimals"/> decimals (null stays null).</summary>
    public static double? Round(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>A date as <c>yyyy-MM-dd</c> (null stays null).</summary>
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
