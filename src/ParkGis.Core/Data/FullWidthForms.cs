namespace ParkGis.Core.Data;

/// <summary>
/// Full-width forms (全角字符) as a Chinese input method types them: <c>２０２４－３－１</c>, <c>Ｎ</c>, <c>１２０</c>, the
/// ideographic space. Readers of dates, numbers and yes/no answers take them as their ASCII forms, as an analyst does.
/// </summary>
public static class FullWidthForms
{
    private const char FirstFullWidth = '\uFF01';
    private const char LastFullWidth = '\uFF5E';
    private const int ToAsciiOffset = 0xFEE0;
    private const char IdeographicSpace = '\u3000';

    /// <summary>
    /// <paramref name="text"/> with every full-width ASCII form (U+FF01–U+FF5E) and the ideographic space as its ASCII
    /// character (what NFKC does to them, without NFKC's other mappings and without throwing on a lone surrogate).
    /// </summary>
    public static string ToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAnyInRange(FirstFullWidth, LastFullWidth) && !text.Contains(IdeographicSpace, StringComparison.Ordinal))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= FirstFullWidth and <= LastFullWidth => (char)(c - ToAsciiOffset),
                    IdeographicSpace => ' ',
                    _ => c,
                };
            }
        });
    }
}
