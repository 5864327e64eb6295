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

    private static bool IsWide(Rune rune)
    {
        var v = rune.Value;
        return (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD)
            || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter && v >= 0x3000 && v <= 0x9FFF;
    }
}
