using System.CommandLine;
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
        var rules = RulesOption();
        var fix = CommonOptions.FixOption();
        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "infrastructure",
            "Measure 九通一平 coverage: per park and utility network (roads, water_supply, drainage, sewage, power, gas, heating, telecom, steam) "
            + "the share of supplied/built parcels within the service distance, the parcels not served, and whether the park meets 九通一平; "
            + "writes DIR/infrastructure.json and DIR/unserved.geojson. Exit 0: every park meets it or is unknown, 1: some park does not, "
            + "2: usage error, 3: unusable input.\n\nExample:\n  parkgis infrastructure sample-geodata/ordos --out out")
        {
            dataset, output, rules, fix, overwrite, format,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            run.UseFormat(parse.GetValue(format));
            var loaded = ScorecardRulesFile.Load(parse.GetValue(rules));
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset), parse.GetValue(rules)));
            var result = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix)).Infrastructure(loaded.Infrastructure);
            run.Progress.Report("writing results");
            InfrastructureJsonWriter.Write(folder.PathOf("infrastructure.json"), result);
            run.WriteLayer(folder, InfrastructureResults.Unserved(result));
            run.Commit(folder);
            InfrastructureSummary.Write(run.Stdout, result, folder.Destination);
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, result.HasFailures, result.Issues));
        });
        return command;
    }

    /// <summary><c>--rules FILE</c>, shared with scorecard.</summary>
    public static Option<string?> RulesOption() => new("--rules")
    {
        Description = "Rules file (JSON): indicator weights and scoring, leading-industry minimum share, service distances. Defaults: docs/scorecard-rules.md.",
        HelpName = "FILE",
    };
}
