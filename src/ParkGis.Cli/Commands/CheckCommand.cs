using System.CommandLine;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Publishing;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis check DATASET --out DIR [--min-area M2] [--fix] [--overwrite] [--engine local|postgis] [--write pg:… [--run-id ID]]</c>.</summary>
internal static class CheckCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["check.json", "conflicts.geojson"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var minArea = new Option<double>("--min-area")
        {
            Description = "Conflict polygons under this area in m² are slivers: counted as suppressed, not as patches.",
            DefaultValueFactory = _ => ConflictCheckOptions.Default.MinAreaM2,
            HelpName = "M2",
        };
        minArea.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!double.IsFinite(value) || value < 0)
            {
                result.AddError("--min-area must be a number of square metres, 0 or more.");
            }
        });
        var fix = CommonOptions.FixOption();

        var engine = new Option<string>("--engine")
        {
            Description = "Where the overlays run: local (in this process) or postgis (as SQL in the database; needs a pg: dataset).",
            DefaultValueFactory = _ => "local",
            HelpName = "local|postgis",
        };
        engine.AcceptOnlyFromAmong("local", "postgis");
        var write = CheckResultOptions.WriteOption();
        var runId = CheckResultOptions.RunIdOption();

        var format = CommonOptions.GisFormatOption();
        var command = new Command(
            "check",
            "Check every park against the ecological red line, permanent farmland, the urban development boundary and the other parks "
            + "(三区三线冲突检查); writes DIR/check.json and DIR/conflicts.geojson. Exit 0: no conflicts, 1: conflicts found, "
            + "2: usage error, 3: unusable input.\n\nExample:\n  parkgis check sample-geodata/ordos --out out")
        {
            dataset, output, minArea, fix, overwrite, engine, write, runId, format,
        };
        command.SetAction((parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            run.UseFormat(parse.GetValue(format));
            var options = new ConflictCheckOptions(parse.GetValue(minArea), parse.GetValue(fix));
            var datasetName = parse.GetRequiredValue(dataset);
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(datasetName));
            var result = parse.GetValue(engine) == "postgis"
                ? CheckResultOptions.RunInDatabase(datasetName, options, run.Progress, cancellation)
                : run.Assess(datasetName, options.FixInvalidGeometry, DatasetScope.ConflictCheck).Conflicts(options.MinAreaM2);
            run.Progress.Report("writing results");
            CheckJsonWriter.Write(folder.PathOf("check.json"), result);
            run.WriteLayer(folder, ConflictResults.Layer(result));
            if (parse.GetValue(write) is { } target)
            {
                // The database rows wait in an open transaction that commits only after the files are in place
                // (and the files roll back when that commit fails): both change, or neither.
                var (pending, written) = CheckResultOptions.Prepare(target, parse.GetValue(runId), datasetName, options, result, run);
                using (pending)
                {
                    run.Commit(folder, pending.Commit);
                }

                run.Stdout.WriteLine(written);
            }
            else
            {
                run.Commit(folder);
            }

            CheckSummary.Write(run.Stdout, result, folder.Destination);
            return Task.FromResult(ExitCodes.Conclude(run.Stdout, result.HasConflicts, result.Issues));
        });
        return command;
    }
}
