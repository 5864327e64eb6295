using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Publishing;
using ParkGis.IO.Configuration;
using ParkGis.Core.Data;
using ParkGis.IO.Excel;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis idle DATASET --as-of DATE --out DIR [--rules FILE] [--fix] [--overwrite]</c>.</summary>
internal static class IdleCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["idle.json", "idle.geojson", "idle.xlsx"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var asOf = AsOfOption.Build();
        var fix = CommonOptions.FixOption();
        var format = CommonOptions.GisFormatOption();
        var rules = CommonOptions.RulesOption();
        var xlsx = CommonOptions.XlsxOption();
        var command = new Command(
            "idle",
            Text.Get("IdleCommand"))
        {
            dataset, asOf, output, rules, fix, overwrite, format, xlsx,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            run.UseFormat(parse.GetValue(format));
            var date = AsOfOption.Value(parse, asOf);
            var loaded = RulesFile.Load(parse.GetValue(rules));
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var assessment = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix), parse.GetValue(xlsx) ? DatasetScope.IdleWithLedger : DatasetScope.Idle, loaded);
            var result = assessment.Idle(date);
            run.Progress.Report(Text.Get("ProgressWritingResults"));
            var json = folder.PathOf("idle.json");
            ConcurrentWrites.Run(
                () => run.WriteLayer(folder, IdleResults.Layer(result)),
                () => IdleJsonWriter.Write(json, result));
            if (parse.GetValue(xlsx))
            {
                run.WriteWorkbook(folder, "idle.xlsx", Text.Get("LedgerIdle"), parse.GetRequiredValue(dataset), date, parse.GetValue(rules),
                    IdleLedgers.Of(result, new SourceRecords(assessment.Layer(LayerRole.Parcels))), result.Issues);
            }

            return run.PrintAndCommit(folder,
                stdout => IdleSummary.Write(stdout, result),
                stdout =>
                {
                    folder.WriteResultsLine(stdout, "idle.json", "idle.geojson");
                    return ExitCodes.Conclude(stdout, result.HasIdleLand, result.Issues);
                });
        });
        return command;
    }
}
