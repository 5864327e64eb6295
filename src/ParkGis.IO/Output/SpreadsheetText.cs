namespace ParkGis.IO.Output;

/// <summary>
/// Text bound for a spreadsheet (Excel, WPS, LibreOffice), neutralised against formula injection by the OWASP
/// CSV-injection rule: a text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return — also after leading whitespace — gets a leading apostrophe, so <c>=HYPERLINK(…)</c>,
/// <c>+cmd|' /C calc'!A0</c> and <c>@SUM(…)</c> show as text instead of running. A cell that is a plain decimal
/// number (<c>-12.5</c>, <c>1e-3</c>) is a number, not a formula, and stays as it is. The one place every CSV
/// writer (and a future Excel writer, for its text cells) neutralises text.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The prefix that makes a spreadsheet read a cell as text.</summary>
    public const char TextPrefix = '\'';

    /// <summary>The cell's text as a spreadsheet may safely read it (null reads as empty).</summary>
    public static string Neutralise(string? text) =>
        text is null ? string.Empty : StartsLikeFormula(text) ? TextPrefix + text : text;

    /// <summary>True when a spreadsheet could read <paramref name="text"/> as a formula.</summary>
    public static bool StartsLikeFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || IsPlainNumber(text))
        {
            return false;
        }

        if (text[0] is '\t' or '\r' or '\n')
        {
            return true;
        }

        var first = text.AsSpan().TrimStart();
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    /// <summary>An optional sign, digits with an optional fraction, an optional exponent; nothing else.</summary>
    private static bool IsPlainNumber(string text)
    {
        var i = 0;
        if (text[i] is '+' or '-')
        {
            i++;
        }

        var digits = SkipDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            digits += SkipDigits(text, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (SkipDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int SkipDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
