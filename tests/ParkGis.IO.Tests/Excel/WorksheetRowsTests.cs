using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParkGis.Core.Errors;
using ParkGis.IO.Excel;

namespace ParkGis.IO.Tests.Excel;

/// <summary>The first sheet of a workbook read as rows of text (written here by the Open XML SDK, as Excel writes it).</summary>
public sealed class WorksheetRowsTests
{
    /// <summary>A workbook with shared strings, a date-formatted number, a sparse row and a blank row.</summary>
    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("parcel_id")), new SharedStringItem(new Text("year")), new SharedStringItem(new Run(new Text("P")), new Run(new Text("1"))));
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }),
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 4 }));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                    new Cell { CellReference = "D1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("date")) }),
                new Row(new Cell { CellReference = "A2" }),
                new Row(new Cell { CellReference = "A3", DataType = CellValues.SharedString, CellValue = new CellValue("2") },
                    new Cell { CellReference = "B3", StyleIndex = 2, CellValue = new CellValue("2025") },
                    new Cell { CellReference = "D3", StyleIndex = 1, CellValue = new CellValue("45658") })));
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "经济指标" }));
        }

        return stream.ToArray();
    }

    [Fact]
    public void Shared_and_inline_strings_numbers_and_date_cells_read_as_text_in_their_columns()
    {
        var rows = WorksheetRows.Read("economics.xlsx", Workbook());

        Assert.Equal(2, rows.Count);
        Assert.Equal(["parcel_id", "year", "", "date"], rows[0]);
        Assert.Equal(["P1", "2025", "", "2025-01-01"], rows[1]);
    }

    [Fact]
    public void Attack_an_excel_97_xls_is_refused_with_pg0104_naming_it_and_the_hint_save_it_as_xlsx()
    {
        var e = Assert.Throws<UnusableInputException>(() => WorksheetRows.Read("经济指标.XLS", Workbook()));

        Assert.Equal(ErrorCodes.UnreadableInput, e.Code);
        Assert.Contains("经济指标.XLS", e.Message, StringComparison.Ordinal);
        Assert.Contains("save it as .xlsx", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_a_zip_that_is_not_a_workbook_is_pg0104_not_a_crash()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("not a workbook");
        }

        var e = Assert.Throws<UnusableInputException>(() => WorksheetRows.Read("economics.xlsx", stream.ToArray()));

        Assert.Equal(ErrorCodes.UnreadableInput, e.Code);
    }
}
