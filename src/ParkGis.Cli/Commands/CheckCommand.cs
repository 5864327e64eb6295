using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Publishing;
using ParkGis.IO.Excel;
using ParkGis.IO.Output;

namespace ParkGis.Cli.Commands;

/// <summary><c>parkgis check DATASET --out DIR [--min-area M2] [--fix] [--overwrite] [--engine local|postgis] [--write pg:… [--run-id ID]]</c>.</summary>
internal static class CheckCommand
{
    /// <summary>Files the command writes into DIR.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } = ["check.json", "conflicts.geojson", "check.xlsx"];

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = CommonOptions.DatasetArgument();
        var output = CommonOptions.OutOption();
        var overwrite = CommonOptions.OverwriteOption();
        var minArea = new Option<double>("--min-area")
        {
            Description = Text.Get("MinAreaOption"),
            DefaultValueFactory = _ => ConflictCheckOptions.Default.MinAreaM2,
            HelpName = "M2",
        };
        minArea.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!double.IsFinite(value) || value < 0)
            {
                result.AddError(Text.Get("MinAreaInvalid"));
            }
        });
        var fix = CommonOptions.FixOption();

        var engine = new Option<string>("--engine")
        {
            Description = Text.Get("EngineOption"),
            DefaultValueFactory = _ => "local",
            HelpName = "local|postgis",
        };
        engine.AcceptOnlyFromAmong("local", "postgis");
        var write = CheckResultOptions.WriteOption();
        var runId = CheckResultOptions.RunIdOption();

        var format = CommonOptions.GisFormatOption();
        var xlsx = CommonOptions.XlsxOption();
        var command = new Command(
            "check",
            Text.Get("CheckCommand"))
        {
            dataset, output, minArea, fix, overwrite, engine, write, runId, format, xlsx,
        };
        CommandRun.SetAction(command, (parse, run) =>
        {
            run.UseFormat(parse.GetValue(format));
            var options = new ConflictCheckOptions(parse.GetValue(minArea), parse.GetValue(fix));
            var datasetName = parse.GetRequiredValue(dataset);
            using var folder = run.BeginOutput(parse.GetRequiredValue(output), OutputFiles, parse.GetValue(overwrite), DatasetSource.Inputs(datasetName));
            // The conflict patches depend on the parks alone: their layer is written while the parcels are checked —
            // unless the parcels are streamed in several chunks (a city), whose memory the writing would add to.
            PendingLayerWrite? patches = null;
            ConflictCheckResult result;
            try
            {
                if (parse.GetValue(engine) == "postgis")
                {
                    result = CheckResultOptions.RunInDatabase(datasetName, options, run);
                }
                else
                {
                    var assessment = run.Assess(datasetName, options.FixInvalidGeometry, DatasetScope.ConflictCheck);
                    result = assessment.ParcelChunks is { ChunkCount: > 1 }
                        ? assessment.Conflicts(options.MinAreaM2)
                        : assessment.Conflicts(options.MinAreaM2, parks => patches = run.BeginWriteLayer(folder, ConflictResults.Layer(parks)));
                }

                run.Progress.Report(Text.Get("ProgressWritingResults"));
                CheckJsonWriter.Write(folder.PathOf("check.json"), result);
                if (patches is null)
                {
                    run.WriteLayer(folder, ConflictResults.Layer(result));
                }
                else
                {
                    patches.Finish();
                }
            }
            finally
            {
                patches?.Dispose();
            }

            if (parse.GetValue(xlsx))
            {
                run.WriteWorkbook(folder, "check.xlsx", Text.Get("LedgerConflicts"), datasetName, null, null, CheckLedgers.Of(result), result.Issues,
                    [(Text.Get("LedgerMinAreaM2"), result.MinAreaM2.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture))]);
            }

            // The tables before the commit, the lines saying where the results are once the files are in place and
            // before the database commits (PrintAndCommit): a stdout that cannot be written leaves both as they were.
            int Conclude(TextWriter stdout, string? written)
            {
                if (written is not null)
                {
                    stdout.WriteLine(written);
                }

                folder.WriteResultsLine(stdout, "check.json", "conflicts.geojson");
                return ExitCodes.Conclude(stdout, result.HasConflicts, result.Issues);
            }

            if (parse.GetValue(write) is { } target)
            {
                // The database rows wait in an open transaction that commits only after the files are in place
                // (and the files roll back when that commit fails): both change, or neither.
                var (pending, written) = CheckResultOptions.Prepare(target, parse.GetValue(runId), datasetName, options, result, run);
                using (pending)
                {
                    return run.PrintAndCommit(folder, stdout => CheckSummary.Write(stdout, result), stdout => Conclude(stdout, written), pending.Commit);
                }
            }

            return run.PrintAndCommit(folder, stdout => CheckSummary.Write(stdout, result), stdout => Conclude(stdout, null));
        });
        return command;
    }
}
