using System.Text;

namespace ParkGis.IO.Formats;

/// <summary>
/// Recognises text saved as UTF-16 or UTF-32 (Windows Notepad's "Unicode"): by its byte-order mark, or, without one,
/// by the zero bytes that ASCII characters (the braces and quotes of JSON, the brackets of a coordinate TXT) get in
/// UTF-16.
/// </summary>
internal static class WideText
{
    /// <summary>The encoding and BOM length of UTF-16/UTF-32 text, or null for anything else.</summary>
    public static (Encoding Encoding, int BomLength)? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }

        if (bytes.Length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 0);
        }

        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 0);
        }

        return null;
    }

    /// <summary>The name of a detected encoding for messages (<c>UTF-16LE</c>).</summary>
    public static string Name(Encoding encoding) => encoding switch
    {
        UTF32Encoding => encoding.CodePage == 12000 ? "UTF-32LE" : "UTF-32BE",
        _ => encoding.CodePage == 1200 ? "UTF-16LE" : "UTF-16BE",
    };
}
