using System.CommandLine;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Infrastructure;
using ParkGis.IO.Configuration;
using ParkGis.IO.Datasets;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis infrastructure DATASET --out DIR [--rules FILE] [--overwrite]</c>: 九通一平 coverage.</summary>
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
        var command = new Command(
            "infrastructure",
            "Measure 九通一平 coverage: per park and utility network (roads, water_supply, drainage, sewage, power, gas, heating, telecom, steam) "
            + "the share of supplied/built parcels within the service distance, the parcels not served, and whether the park meets 九通一平; "
            + "writes DIR/infrastructure.json and DIR/unserved.geojson. Exit 0: every park meets it or is unknown, 1: some park does not, "
            + "2: usage error, 3: unusable input.\n\nExample:\n  parkgis infrastructure sample-geodata/ordos --out out")
        {
            dataset, output, rules, overwrite,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var progress = new StderrProgress(parse.InvocationConfiguration.Error);
            var loaded = ScorecardRulesFile.Load(parse.GetValue(rules));
            var path = parse.GetRequiredValue(dataset);
            using var folder = OutputFolder.Begin(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(path, parse.GetValue(rules)));
            var data = DatasetSource.ReadFolder(path, progress);
            var result = new InfrastructureCheck(loaded.Infrastructure, progress).Check(data, DatasetParkProfiles.Load(path, data));
            progress.Report("writing results");
            InfrastructureJsonWriter.Write(folder.PathOf("infrastructure.json"), result);
            UnservedParcelsWriter.Write(folder.PathOf("unserved.geojson"), result);
            folder.Commit();
            InfrastructureSummary.Write(stdout, result, folder.Destination);
            return ExitCodes.Conclude(stdout, result.HasFailures, result.Issues);
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
