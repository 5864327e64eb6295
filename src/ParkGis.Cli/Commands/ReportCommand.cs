using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Web.Export;
using ParkGis.Web.Report;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis report DATASET --out DIR [--tianditu-key KEY] [--as-of DATE] [--pdf] [--tile-over N] [--fix] [--overwrite]</c>.</summary>
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
            Description = Text.Get("TiandituKeyOption"),
            HelpName = "KEY",
        };
        var asOf = AsOfOption.BuildOptional(
            Text.Get("PublishAsOfOption"));
        var tileOver = new Option<int>("--tile-over")
        {
            Description = Text.Get("TileOverOption"),
            DefaultValueFactory = _ => ReportTiling.Default.MaxInlineFeatures,
            HelpName = "N",
        };
        tileOver.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(Text.Get("TileOverInvalid"));
            }
        });
        var fix = CommonOptions.FixOption();
        var pdf = new Option<bool>("--pdf")
        {
            Description = Text.Get("PdfOption"),
        };
        var command = new Command(
            "report",
            Text.Get("ReportCommand"))
        {
            dataset, output, tianditu, asOf, pdf, tileOver, fix, overwrite,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            var datasetName = parse.GetRequiredValue(dataset);
            var browser = parse.GetValue(pdf) ? ReportPdf.RequireBrowser() : null;
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(datasetName));
            var assessment = run.Assess(datasetName, parse.GetValue(fix));
            var date = AsOfOption.OptionalValue(parse, asOf);
            using var coverageComputing = ReportFigureSources.Begin(assessment);
            var results = coverageComputing.AbandonIfFails(() => assessment.Publication(date));
            using var figuresComputing = ReportFigureSources.BeginAfterPublication(assessment, date);
            var layers = PublishedLayers.From(assessment.Dataset, results);
            run.Progress.Report(Text.Get("ProgressWritingReport"));
            var key = parse.GetValue(tianditu);
            run.Cancellation.ThrowIfCancellationRequested();
            var tiling = ReportTiling.Default with { MaxInlineFeatures = parse.GetValue(tileOver) };
            var content = new ReportContent(assessment.Name, layers, results, () => ReportFigureSources.Of(assessment, date), string.IsNullOrWhiteSpace(key) ? null : key.Trim(), BeijingClock.Today, date, tiling);
            ReportPage.Write(folder.PathOf("index.html"), content, run.Progress);
            if (browser is not null)
            {
                run.Progress.Report(Text.Get("ProgressPrintingPdf"));
                ReportPdf.Print(browser, folder.PathOf("index.html"), folder.PathOf("report.pdf"), run.Cancellation);
            }

            return run.PrintAndCommit(folder, static _ => { }, stdout =>
            {
                stdout.WriteLine(Text.Format("ReportWrittenTo", Path.Combine(folder.Destination, "index.html")));
                return ExitCodes.Conclude(stdout, results.HasFindings, results.Issues);
            });
        });
        return command;
    }
}
