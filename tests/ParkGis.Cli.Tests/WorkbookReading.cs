using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParkGis.Cli.Tests;

/// <summary>One cell of a workbook as a second library (Open XML SDK) reads it.</summary>
/// <param name="Text">The cell's value as stored (text, or the number / date serial as written).</param>
/// <param name="IsText">Stored as a string (inline or shared).</param>
/// <param name="IsDate">A number cell whose number format is a date format.</param>
internal sealed record WorkbookCell(string Text, bool IsText, bool IsDate)
{
    public bool IsNumber => !IsText && Text.Length > 0;

    public double Number => double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly Date => DateOnly.FromDateTime(DateTime.FromOADate(Number));

    public override string ToString() => $"{(IsText ? "text" : IsDate ? "date" : "number")} cell \"{Text}\"";
}

/// <summary>A sheet read back: its name, whether its first row is frozen, its rows (header first).</summary>
internal sealed record WorkbookSheet(string Name, bool HeaderFrozen, IReadOnlyList<IReadOnlyList<WorkbookCell>> Rows, IReadOnlyList<double> ColumnWidths)
{
    public IReadOnlyList<string> Header => Rows.Count > 0 ? Rows[0].Select(c => c.Text).ToList() : [];

    public IReadOnlyList<IReadOnlyList<WorkbookCell>> Body => Rows.Skip(1).ToList();

    public int Column(string header)
    {
        var at = Header.ToList().IndexOf(header);
        Assert.True(at >= 0, $"{Name} has no column {header}; it has {string.Join(", ", Header)}");
        return at;
    }

    public IEnumerable<WorkbookCell> Cells(string header)
    {
        var at = Column(header);
        return Body.Select(r => at < r.Count ? r[at] : new WorkbookCell(string.Empty, false, false));
    }
}

/// <summary>Reads an .xlsx file with the Open XML SDK — a library other than the one ParkGis writes with.</summary>
internal static class WorkbookReading
{
    public static IReadOnlyList<WorkbookSheet> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var styles = workbookPart.WorkbookStylesPart?.Stylesheet;
        var formats = styles?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var customFormats = styles?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        bool IsDateStyle(uint? index)
        {
            if (index is not { } i || i >= formats.Count)
            {
                return false;
            }

            var id = formats[(int)i].NumberFormatId?.Value ?? 0;
            return id is >= 14 and <= 22 || (customFormats.TryGetValue(id, out var code) && code.Contains("yy", StringComparison.OrdinalIgnoreCase));
        }

        var sheets = new List<WorkbookSheet>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            var frozen = part.Worksheet.Descendants<Pane>().Any(p => p.State?.Value == PaneStateValues.Frozen && p.VerticalSplit?.Value == 1);
            var widths = part.Worksheet.Descendants<Column>().Select(c => c.Width?.Value ?? 0).ToList();
            var rows = new List<IReadOnlyList<WorkbookCell>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                rows.Add(row.Elements<Cell>().Select(cell =>
                {
                    var type = cell.DataType?.Value;
                    if (type == CellValues.InlineString)
                    {
                        return new WorkbookCell(cell.InlineString?.InnerText ?? string.Empty, true, false);
                    }

                    if (type == CellValues.SharedString)
                    {
                        return new WorkbookCell(shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)], true, false);
                    }

                    if (type == CellValues.String)
                    {
                        return new WorkbookCell(cell.CellValue?.Text ?? string.Empty, true, false);
                    }

                    var text = cell.CellValue?.Text ?? string.Empty;
                    return new WorkbookCell(text, false, text.Length > 0 && IsDateStyle(cell.StyleIndex?.Value));
                }).ToList());
            }

            sheets.Add(new WorkbookSheet(sheet.Name!.Value!, frozen, rows, widths));
        }

        return sheets;
    }
}
