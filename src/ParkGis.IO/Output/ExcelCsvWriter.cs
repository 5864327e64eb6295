using System.Text;

namespace ParkGis.IO.Output;

/// <summary>
/// CSV for Excel: UTF-8 with a byte-order mark (so Excel shows Chinese text), CRLF line ends, RFC 4180 quoting,
/// and every cell neutralised against formula injection by <see cref="SpreadsheetText"/>. Every CSV ParkGis writes
/// goes through here.
/// </summary>
public static class ExcelCsvWriter
{
    /// <summary>UTF-8 with a byte-order mark.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes <paramref name="rows"/> (null cells are empty) to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<IEnumerable<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StreamWriter(path, append: false, Encoding) { NewLine = "\r\n" };
        foreach (var row in rows)
        {
            writer.WriteLine(Row(row));
        }
    }

    /// <summary>One line of cells, without its line end.</summary>
    public static string Row(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return string.Join(",", cells.Select(Cell));
    }

    /// <summary>One cell: neutralised, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Cell(string? text)
    {
        var cell = SpreadsheetText.Neutralise(text);
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
