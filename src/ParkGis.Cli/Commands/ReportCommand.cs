using System.CommandLine;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Supply;
using ParkGis.Core.Publishing;
using ParkGis.IO.Datasets;
using ParkGis.IO.Output;
using ParkGis.Web.Export;
using ParkGis.Web.Report;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis report DATASET --out DIR [--tianditu-key KEY] [--as-of DATE] [--pdf] [--overwrite]</c>.</summary>
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
            dataset, output, tianditu, asOf, pdf, overwrite,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var progress = new StderrProgress(parse.InvocationConfiguration.Error);
            var datasetName = parse.GetRequiredValue(dataset);
            var browser = parse.GetValue(pdf) ? ReportPdf.RequireBrowser() : null;
            using var folder = OutputFolder.Begin(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(datasetName));
            var data = DatasetSource.ReadFolder(datasetName, progress);
            var date = AsOfOption.OptionalValue(parse, asOf);
            var results = ResultCatalog.Collect(data, ConflictCheckOptions.Default, progress, date);
            var layers = PublishedLayers.From(data, results);
            var figures = ReportFiguresOf(data, date);
            progress.Report("writing the report");
            var key = parse.GetValue(tianditu);
            var content = new ReportContent(datasetName, layers, results, figures, string.IsNullOrWhiteSpace(key) ? null : key.Trim(), DateOnly.FromDateTime(DateTime.Now), date);
            ReportPage.Write(folder.PathOf("index.html"), content);
            if (browser is not null)
            {
                progress.Report("printing the report to PDF (headless Chromium)");
                ReportPdf.Print(browser, folder.PathOf("index.html"), folder.PathOf("report.pdf"));
            }

            folder.Commit();
            stdout.WriteLine($"Report written to {Path.Combine(folder.Destination, "index.html")}");
            return ExitCodes.Conclude(stdout, results.HasFindings, results.Issues);
        });
        return command;
    }

    private static ReportFigures ReportFiguresOf(Dataset data, DateOnly? asOf)
    {
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        SupplyFigures? supply = null;
        if (asOf is not { } date)
        {
            missing["supply"] = "未给截至日期（--as-of），未做供地分析。";
        }
        else if (data.Find(LayerRole.Approvals) is null || data.Find(LayerRole.Parcels) is null)
        {
            missing["supply"] = "数据集缺少建设用地批次或宗地图层，无法计算供地率。";
        }
        else
        {
            supply = SupplyFigures.Of(new SupplyLedger(SupplyLedgerOptions.Default).Compute(data, date));
        }

        return new ReportFigures { Supply = supply, Missing = missing };
    }
}
