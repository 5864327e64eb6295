using System.Security.Cryptography;

namespace ParkGis.PostGis.Tests;

/// <summary><c>check --write pg:…</c>: the database run and the output files change together, or neither does.</summary>
public sealed class WriteWithFilesTests
{
    [PgFact]
    public void Check_write_commits_nothing_to_the_database_when_the_file_commit_fails()
    {
        using var db = new TestDatabase();
        var output = Path.Combine(Path.GetTempPath(), db.Schema);
        try
        {
            Assert.Equal(1, Cli.Run("check", Paths.Sample, "--out", output).Exit);
            File.Delete(Path.Combine(output, "conflicts.geojson"));
            Directory.CreateDirectory(Path.Combine(output, "conflicts.geojson"));
            var before = Snapshot(output);

            var (exit, stdout, stderr) = Cli.Run("check", Paths.Sample, "--out", output, "--overwrite", "--write", db.Argument, "--run-id", "r1");

            Assert.True(exit == 3, stdout + stderr);
            Assert.Contains("error PG0401:", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("结果已写入", stdout, StringComparison.Ordinal);
            Assert.Null(db.Scalar("SELECT to_regclass($1)::text", $"\"{db.Schema}\".parkgis_runs") as string);
            Assert.Equal(before, Snapshot(output));
        }
        finally
        {
            Delete(output);
        }
    }

    [PgFact]
    public void Check_write_rolls_the_files_back_when_the_database_commit_fails()
    {
        using var db = new TestDatabase();
        var output = Path.Combine(Path.GetTempPath(), db.Schema);
        try
        {
            Assert.Equal(1, Cli.Run("check", Paths.Sample, "--out", output, "--write", db.Argument, "--run-id", "r1").Exit);
            var before = Snapshot(output);
            using (var connection = db.Open())
            using (var refuse = new Npgsql.NpgsqlCommand(
                $"""
                CREATE FUNCTION "{db.Schema}".refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
                CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON "{db.Schema}".parkgis_runs
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "{db.Schema}".refuse();
                """, connection))
            {
                refuse.ExecuteNonQuery();
            }

            // The rows are written, the files put in place, then COMMIT fails (the deferred trigger): the files roll back.
            var (exit, stdout, stderr) = Cli.Run("check", Paths.Sample, "--out", output, "--min-area", "50", "--write", db.Argument, "--run-id", "r2");

            Assert.True(exit == 3, stdout + stderr);
            Assert.Contains("error PG0509:", stderr, StringComparison.Ordinal);
            Assert.Contains("refused at commit", stderr, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(output));
            Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), $".{db.Schema}.parkgis-*"));
            Assert.Equal(0L, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_runs WHERE run_id = 'r2'"));
            Assert.Equal(1L, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_runs WHERE run_id = 'r1'"));
        }
        finally
        {
            Delete(output);
        }
    }

    private static string Snapshot(string folder) => string.Join("\n",
        Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(folder, p) + " " + (Directory.Exists(p) ? "folder" : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p))))));

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
