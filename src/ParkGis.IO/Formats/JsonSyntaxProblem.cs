using System.Globalization;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// What is wrong with JSON that does not parse (JSON 语法错误), said in the run's language from the bytes at the place
/// the parser stopped — never the parser's own English text: a raw control character inside a string (the usual
/// defect of hand-edited or concatenated files), the end of the file before the JSON ended (a truncated file), or an
/// unexpected character, with its line and byte (1-based, as editors count).
/// </summary>
internal static class JsonSyntaxProblem
{
    /// <summary>The description of the problem at <paramref name="line"/>/<paramref name="bytePositionInLine"/> (0-based, as <see cref="System.Text.Json.JsonException"/> reports them).</summary>
    public static string Describe(ReadOnlySpan<byte> json, long? line, long? bytePositionInLine)
    {
        var where = Localized.Format("JsonAt", (line ?? 0) + 1, (bytePositionInLine ?? 0) + 1);
        if (Offset(json, line ?? 0, bytePositionInLine ?? 0) is not { } offset || json[offset..].Trim(" \t\r\n"u8).IsEmpty)
        {
            return Localized.Format("JsonEndsEarly", where);
        }

        var found = json[offset];
        if (found < 0x20 || found == 0x7F)
        {
            return Localized.Format("JsonControlCharacter", where, string.Create(CultureInfo.InvariantCulture, $"0x{found:X2}"));
        }

        var rune = System.Text.Rune.DecodeFromUtf8(json[offset..], out var decoded, out _) == System.Buffers.OperationStatus.Done
            ? decoded.ToString()
            : string.Create(CultureInfo.InvariantCulture, $"0x{found:X2}");
        return Localized.Format("JsonUnexpectedCharacter", where, rune);
    }

    /// <summary>The byte offset of a 0-based line and byte in it, or null when it lies past the end.</summary>
    private static int? Offset(ReadOnlySpan<byte> json, long line, long bytePositionInLine)
    {
        var start = 0;
        for (var i = 0L; i < line; i++)
        {
            var newline = json[start..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return null;
            }

            start += newline + 1;
        }

        var offset = start + bytePositionInLine;
        return offset < json.Length ? (int)offset : null;
    }
}
