using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Publishing;
using ParkGis.IO.Configuration;
using ParkGis.Core.Data;
using ParkGis.IO.Excel;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis infrastructure DATASET --out DIR [--rules FILE] [--fix] [--overwrite]</c>: 九通一平 coverage.</summary>
internal static class InfrastructureCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["infrastructure.json", "unserved.geojson", "infrastructure.xlsx"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var rules = CommonOptions.RulesOption();
        var fix = CommonOptions.FixOption();
        var format = CommonOptions.GisFormatOption();
        var xlsx = CommonOptions.XlsxOption();
        var command = new Command(
            "infrastructure",
            Text.Get("InfrastructureCommand"))
        {
            dataset, output, rules, fix, overwrite, format, xlsx,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            run.UseFormat(parse.GetValue(format));
            var loaded = RulesFile.Load(parse.GetValue(rules));
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var assessment = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix), rules: loaded);
            var result = assessment.Infrastructure(loaded.Scorecard.Infrastructure);
            run.Progress.Report(Text.Get("ProgressWritingResults"));
            // unserved.geojson (tens of MB at city scale) is written on the thread pool while infrastructure.json is.
            var json = folder.PathOf("infrastructure.json");
            using (var unserved = run.BeginWriteLayer(folder, InfrastructureResults.Unserved(result)))
            {
                InfrastructureJsonWriter.Write(json, result);
                unserved.Finish();
            }

            if (parse.GetValue(xlsx))
            {
                run.WriteWorkbook(folder, "infrastructure.xlsx", Text.Get("LedgerInfrastructure"), parse.GetRequiredValue(dataset), null, parse.GetValue(rules),
                    InfrastructureLedgers.Of(result, new SourceRecords(assessment.Layer(LayerRole.Parcels))), result.Issues);
            }
            return run.PrintAndCommit(folder,
                stdout => InfrastructureSummary.Write(stdout, result),
                stdout =>
                {
                    folder.WriteResultsLine(stdout, "infrastructure.json", "unserved.geojson");
                    return ExitCodes.Conclude(stdout, result.HasFailures, result.Issues);
                });
        });
        return command;
    }
}
