using System.CommandLine;
using ParkGis.Web.Export;
using ParkGis.Web.Report;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis report DATASET --out DIR [--tianditu-key KEY] [--as-of DATE] [--pdf] [--fix] [--overwrite]</c>.</summary>
internal static class ReportCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["index.html", "report.pdf"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var tianditu = new Option<string?>("--tianditu-key")
        {
            Description = "A 天地图 (Tianditu) browser key: adds the 天地图 vector base map (the only thing the page then loads from the network).",
            HelpName = "KEY",
        };
        var asOf = AsOfOption.BuildOptional(
            "As-of date (截至日期) of the supply (批而未供, 未批先供, 供地率) and idle-land (闲置土地) results; without it only the conflict results are published.");
        var fix = CommonOptions.FixOption();
        var pdf = new Option<bool>("--pdf")
        {
            Description = "Also print the report to DIR/report.pdf (A3 landscape map sheet, then the charts and tables) through headless Chromium, found on PATH or in PARKGIS_CHROMIUM.",
        };
        var command = new Command(
            "report",
            "Run the analyses and write DIR/index.html (成果报告): a self-contained map report that opens from file:// without network — "
            + "a map sheet with the district boundaries of the cities the data lies in, park labels, a legend and the print layout (A3 landscape), "
            + "every layer toggleable, attributes on click in Chinese, the charts of every analysis the dataset allows and the findings tables. "
            + "Exit 0: no findings, 1: findings, 2: usage error, 3: unusable input.\n\n"
            + "Examples:\n  parkgis report sample-geodata/ordos --out report --as-of 2026-06-30 --pdf\n  parkgis report sample-geodata/ordos --out report --tianditu-key YOUR_KEY")
        {
            dataset, output, tianditu, asOf, pdf, fix, overwrite,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            var datasetName = parse.GetRequiredValue(dataset);
            var browser = parse.GetValue(pdf) ? ReportPdf.RequireBrowser() : null;
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(datasetName));
            var assessment = run.Assess(datasetName, parse.GetValue(fix));
            var date = AsOfOption.OptionalValue(parse, asOf);
            var results = assessment.Publication(date);
            var layers = PublishedLayers.From(assessment.Dataset, results);
            var figures = ReportFigureSources.Of(assessment, date);
            run.Progress.Report("writing the report");
            var key = parse.GetValue(tianditu);
            cancellation.ThrowIfCancellationRequested();
            var content = new ReportContent(assessment.Name, layers, results, figures, string.IsNullOrWhiteSpace(key) ? null : key.Trim(), DateOnly.FromDateTime(DateTime.Now), date);
            ReportPage.Write(folder.PathOf("index.html"), content);
            if (browser is not null)
            {
                run.Progress.Report("printing the report to PDF (headless Chromium)");
                ReportPdf.Print(browser, folder.PathOf("index.html"), folder.PathOf("report.pdf"), cancellation);
            }

            run.Commit(folder);
            run.Stdout.WriteLine($"Report written to {Path.Combine(folder.Destination, "index.html")}");
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, results.HasFindings, results.Issues));
        });
        return command;
    }
}
