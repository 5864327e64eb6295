using Npgsql;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.PostGis.Tests;

public sealed class ResultAndErrorTests
{
    [PgFact]
    public void Result_tables_rerun_cleanly_under_the_same_run_id()
    {
        using var db = new TestDatabase();
        var result = new ConflictCheck(ConflictCheckOptions.Default).Check(DatasetReader.Read(Paths.Sample));
        var patches = PgCheckResultWriter.Write(db.Name, "r1", "ordos", ConflictCheckOptions.Default, result);
        Assert.True(patches > 0, "the sample has conflicts");
        PgCheckResultWriter.Write(db.Name, "r1", "ordos", ConflictCheckOptions.Default, result);
        Assert.Equal(1L, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_runs"));
        Assert.Equal((long)patches, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_conflict_patches WHERE run_id = 'r1'"));
        Assert.Equal((long)result.Parks.Count * 4, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_park_conflicts"));

        PgCheckResultWriter.Write(db.Name, "r2", "ordos", ConflictCheckOptions.Default, result);
        Assert.Equal(2L * patches, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_conflict_patches"));
        var redline = result.Parks.Sum(p => p.Conflicts[ConflictKind.EcologicalRedline].AreaM2);
        var stored = (double)db.Scalar($"SELECT sum(area_m2) FROM \"{db.Schema}\".parkgis_park_conflicts WHERE run_id = 'r2' AND kind = 'ecological_redline'")!;
        Assert.True(Math.Abs(redline - stored) < 1e-6, $"{redline} vs {stored}");
    }

    [PgFact]
    public void The_cli_runs_the_postgis_engine_and_writes_results()
    {
        using var db = new TestDatabase();
        PgDatasetImporter.Import(DatasetReader.Read(Paths.Sample), db.Name, overwrite: false);
        var output = Path.Combine(Path.GetTempPath(), db.Schema);
        try
        {
            var (exit, stdout, stderr) = Cli.Run("check", db.Argument, "--engine", "postgis", "--out", output, "--write", db.Argument, "--run-id", "二〇二四");
            Assert.True(exit == 1, stderr);
            Assert.Contains("run_id 二〇二四", stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, "check.json")));
            Assert.Equal(1L, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_runs WHERE run_id = $1", "二〇二四"));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [PgFact]
    public void Hostile_schema_names_are_rejected_with_exit_3()
    {
        using var db = new TestDatabase();
        var hostile = "x\"\"; DROP SCHEMA public CASCADE; --";
        var (exit, _, stderr) = Cli.Run("check", $"pg:{db.Name.ConnectionString};Schema=\"{hostile}\"", "--out", Path.Combine(Path.GetTempPath(), db.Schema));
        Assert.Equal(3, exit);
        Assert.Contains("error PG0506", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);

        var import = Cli.Run("import", Paths.Sample, "--to", "pg:" + db.Name.ConnectionString, "--schema", "a;b");
        Assert.Equal(3, import.Exit);
        Assert.Contains("error PG0506", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(1L, db.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'public'"));
    }

    [PgFact]
    public void A_hostile_table_name_in_the_catalog_is_rejected_with_exit_3()
    {
        using var db = new TestDatabase();
        using (var connection = db.Open())
        {
            using var command = new NpgsqlCommand(
                $$$"""
                CREATE SCHEMA "{{{db.Schema}}}";
                CREATE TABLE "{{{db.Schema}}}"."parks""; DROP TABLE x; --" (park_id text, geom geometry(Polygon, 4545));
                CREATE TABLE "{{{db.Schema}}}".parkgis_config (document text);
                INSERT INTO "{{{db.Schema}}}".parkgis_config VALUES ('{"layers": {"parks": {"source": "parks\"; DROP TABLE x; --"} } }');
                """, connection);
            command.ExecuteNonQuery();
        }

        var (exit, _, stderr) = Cli.Run("info", db.Argument);
        Assert.Equal(3, exit);
        Assert.Contains("error PG0506", stderr, StringComparison.Ordinal);
    }

    [PgFact]
    public void A_wrong_password_is_PG0502()
    {
        using var db = new TestDatabase();
        var builder = new NpgsqlConnectionStringBuilder(db.Name.ConnectionString) { Password = "wrong-password" };
        var (exit, _, stderr) = Cli.Run("info", $"pg:{builder.ConnectionString};Schema={db.Schema}");
        Assert.Equal(3, exit);
        Assert.Contains("error PG0502", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", stderr, StringComparison.Ordinal);
    }

    [PgFact]
    public void An_unreachable_server_is_PG0501()
    {
        using var db = new TestDatabase();
        var builder = new NpgsqlConnectionStringBuilder(db.Name.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 3 };
        var error = Assert.Throws<UnusableInputException>(() => PgDatasetReader.Read(new PgDatasetName(builder.ConnectionString, db.Schema)));
        Assert.Equal(ErrorCodes.DatabaseUnreachable, error.Code);
    }

    [PgFact]
    public void A_missing_schema_is_PG0505_and_a_schema_without_parks_is_PG0102()
    {
        using var db = new TestDatabase();
        var missing = Assert.Throws<UnusableInputException>(() => PgDatasetReader.Read(db.Name));
        Assert.Equal(ErrorCodes.DatabaseObjectMissing, missing.Code);

        db.Scalar($"CREATE SCHEMA \"{db.Schema}\"");
        var noParks = Assert.Throws<UnusableInputException>(() => new PostGisConflictCheck(ConflictCheckOptions.Default).Check(db.Name));
        Assert.Equal(ErrorCodes.RequiredLayerMissing, noParks.Code);
    }

    [PgFact]
    public void A_database_without_PostGIS_is_PG0504()
    {
        using var db = new TestDatabase();
        var database = "nopostgis_" + db.Schema;
        db.Scalar($"CREATE DATABASE \"{database}\"");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(db.Name.ConnectionString) { Database = database, Pooling = false };
            var error = Assert.Throws<UnusableInputException>(() => PgDatasetReader.Read(new PgDatasetName(builder.ConnectionString, "public")));
            Assert.Equal(ErrorCodes.PostGisMissing, error.Code);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            db.Scalar($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }
}
