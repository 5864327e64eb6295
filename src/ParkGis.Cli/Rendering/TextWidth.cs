using System.Globalization;
using System.Text;

namespace ParkGis.Cli.Rendering;

/// <summary>Terminal column width of text: CJK and other East Asian wide characters take two columns.</summary>
internal static class TextWidth
{
    /// <summary>Columns <paramref name="text"/> occupies in a terminal.</summary>
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }

        return width;
    }

    /// <summary>Pads on the right to <paramref name="columns"/> terminal columns.</summary>
    public static string PadRight(string text, int columns) => text + new string(' ', Math.Max(0, columns - Of(text)));

    /// <summary>Pads on the left to <paramref name="columns"/> terminal columns.</summary>
    public static string PadLeft(string text, int columns) => new string(' ', Math.Max(0, columns - Of(text))) + text;

    /// <summary>Where to cut <paramref name="text"/> to fit <paramref name="room"/> columns: the last break opportunity that fits.</summary>
    public static int Cut(string text, int room)
    {
        var used = 0;
        var lastBreak = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var w = Of(c.ToString());
            if (used + w > room)
            {
                return lastBreak > 0 ? lastBreak : Math.Max(i, 1);
            }

            used += w;
            if (c == ' ' && i > 0 && text[..i].Trim().Length > 0)
            {
                lastBreak = i + 1;
            }
            else if (w == 2 && i + 1 < text.Length && !IsClosing(text[i + 1]))
            {
                lastBreak = i + 1; // after a wide character, unless punctuation that must not start a line follows
            }
        }

        return text.Length;
    }

    private static bool IsClosing(char c) => "，。、；：）》」』！？,.;:)".Contains(c, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="line"/> cut into lines of at most <paramref name="width"/> display columns at the last break
    /// opportunity that fits (<see cref="Cut"/>), each line after the first indented by <paramref name="indent"/> spaces.
    /// </summary>
    public static IEnumerable<string> Wrap(string line, int width, int indent)
    {
        ArgumentNullException.ThrowIfNull(line);
        var rest = line;
        var prefix = string.Empty;
        while (Of(rest) > width - prefix.Length)
        {
            var cut = Cut(rest, width - prefix.Length);
            if (cut > 1 && cut < rest.Length && char.IsLowSurrogate(rest[cut]))
            {
                cut--;
            }

            yield return prefix + rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart(' ');
            prefix = new string(' ', indent);
        }

        if (rest.Length > 0 || prefix.Length == 0)
        {
            yield return prefix + rest;
        }
    }

    private static bool IsWide(Rune rune)
    {
        var v = rune.Value;
        return (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD)
            || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter && v >= 0x3000 && v <= 0x9FFF;
    }
}
