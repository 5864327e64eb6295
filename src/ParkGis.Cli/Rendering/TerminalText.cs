using System.Globalization;
using System.Text;

namespace ParkGis.Cli.Rendering;

/// <summary>
/// The rule for text ParkGis prints to a terminal: control characters — C0 (tab, CR, BS, BEL, ESC…), DEL, C1 —
/// and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are shown as <c>\u001B</c>-style
/// escapes, so a name holding <c>ESC[2J</c>, a colour code or a carriage return can neither clear the screen,
/// recolour it, hide text nor reorder a line. Chinese and every other printable character stay as they are. The
/// escape is also valid inside a JSON string, so JSON printed on stdout stays the same JSON.
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> with every control character escaped (newlines too: one line of output).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAny(Unsafe))
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            Append(escaped, c);
        }

        return escaped.ToString();
    }

    /// <summary>True for a character <see cref="Escape"/> replaces.</summary>
    public static bool IsUnsafe(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>Appends <paramref name="c"/>, escaped when unsafe.</summary>
    public static void Append(StringBuilder text, char c)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsUnsafe(c))
        {
            text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        else
        {
            text.Append(c);
        }
    }

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         .. Enumerable.Range(0x202A, 5).Select(i => (char)i), .. Enumerable.Range(0x2066, 4).Select(i => (char)i)]);
}
