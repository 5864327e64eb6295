namespace ParkGis.IO.Formats;

/// <summary>
/// A fast path for the commonest date text, exactly ten ASCII characters <c>yyyy-MM-dd</c>, read from UTF-8
/// without making a string. It accepts only text that
/// <c>DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None)</c> accepts, with
/// the same result; anything it declines goes to that call.
/// </summary>
internal static class IsoDateText
{
    private const int Length = 10;

    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        if (utf8.Length != Length || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
        {
            return false;
        }

        if (!TryDigits(utf8[..4], out var year) || !TryDigits(utf8.Slice(5, 2), out var month) || !TryDigits(utf8.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            var d = digit - (byte)'0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
