using System.Globalization;
using ExcelDataReader;
using ParkGis.Core.Errors;

namespace ParkGis.IO.Excel;

/// <summary>
/// The rows of a workbook's first sheet (.xlsx, .xlsm or Excel 97–2003 .xls) as text, through ExcelDataReader, for a
/// reader that takes rows of cells (the economics table): number cells in invariant culture with every digit they hold,
/// date cells as <c>yyyy-MM-dd</c>; rows with no value are left out.
/// </summary>
public static class WorksheetRows
{
    /// <summary>The file extensions read as workbooks.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".xlsm", ".xls"];

    /// <summary>True when <paramref name="fileName"/> names a workbook.</summary>
    public static bool IsWorkbook(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the rows of the first sheet.</summary>
    /// <param name="source">The file name used in messages.</param>
    /// <param name="bytes">The file content.</param>
    /// <exception cref="UnusableInputException">PG0104: the file is not a workbook ExcelDataReader can read (corrupt, encrypted, another format).</exception>
    public static List<List<string>> Read(string source, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var rows = new List<List<string>>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            while (reader.Read())
            {
                var row = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Add(Text(reader.GetValue(i)));
                }

                if (row.Exists(cell => cell.Length > 0))
                {
                    rows.Add(row);
                }
            }
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or NotSupportedException or ArgumentException or System.Xml.XmlException or IndexOutOfRangeException or OverflowException)
        {
            throw new UnusableInputException(ErrorCodes.UnreadableInput, $"{source} is not a workbook that can be read: {e.Message}", source,
                hint: "Open it in Excel or WPS and save it again as .xlsx (not encrypted), or save the sheet as CSV (UTF-8).", inner: e);
        }

        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
