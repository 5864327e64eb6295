using System.CommandLine;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Publishing;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis idle DATASET --as-of DATE --out DIR [--fix] [--overwrite]</c>.</summary>
internal static class IdleCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["idle.json", "idle.geojson"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var asOf = AsOfOption.Build();
        var fix = CommonOptions.FixOption();
        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "idle",
            "Idle land (闲置土地, 闲置土地处置办法 2012) on an as-of date: each parcel's status, idle days, idle fee (20 % of the land price) "
            + "and whether it may be reclaimed (two full years); totals per park and the supplied-but-unstarted land (供而未用). "
            + "Writes DIR/idle.json and DIR/idle.geojson. Exit 0: no idle land, 1: idle land found, 2: usage error, 3: unusable input."
            + "\n\nExample:\n  parkgis idle sample-geodata/ordos --as-of 2026-06-30 --out out")
        {
            dataset, asOf, output, fix, overwrite, format,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            run.UseFormat(parse.GetValue(format));
            var date = AsOfOption.Value(parse, asOf);
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(parse.GetRequiredValue(dataset)));
            var result = run.Assess(parse.GetRequiredValue(dataset), parse.GetValue(fix)).Idle(date);
            run.Progress.Report("writing results");
            IdleJsonWriter.Write(folder.PathOf("idle.json"), result);
            run.WriteLayer(folder, IdleResults.Layer(result));
            run.Commit(folder);
            IdleSummary.Write(run.Stdout, result, folder.Destination);
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, result.HasIdleLand, result.Issues));
        });
        return command;
    }
}
