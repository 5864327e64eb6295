using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ParkGis.Web.Report;

/// <summary>
/// JSON that may sit inside an HTML <c>&lt;script&gt;</c> element: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> only
/// ever appear as <c>\u003C</c>, <c>\u003E</c>, <c>\u0026</c>, so no text can close the element (<c>&lt;/script&gt;</c>)
/// or open a comment that swallows it (<c>&lt;!--&lt;script&gt;</c>). Chinese stays as characters.
/// </summary>
internal static class HtmlSafeJson
{
    /// <summary>System.Text.Json's encoder for HTML: escapes <c>&lt; &gt; &amp; ' + `</c> and control characters, keeps every other character.</summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Escapes <c>&lt; &gt; &amp;</c> in JSON written by another writer (UTF-8). In JSON these bytes can only occur
    /// inside strings, where the <c>\uXXXX</c> escape means the same character, so the value is unchanged.
    /// </summary>
    public static byte[] Escape(ReadOnlySpan<byte> json)
    {
        var count = 0;
        foreach (var b in json)
        {
            if (b is (byte)'<' or (byte)'>' or (byte)'&')
            {
                count++;
            }
        }

        if (count == 0)
        {
            return json.ToArray();
        }

        var escaped = new byte[json.Length + (5 * count)];
        var i = 0;
        foreach (var b in json)
        {
            var replacement = b switch
            {
                (byte)'<' => "\\u003C"u8,
                (byte)'>' => "\\u003E"u8,
                (byte)'&' => "\\u0026"u8,
                _ => default,
            };
            if (replacement.IsEmpty)
            {
                escaped[i++] = b;
            }
            else
            {
                replacement.CopyTo(escaped.AsSpan(i));
                i += replacement.Length;
            }
        }

        return escaped;
    }
}
