using System.CommandLine;
using ParkGis.Cli.Localization;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Errors;
using ParkGis.PostGis;

namespace ParkGis.Cli.Commands;

/// <summary>The database side of <c>parkgis check</c>: <c>--engine postgis</c>, <c>--write pg:…</c> and <c>--run-id</c>.</summary>
internal static class CheckResultOptions
{
    /// <summary><c>--write pg:…</c>.</summary>
    public static Option<string?> WriteOption()
    {
        var option = new Option<string?>("--write")
        {
            Description = Text.Get("WriteOption"),
            HelpName = "pg:…",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !PgDatasetName.IsDatabase(value))
            {
                result.AddError(Text.Get("WriteInvalid"));
            }
        });
        return option;
    }

    /// <summary><c>--run-id ID</c>.</summary>
    public static Option<string?> RunIdOption() => new("--run-id")
    {
        Description = Text.Get("RunIdOption"),
        HelpName = "ID",
    };

    /// <summary>
    /// Runs the check as SQL in the database that holds a pg: dataset, then adds the 旗区 totals by the one
    /// park-to-旗区 rule, from the parks and 旗区 tables read on their own (the parcels stay in the database).
    /// </summary>
    public static ConflictCheckResult RunInDatabase(string dataset, ConflictCheckOptions options, CommandRun run)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        if (!PgDatasetName.IsDatabase(dataset))
        {
            throw new UnusableInputException(ErrorCodes.DatasetNotFound,
                Text.Get("EnginePostgisNeedsPg"), dataset,
                hint: Text.Get("EnginePostgisNeedsPgHint"));
        }

        var result = new PostGisConflictCheck(options, run.Progress).Check(PgDatasetName.Parse(dataset), run.Cancellation);
        return run.Assess(dataset, options.FixInvalidGeometry, DatasetScope.ParksAndBanners).WithBanners(result);
    }

    /// <summary>
    /// Writes the result tables inside a transaction the caller commits together with the files
    /// (<see cref="CommandRun.Commit"/>); returns it and the line that reports the run id.
    /// </summary>
    public static (PgPendingWrite Pending, string Written) Prepare(
        string target, string? runId, string dataset, ConflictCheckOptions options, ConflictCheckResult result, CommandRun run)
    {
        var name = PgDatasetName.Parse(target);
        var datasetName = DatasetSource.DisplayName(dataset);
        var id = runId ?? PgCheckResultWriter.DefaultRunId(datasetName, options);
        run.Progress.Report(Text.Format("ProgressWritingRun", name.DisplayName, id));
        var pending = PgCheckResultWriter.Begin(name, id, datasetName, options, result, run.Cancellation);
        return (pending, Text.Format("RunWritten", name.DisplayName, id, pending.Patches));
    }
}
