namespace ParkGis.IO.Output;

/// <summary>
/// The JSON text of a number rounded to a fixed count of decimals, written straight from its digits: the bytes
/// <see cref="System.Text.Json.Utf8JsonWriter.WriteNumberValue(double)"/> writes for it (the shortest text that reads
/// back as the same double), without the general shortest-digits search.
/// </summary>
/// <remarks>
/// Why it holds: when <c>value</c> is exactly the double nearest to <c>n / 10^decimals</c> for an integer <c>n</c> of at
/// most 15 digits, that decimal has at most 15 significant digits, and no two such decimals read as the same double;
/// so no other text of as few digits reads back as <c>value</c>, and the shortest text is <c>n / 10^decimals</c> without
/// trailing zeros. Values outside 1e-4 ≤ |value| &lt; 1e15, zero, and any value the check does not prove are left to
/// the writer (its exponent forms, such as <c>1E-05</c>, included).
/// </remarks>
internal static class RoundedNumberText
{
    private static readonly double[] Powers = [.. Enumerable.Range(0, 16).Select(k => Math.Pow(10, k))];
    private static readonly long[] LongPowers = [.. Enumerable.Range(0, 16).Select(k => (long)Math.Pow(10, k))];

    /// <summary>Bytes enough for any text <see cref="TryFormat"/> writes.</summary>
    public const int MaxLength = 24;

    /// <summary>
    /// Writes <paramref name="value"/>, a number already rounded to <paramref name="decimals"/> decimals, into
    /// <paramref name="destination"/>; false (nothing to use) when the fast form is not proven for it.
    /// </summary>
    public static bool TryFormat(double value, int decimals, Span<byte> destination, out int length)
    {
        length = 0;
        var magnitude = Math.Abs(value);
        if ((uint)decimals > 15 || !(magnitude >= 1e-4 && magnitude < 1e15) || destination.Length < MaxLength)
        {
            return false;
        }

        var scaled = Math.Round(magnitude * Powers[decimals]);
        if (scaled >= 1e15 || scaled / Powers[decimals] != magnitude)
        {
            return false;
        }

        var n = (long)scaled;
        var whole = n / LongPowers[decimals];
        var fraction = n % LongPowers[decimals];
        var at = 0;
        if (value < 0)
        {
            destination[at++] = (byte)'-';
        }

        at += WriteDigits(whole, destination[at..]);
        if (fraction != 0)
        {
            var places = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                places--;
            }

            destination[at++] = (byte)'.';
            for (var k = places - 1; k >= 0; k--)
            {
                destination[at + k] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }

            at += places;
        }

        length = at;
        return true;
    }

    private static int WriteDigits(long number, Span<byte> destination)
    {
        var count = 1;
        for (var rest = number / 10; rest > 0; rest /= 10)
        {
            count++;
        }

        for (var k = count - 1; k >= 0; k--)
        {
            destination[k] = (byte)('0' + (number % 10));
            number /= 10;
        }

        return count;
    }
}
