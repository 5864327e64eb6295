using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Publishing;
using ParkGis.IO.Configuration;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis infrastructure DATASET --out DIR [--rules FILE] [--fix] [--overwrite]</c>: 九通一平 coverage.</summary>
internal static class InfrastructureCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["infrastructure.json", "unserved.geojson"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var rules = CommonOptions.RulesOption();
        var fix = CommonOptions.FixOption();
        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "infrastructure",
            Text.Get("InfrastructureCommand"))
        {
            dataset, output, rules, fix, overwrite, format,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            run.UseFormat(parse.GetValue(format));
            var loaded = RulesFile.Load(parse.GetValue(rules));
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var result = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix), rules: loaded).Infrastructure(loaded.Scorecard.Infrastructure);
            run.Progress.Report(Text.Get("ProgressWritingResults"));
            InfrastructureJsonWriter.Write(folder.PathOf("infrastructure.json"), result);
            run.WriteLayer(folder, InfrastructureResults.Unserved(result));
            run.Commit(folder);
            InfrastructureSummary.Write(run.Stdout, result, folder.Destination);
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, result.HasFailures, result.Issues));
        });
        return command;
    }
}
