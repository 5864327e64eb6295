using System.CommandLine;
using ParkGis.Web.Export;
using ParkGis.Web.Report;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis report DATASET --out DIR [--tianditu-key KEY] [--as-of DATE] [--fix] [--overwrite]</c>.</summary>
internal static class ReportCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["index.html"];

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
        var command = new Command(
            "report",
            "Run the analyses and write DIR/index.html (成果报告): a self-contained map report that opens from file:// without network — "
            + "every layer toggleable, findings highlighted, attributes on click, the findings tables and the supply rate per park. "
            + "Exit 0: no findings, 1: findings, 2: usage error, 3: unusable input.\n\n"
            + "Examples:\n  parkgis report sample-geodata/ordos --out report --as-of 2026-06-30\n  parkgis report sample-geodata/ordos --out report --tianditu-key YOUR_KEY")
        {
            dataset, output, tianditu, asOf, fix, overwrite,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            var datasetName = parse.GetRequiredValue(dataset);
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(datasetName));
            var assessment = run.Assess(datasetName, parse.GetValue(fix));
            var results = assessment.Publication(AsOfOption.OptionalValue(parse, asOf));
            var layers = PublishedLayers.From(assessment.Dataset, results);
            run.Progress.Report("writing the report");
            var key = parse.GetValue(tianditu);
            cancellation.ThrowIfCancellationRequested();
            ReportPage.Write(folder.PathOf("index.html"), assessment.Name, layers, results, string.IsNullOrWhiteSpace(key) ? null : key.Trim());
            run.Commit(folder);
            run.Stdout.WriteLine($"Report written to {Path.Combine(folder.Destination, "index.html")}");
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, results.HasFindings, results.Issues));
        });
        return command;
    }
}
