using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Errors;
using ParkGis.Core.Measures;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// Writes a check result into result tables of a PostGIS schema, keyed by a run id, in one transaction:
/// <c>parkgis_runs</c> (one row per run), <c>parkgis_park_conflicts</c> (the per-park summary, one row per park and
/// kind), <c>parkgis_conflict_patches</c> (every patch with its polygon in EPSG:4490), <c>parkgis_parcel_summary</c>
/// and <c>parkgis_data_issues</c>. Writing a run id again first deletes that run (ON DELETE CASCADE), so re-runs
/// replace their rows and never duplicate them. Other commands add their own tables keyed by the same run id
/// (the idle command: <c>parkgis_idle_parcels(run_id REFERENCES parkgis_runs ON DELETE CASCADE, parcel_id, …, geom)</c>).
/// </summary>
public static class PgCheckResultWriter
{
    /// <summary>The default run id: <c>check-</c> and 16 hex digits of SHA-256 over the dataset name and the options.</summary>
    public static string DefaultRunId(string datasetName, ConflictCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(datasetName);
        ArgumentNullException.ThrowIfNull(options);
        var key = string.Create(CultureInfo.InvariantCulture, $"check\n{datasetName}\n{options.MinAreaM2:R}\n{options.FixInvalidGeometry}");
        return "check-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }

    /// <summary>Writes the result under <paramref name="runId"/>, replacing an earlier run with the same id, and commits.</summary>
    /// <returns>Rows written: patches.</returns>
    /// <exception cref="UnusableInputException">The database cannot be used or written (PG05xx), or the run id is unusable (PG0506).</exception>
    public static int Write(
        PgDatasetName target, string runId, string datasetName, ConflictCheckOptions options, ConflictCheckResult result, CancellationToken cancellation = default)
    {
        using var pending = Begin(target, runId, datasetName, options, result, cancellation);
        pending.Commit();
        return pending.Patches;
    }

    /// <summary>
    /// Writes the result under <paramref name="runId"/> inside a transaction that stays open until
    /// <see cref="PgPendingWrite.Commit"/> (disposing without it rolls everything back), so that a caller can commit
    /// the database and its files together.
    /// </summary>
    /// <param name="target">Database and schema of the result tables (created when missing).</param>
    /// <param name="runId">The run id (1–200 printable characters; a parameter, never SQL text).</param>
    /// <param name="datasetName">The dataset as shown to users (no password).</param>
    /// <param name="options">The check's options.</param>
    /// <param name="result">The result.</param>
    /// <param name="cancellation">Stops the write; the transaction is rolled back and nothing is written.</param>
    /// <exception cref="UnusableInputException">The database cannot be used or written (PG05xx), or the run id is unusable (PG0506).</exception>
    public static PgPendingWrite Begin(
        PgDatasetName target, string runId, string datasetName, ConflictCheckOptions options, ConflictCheckResult result, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        if (runId.Length is 0 or > 200 || runId.Any(char.IsControl))
        {
            throw new UnusableInputException(ErrorCodes.InvalidIdentifier, Localized.Get("RunIdInvalid"), "--run-id",
                hint: Localized.Get("RunIdInvalidHint"));
        }

        var connection = PgSession.Open(target, cancellation);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = connection.BeginTransaction();
            CreateTables(connection, target.Schema, cancellation);
            string T(string table) => PgIdentifier.Qualified(target.Schema, table);
            using (var lockRun = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection))
            {
                lockRun.Parameters.Add(new NpgsqlParameter { Value = runId });
                PgSession.Execute(lockRun, cancellation);
            }

            using (var delete = new NpgsqlCommand($"DELETE FROM {T("parkgis_runs")} WHERE run_id = $1", connection))
            {
                delete.Parameters.Add(new NpgsqlParameter { Value = runId });
                PgSession.Execute(delete, cancellation);
            }

            using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command($"INSERT INTO {T("parkgis_runs")} (run_id, command, dataset, min_area_m2, fix, has_conflicts) VALUES ($1, 'check', $2, $3, $4, $5)",
                runId, datasetName, options.MinAreaM2, options.FixInvalidGeometry, result.HasConflicts));
            var patchCount = 0;
            foreach (var park in result.Parks)
            {
                foreach (var kind in ConflictKinds.All)
                {
                    var tally = park.Conflicts.TryGetValue(kind, out var t) ? t : ConflictTally.NotChecked;
                    batch.BatchCommands.Add(Command(
                        $"""
                        INSERT INTO {T("parkgis_park_conflicts")} (run_id, park_id, park_name, analysis_crs, park_area_m2, kind, checked, area_m2, area_mu, area_ha, patches, suppressed, suppressed_area_m2)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                        """,
                        runId, park.ParkId, park.Name, park.Crs.Code, park.AreaM2, ConflictKinds.Name(kind), tally.Checked, tally.AreaM2,
                        AreaUnits.ToMu(tally.AreaM2), AreaUnits.ToHectares(tally.AreaM2), tally.Patches, tally.SuppressedCount, tally.SuppressedAreaM2));
                }

                var numbers = new Dictionary<ConflictKind, int>();
                foreach (var patch in park.Patches)
                {
                    var number = numbers[patch.Kind] = numbers.GetValueOrDefault(patch.Kind) + 1;
                    var geometry = patch.Geometry.Copy();
                    geometry.SRID = patch.Crs.Epsg;
                    batch.BatchCommands.Add(Command(
                        $"""
                        INSERT INTO {T("parkgis_conflict_patches")} (run_id, park_id, kind, patch_no, severity, area_m2, area_mu, area_ha, source_ids, analysis_crs, geom)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ST_Transform($11, 4490))
                        """,
                        runId, park.ParkId, ConflictKinds.Name(patch.Kind), number, ConflictKinds.Severity(patch.Kind), patch.AreaM2,
                        AreaUnits.ToMu(patch.AreaM2), AreaUnits.ToHectares(patch.AreaM2), patch.SourceIds.ToArray(), patch.Crs.Code, geometry));
                    patchCount++;
                }
            }

