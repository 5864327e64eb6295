using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Excel;

/// <summary>
/// The rows of a workbook's first sheet (.xlsx or .xlsm) as text, through the Open XML SDK, for a reader that takes rows
/// of cells (the economics table): number cells in invariant culture with every digit they hold, date cells as
/// <c>yyyy-MM-dd</c>; rows with no value are left out, every row is as wide as the widest. An Excel 97–2003 .xls is
/// refused with the hint to save it as .xlsx (see docs/decisions.md, "Economics from a workbook").
/// </summary>
public static class WorksheetRows
{
    private static string SaveAsXlsx => Localized.Get("WorkbookHint");

    /// <summary>The compound-file signature of an Excel 97–2003 workbook and of an encrypted .xlsx.</summary>
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The file extensions taken as workbooks (.xls only to be refused with a clear message).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".xlsm", ".xls"];

    /// <summary>True when <paramref name="fileName"/> names a workbook.</summary>
    public static bool IsWorkbook(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the rows of the first sheet.</summary>
    /// <param name="source">The file name used in messages.</param>
    /// <param name="bytes">The file content.</param>
    /// <exception cref="UnusableInputException">PG0104: an .xls, an encrypted workbook, or a file that is not a workbook (corrupt, another format).</exception>
    public static List<List<string>> Read(string source, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (string.Equals(Path.GetExtension(source), ".xls", StringComparison.OrdinalIgnoreCase) || bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            throw new UnusableInputException(ErrorCodes.UnreadableInput,
                Localized.Format("WorkbookXls", source), source, hint: SaveAsXlsx);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            return ReadFirstSheet(source, document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or InvalidOperationException
            or NotSupportedException or ArgumentException or System.Xml.XmlException or IndexOutOfRangeException or OverflowException or KeyNotFoundException)
        {
            throw new UnusableInputException(ErrorCodes.UnreadableInput, Localized.Format("WorkbookUnreadable", source, e.Message), source, hint: SaveAsXlsx, inner: e);
        }
    }

    private static List<List<string>> ReadFirstSheet(string source, SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException(Localized.Get("WorkbookNoPart"));
        var sheet = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException(Localized.Get("WorkbookNoSheet"));
        if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart worksheetPart)
        {
            throw new UnusableInputException(ErrorCodes.UnreadableInput, Localized.Format("WorkbookFirstNotWorksheet", source, sheet.Name?.Value), source,
                hint: Localized.Get("WorkbookFirstSheetHint"));
        }

        var cells = new CellText(workbookPart);
        var rows = new List<List<string>>();
        using var reader = OpenXmlReader.Create(worksheetPart);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = new List<string>();
            foreach (var cell in ((Row)reader.LoadCurrentElement()!).Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : row.Count;
                while (row.Count <= column)
                {
                    row.Add(string.Empty);
                }

                row[column] = cells.Of(cell);
            }

            if (row.Exists(text => text.Length > 0))
            {
                rows.Add(row);
            }
        }

        var width = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        foreach (var row in rows)
        {
            row.AddRange(Enumerable.Repeat(string.Empty, width - row.Count));
        }

        return rows;
    }

    /// <summary>The zero-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                column = checked((column * 26) + (char.ToUpperInvariant(c) - 'A' + 1));
                if (column > 16_384)
                {
                    throw new InvalidDataException(Localized.Format("CellBeyondXfd", reference));
                }
            }
            else
            {
                break;
            }
        }

        return column == 0 ? throw new InvalidDataException(Localized.Format("CellNoColumn", reference)) : column - 1;
    }

    /// <summary>Turns cells into text with the workbook's shared strings, number formats and date system.</summary>
    private sealed class CellText
    {
        private readonly List<string> sharedStrings = [];
        private readonly List<bool> dateStyles = [];
        private readonly bool date1904;

        public CellText(WorkbookPart workbookPart)
        {
            date1904 = workbookPart.Workbook?.WorkbookProperties?.Date1904?.Value ?? false;
            if (workbookPart.SharedStringTablePart?.SharedStringTable is { } table)
            {
                sharedStrings.AddRange(table.Elements<SharedStringItem>().Select(item => item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(run => run.Text?.Text))));
            }

            var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
            var customFormats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
                .Where(format => format.NumberFormatId?.Value is not null)
                .GroupBy(format => format.NumberFormatId!.Value)
                .ToDictionary(group => group.Key, group => group.First().FormatCode?.Value ?? string.Empty) ?? [];
            foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
            {
                var formatId = format.NumberFormatId?.Value ?? 0;
                dateStyles.Add(customFormats.TryGetValue(formatId, out var code) ? IsDateFormatCode(code) : IsBuiltInDateFormat(formatId));
            }
        }

        public string Of(Cell cell)
        {
            var value = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            if (type == CellValues.InlineString)
            {
                var inline = cell.InlineString;
                return inline?.Text?.Text ?? string.Concat(inline?.Elements<Run>().Select(run => run.Text?.Text) ?? []);
            }

            if (value is null || type == CellValues.Error)
            {
                return string.Empty;
            }

            if (type == CellValues.SharedString)
            {
                var at = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                return at < sharedStrings.Count ? sharedStrings[at] : throw new InvalidDataException(Localized.Format("CellSharedStringMissing", cell.CellReference?.Value, at));
            }

            if (type == CellValues.Boolean)
            {
                return value is "1" or "true" ? "TRUE" : "FALSE";
            }

            if (type == CellValues.String)
            {
                return value;
            }

            if (type == CellValues.Date)
            {
                return DateText(DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            }

            var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var style = (int)(cell.StyleIndex?.Value ?? 0);
            if (style < dateStyles.Count && dateStyles[style] && double.IsFinite(number))
            {
                var serial = date1904 ? number + 1462 : number;
                if (serial is >= 0 and < 2_958_466)
                {
                    return DateText(DateTime.FromOADate(serial));
                }
            }

            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        private static string DateText(DateTime t) =>
            t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>The built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East Asian ones 27–36 and 50–58).</summary>
        private static bool IsBuiltInDateFormat(uint id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

        /// <summary>True when a custom format code shows a date or time: y, m, d, h or s outside quoted text, escapes and brackets.</summary>
        private static bool IsDateFormatCode(string code)
        {
            var section = code.Split(';')[0];
            var quoted = false;
            var bracket = false;
            for (var i = 0; i < section.Length; i++)
            {
                var c = section[i];
                if (quoted)
                {
                    quoted = c != '"';
                }
                else if (bracket)
                {
                    bracket = c != ']';
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == '[')
                {
                    bracket = true;
                }
                else if (c is '\\' or '_' or '*')
                {
                    i++;
                }
                else if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
