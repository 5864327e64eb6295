using System.Globalization;
using System.Text;
using ParkGis.IO.Output;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ParkGis.IO.Excel;

/// <summary>
/// Writes a <see cref="LedgerWorkbook"/> as an .xlsx file through SpreadCheetah: one sheet per ledger with a bold,
/// frozen header row and column widths that fit the text (a CJK character counts two), numbers as number cells,
/// dates as date cells, text neutralised against formula injection by the rule every CSV shares
/// (<see cref="SpreadsheetText"/>), then the 说明 sheet. Deterministic: no timestamps in the file.
/// </summary>
public static class LedgerWorkbookWriter
{
    /// <summary>The most characters a cell holds (Excel's limit); longer text is cut and marked.</summary>
    public const int MaxCellText = 32767;

    /// <summary>What ends text cut at <see cref="MaxCellText"/>.</summary>
    public const string CutMark = "…（超过单元格上限，已截断）";

    /// <summary>The name of the sheet that says what the workbook was made from.</summary>
    public const string AboutSheet = "说明";

    private const double MaxColumnWidth = 60;

    /// <summary>Writes the workbook to a file.</summary>
    public static void Write(string path, LedgerWorkbook workbook)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        Write(stream, workbook);
    }

    /// <summary>Writes the workbook to a stream.</summary>
    public static void Write(Stream stream, LedgerWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(workbook);
        WriteAsync(stream, workbook).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(Stream stream, LedgerWorkbook workbook)
    {
        var options = new SpreadCheetahOptions { DocumentProperties = null, PreserveStringWhitespace = true };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, options).ConfigureAwait(false);
        var styles = new Styles(spreadsheet);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { AboutSheet };
        foreach (var sheet in workbook.Sheets)
        {
            await WriteSheetAsync(spreadsheet, styles, SheetNames.Legal(sheet.Name, taken), sheet).ConfigureAwait(false);
        }

        await WriteSheetAsync(spreadsheet, styles, AboutSheet, About(workbook)).ConfigureAwait(false);
        await spreadsheet.FinishAsync().ConfigureAwait(false);
    }

    private static async Task WriteSheetAsync(Spreadsheet spreadsheet, Styles styles, string name, LedgerSheet sheet)
    {
        var columns = sheet.Columns;
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var c = 0; c < columns.Count; c++)
        {
            var width = Math.Max(DisplayWidth(columns[c].Header), sheet.Rows.Select(r => c < r.Count ? DisplayWidth(Shown(columns[c], r[c])) : 0).DefaultIfEmpty(0).Max());
            options.Column(c + 1).Width = Math.Clamp(width + 2, 6, MaxColumnWidth);
        }

        await spreadsheet.StartWorksheetAsync(name, options).ConfigureAwait(false);
        await spreadsheet.AddRowAsync(columns.Select(column => new Cell(CellText(column.Header), styles.Header)).ToArray()).ConfigureAwait(false);
        foreach (var row in sheet.Rows)
        {
            var cells = new Cell[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                cells[c] = CellOf(columns[c], c < row.Count ? row[c] : null, styles);
            }

            await spreadsheet.AddRowAsync(cells).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The first day Excel shows as the same day: its serials start at 1900-01-01, which it counts from 1 where OLE dates
    /// count 2 (Excel has a 29 February 1900), so a date cell before 1 March 1900 shows the day after, one before 1900
    /// shows ######## and one before the year 100 cannot be written at all (OverflowException, an internal error). Such a
    /// date (a typed <c>0024-02-06</c>, an "empty" 1900-01-01) is written as text.
    /// </summary>
    private static readonly DateOnly FirstTrueExcelDate = new(1900, 3, 1);

    private static Cell CellOf(LedgerColumn column, object? value, Styles styles) => (column.Kind, value) switch
    {
        (_, null) => new Cell((string?)null),
        (LedgerCellKind.Date, DateOnly d) when d >= FirstTrueExcelDate => new Cell(d.ToDateTime(TimeOnly.MinValue), styles.Date),
        (LedgerCellKind.Date, DateOnly d) => new Cell(CellText(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        (LedgerCellKind.Integer, int i) => new Cell(i),
        (LedgerCellKind.Integer, long l) => new Cell(l),
        (LedgerCellKind.Number or LedgerCellKind.Percent or LedgerCellKind.Integer, double v) =>
            double.IsFinite(v) ? new Cell(v, styles.NumberStyle(column)) : new Cell((string?)null),
        (LedgerCellKind.Number or LedgerCellKind.Percent, int i) => new Cell(i, styles.NumberStyle(column)),
        (LedgerCellKind.Number or LedgerCellKind.Percent, long l) => new Cell(l, styles.NumberStyle(column)),
        _ => new Cell(CellText(Convert.ToString(value, CultureInfo.InvariantCulture))),
    };

    /// <summary>
    /// Text as a cell holds it: neutralised against formula injection (<see cref="SpreadsheetText"/>), control
    /// characters XML cannot carry shown as their Unicode control pictures (ESC → ␛), a lone surrogate as U+FFFD,
    /// cut at <see cref="MaxCellText"/> with <see cref="CutMark"/>.
    /// </summary>
    public static string CellText(string? text)
    {
        var neutral = SpreadsheetText.Neutralise(text);
        var builder = new StringBuilder(neutral.Length);
        for (var i = 0; i < neutral.Length; i++)
        {
            var c = neutral[i];
            if (char.IsHighSurrogate(c) && i + 1 < neutral.Length && char.IsLowSurrogate(neutral[i + 1]))
            {
                builder.Append(c).Append(neutral[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                builder.Append('\uFFFD');
            }
            else if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                builder.Append((char)(0x2400 + c));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length <= MaxCellText)
        {
            return builder.ToString();
        }

        var keep = MaxCellText - CutMark.Length;
        if (char.IsHighSurrogate(builder[keep - 1]))
        {
            keep--;
        }

        return builder.ToString(0, keep) + CutMark;
    }

    /// <summary>Columns a value takes on screen: East Asian wide characters count two.</summary>
    public static int DisplayWidth(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF)
                || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD) ? 2 : 1;
            if (width > MaxColumnWidth)
            {
                break;
            }
        }

        return width;
    }

    private static string? Shown(LedgerColumn column, object? value) => (column.Kind, value) switch
    {
        (_, null) => null,
        (LedgerCellKind.Date, _) => "2026-06-30",
        (LedgerCellKind.Percent, double v) => v.ToString("0.00%", CultureInfo.InvariantCulture),
        (LedgerCellKind.Number, double v) => v.ToString("N" + column.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static LedgerSheet About(LedgerWorkbook workbook)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "台账", workbook.Title, null, null },
            new object?[] { "数据集", workbook.Dataset, null, null },
            new object?[] { "统计截止日期", workbook.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "（无）", null, null },
            new object?[] { "规则文件", workbook.RulesFile ?? "（默认规则，见 docs/rules.md）", null, null },
        };
        rows.AddRange(workbook.Notes.Select(n => (IReadOnlyList<object?>)new object?[] { n.Item, n.Value, null, null }));
        rows.Add(new object?[] { "数据问题", workbook.Issues.Count == 0 ? "无" : workbook.Issues.Count.ToString(CultureInfo.InvariantCulture) + " 条（见下）", null, null });
        rows.AddRange(workbook.Issues.Select(i => (IReadOnlyList<object?>)new object?[] { i.Code, i.Layer, i.Feature, i.Message }));
        return new LedgerSheet(AboutSheet, [LedgerColumn.Text("项目"), LedgerColumn.Text("内容"), LedgerColumn.Text("要素"), LedgerColumn.Text("说明")], rows);
    }

    /// <summary>The styles of a workbook, added once.</summary>
    private sealed class Styles(Spreadsheet spreadsheet)
    {
        private readonly Dictionary<(LedgerCellKind, int), StyleId> _numbers = [];

        public StyleId Header { get; } = spreadsheet.AddStyle(new Style { Font = { Bold = true } });

        public StyleId Date { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });

        public StyleId? NumberStyle(LedgerColumn column)
        {
            if (column.Kind == LedgerCellKind.Integer)
            {
                return null;
            }

            var key = (column.Kind, Math.Clamp(column.Decimals, 0, 10));
            if (!_numbers.TryGetValue(key, out var style))
            {
                var digits = key.Item2 == 0 ? "0" : "0." + new string('0', key.Item2);
                _numbers[key] = style = spreadsheet.AddStyle(new Style
                {
                    Format = SpreadCheetah.Styling.NumberFormat.Custom(column.Kind == LedgerCellKind.Percent ? digits + "%" : "#,##" + digits),
                });
            }

            return style;
        }
    }
}