            if (result.Parcels is { } parcels)
            {
                batch.BatchCommands.Add(Command(
                    $"""
                    INSERT INTO {T("parkgis_parcel_summary")} (run_id, parcels, redline_checked, redline_m2, redline_parcels, farmland_checked, farmland_m2, farmland_parcels,
                                                              outside_park_m2, outside_park_parcels, overlap_m2, overlap_pairs)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    """,
                    runId, parcels.Count, parcels.EcologicalRedline.Checked, parcels.EcologicalRedline.AreaM2, parcels.EcologicalRedline.Parcels,
                    parcels.PermanentFarmland.Checked, parcels.PermanentFarmland.AreaM2, parcels.PermanentFarmland.Parcels,
                    parcels.OutsidePark.AreaM2, parcels.OutsidePark.Parcels, parcels.ParcelOverlap.AreaM2, parcels.ParcelOverlap.Pairs));
            }

            var ordinal = 0;
            foreach (var issue in result.Issues)
            {
                batch.BatchCommands.Add(Command($"INSERT INTO {T("parkgis_data_issues")} (run_id, ordinal, layer, feature, code, message) VALUES ($1, $2, $3, $4, $5, $6)",
                    runId, ++ordinal, issue.Layer, issue.Feature, issue.Code, issue.Message));
            }

            batch.ExecuteNonQueryAsync(cancellation).GetAwaiter().GetResult();
            cancellation.ThrowIfCancellationRequested();
            return new PgPendingWrite(connection, transaction, target, patchCount);
        }
        catch (Exception exception)
        {
            transaction?.Dispose();
            connection.Dispose();
            if (cancellation.IsCancellationRequested || PgSession.IsDatabaseFailure(exception))
            {
                throw PgSession.Failure(exception, target, cancellation, PgSession.RunStage.Working, Localized.Get("WritingResults"));
            }

            throw;
        }
    }

    private static void CreateTables(NpgsqlConnection connection, string schemaName, CancellationToken cancellation)
    {
        var schema = PgIdentifier.Quote(schemaName, "schema");
        string T(string table) => PgIdentifier.Qualified(schemaName, table);
        var runs = T("parkgis_runs");
        var sql = $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {runs} (
                run_id text PRIMARY KEY, command text NOT NULL, dataset text NOT NULL, min_area_m2 double precision NOT NULL,
                fix boolean NOT NULL, has_conflicts boolean NOT NULL, written_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS {T("parkgis_park_conflicts")} (
                run_id text NOT NULL REFERENCES {runs} ON DELETE CASCADE, park_id text NOT NULL, park_name text NOT NULL,
                analysis_crs text NOT NULL, park_area_m2 double precision NOT NULL, kind text NOT NULL, checked boolean NOT NULL,
                area_m2 double precision NOT NULL, area_mu double precision NOT NULL, area_ha double precision NOT NULL,
                patches integer NOT NULL, suppressed integer NOT NULL, suppressed_area_m2 double precision NOT NULL,
                PRIMARY KEY (run_id, park_id, kind));
            CREATE TABLE IF NOT EXISTS {T("parkgis_conflict_patches")} (
                run_id text NOT NULL REFERENCES {runs} ON DELETE CASCADE, park_id text NOT NULL, kind text NOT NULL, patch_no integer NOT NULL,
                severity text NOT NULL, area_m2 double precision NOT NULL, area_mu double precision NOT NULL, area_ha double precision NOT NULL,
                source_ids text[] NOT NULL, analysis_crs text NOT NULL, geom geometry(Polygon, 4490) NOT NULL,
                PRIMARY KEY (run_id, park_id, kind, patch_no));
            CREATE INDEX IF NOT EXISTS parkgis_conflict_patches_geom ON {T("parkgis_conflict_patches")} USING gist (geom);
            CREATE TABLE IF NOT EXISTS {T("parkgis_parcel_summary")} (
                run_id text PRIMARY KEY REFERENCES {runs} ON DELETE CASCADE, parcels integer NOT NULL,
                redline_checked boolean NOT NULL, redline_m2 double precision NOT NULL, redline_parcels integer NOT NULL,
                farmland_checked boolean NOT NULL, farmland_m2 double precision NOT NULL, farmland_parcels integer NOT NULL,
                outside_park_m2 double precision NOT NULL, outside_park_parcels integer NOT NULL,
                overlap_m2 double precision NOT NULL, overlap_pairs integer NOT NULL);
            CREATE TABLE IF NOT EXISTS {T("parkgis_data_issues")} (
                run_id text NOT NULL REFERENCES {runs} ON DELETE CASCADE, ordinal integer NOT NULL, layer text NOT NULL,
                feature text NOT NULL, code text NOT NULL, message text NOT NULL, PRIMARY KEY (run_id, ordinal));
            """;
        using var command = new NpgsqlCommand(sql, connection);
        PgSession.Execute(command, cancellation);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
