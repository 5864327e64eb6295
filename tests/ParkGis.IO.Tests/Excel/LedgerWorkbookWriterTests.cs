using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParkGis.IO.Excel;
using SheetNames = ParkGis.IO.Excel.SheetNames;

namespace ParkGis.IO.Tests.Excel;

public sealed class LedgerWorkbookWriterTests
{
    [Theory]
    [InlineData("批而未供台账", "批而未供台账")]
    [InlineData("a[b]c:d*e?f/g\\h", "a_b_c_d_e_f_g_h")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("tab\there", "tab_here")]
    [InlineData("History", "Sheet1")]
    [InlineData("", "Sheet1")]
    public void Attack_sheet_names_with_characters_Excel_forbids_are_made_legal(string wanted, string expected)
    {
        Assert.Equal(expected, SheetNames.Legal(wanted, new HashSet<string>(StringComparer.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Attack_long_and_duplicate_sheet_names_are_cut_to_31_characters_and_numbered()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var name = new string('园', 40);

        var first = SheetNames.Legal(name, taken);
        var second = SheetNames.Legal(name, taken);
        var upper = SheetNames.Legal("ABC", taken);
        var lower = SheetNames.Legal("abc", taken);

        Assert.Equal(new string('园', 31), first);
        Assert.Equal(new string('园', 28) + "(2)", second);
        Assert.Equal("ABC", upper);
        Assert.Equal("abc(2)", lower);
    }

    [Fact]
    public void A_workbook_read_back_with_Open_XML_has_number_date_and_text_cells_where_the_columns_say()
    {
        using var stream = new MemoryStream();
        var sheet = new LedgerSheet("a/b", [LedgerColumn.Text("宗地编号"), LedgerColumn.Number("面积（亩）"), LedgerColumn.Date("供地日期"), LedgerColumn.Percent("供地率"), LedgerColumn.Integer("宗数")],
            [["007", 1.5, new DateOnly(2024, 2, 29), 0.25, 3], ["=1+1", null, "2024-13-45", double.NaN, null]]);

        LedgerWorkbookWriter.Write(stream, new LedgerWorkbook("测试", "ordos", new DateOnly(2026, 6, 30), null, [sheet], []));

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["a_b", "说明"], sheets);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal(CellValues.InlineString, rows[1][0].DataType!.Value);
        Assert.Equal("007", rows[1][0].InnerText);
        Assert.Null(rows[1][1].DataType);
        Assert.Equal("1.5", rows[1][1].CellValue!.Text);
        Assert.Equal(new DateTime(2024, 2, 29), DateTime.FromOADate(double.Parse(rows[1][2].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("'=1+1", rows[2][0].InnerText);
        Assert.Null(rows[2][0].CellFormula);
        Assert.Equal("2024-13-45", rows[2][2].InnerText);
        Assert.True(rows[2][3].CellValue is null, "NaN is written as an empty cell");
    }

    [Fact]
    public void Attack_text_over_32767_characters_is_cut_at_the_cell_limit_without_splitting_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("𠀀", 20_000));

        var cell = LedgerWorkbookWriter.CellText(text);

        Assert.True(cell.Length <= LedgerWorkbookWriter.MaxCellText, cell.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(LedgerWorkbookWriter.CutMark, cell, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(cell[^(LedgerWorkbookWriter.CutMark.Length + 1)]));
    }

    [Fact]
    public void Display_width_counts_a_CJK_character_as_two_columns()
    {
        Assert.Equal(8, LedgerWorkbookWriter.DisplayWidth("面积（亩）") - 2);
        Assert.Equal(4, LedgerWorkbookWriter.DisplayWidth("P01x"));
    }
}
