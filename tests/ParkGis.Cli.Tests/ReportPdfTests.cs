using System.Text;
using ParkGis.Web.Report;

namespace ParkGis.Cli.Tests;

public sealed class ReportPdfTests
{
    [NodeToolsFact(needsChromium: true)]
    public void Report_pdf_prints_the_report_through_headless_chromium_on_A3_landscape_pages()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--out", output, "--as-of", "2026-06-30", "--pdf");

        Assert.True(run.ExitCode == 1, run.ToString());
        var pdf = File.ReadAllBytes(Path.Combine(output, "report.pdf"));
        Assert.True(pdf.Length > 50_000, $"report.pdf has {pdf.Length} bytes");
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);

        // Every page is A3 landscape: 420 × 297 mm = 1190.55 × 841.89 pt.
        var boxes = System.Text.RegularExpressions.Regex.Matches(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b =>
        {
            Assert.InRange(double.Parse(b.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1189, 1192);
            Assert.InRange(double.Parse(b.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 840, 843);
        });
    }

    [Fact]
    public void Report_pdf_without_chromium_exits_3_with_a_hint_and_writes_nothing()
    {
        var empty = RepositoryPaths.NewTempFolder();

        Assert.Null(ReportPdf.FindBrowser(named: null, path: empty));
        Assert.Null(ReportPdf.FindBrowser(named: Path.Combine(empty, "chromium"), path: "/usr/bin"));
        var error = Assert.Throws<ParkGis.Core.Errors.UnusableInputException>(() => ReportPdf.RequireBrowser(null));
        Assert.Equal("PG0411", error.Code);
        Assert.Contains("apt-get install chromium", error.Hint, StringComparison.Ordinal);
    }
}
