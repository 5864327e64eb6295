using Npgsql;

namespace ParkGis.PostGis.Tests;

/// <summary>
/// The coordinator and two shard servers of tests/setup.d/55-postgis-shards.sh, and one dataset schema per test
/// (dropped on every server, with its foreign servers, on dispose).
/// </summary>
internal sealed class ShardedDatabases : IDisposable
{
    public ShardedDatabases()
    {
        if (Coordinator is null || Shard1 is null || Shard2 is null)
        {
            throw new InvalidOperationException("PARKGIS_REQUIRE_PG=1 but PARKGIS_TEST_PG_COORDINATOR/SHARD1/SHARD2 are not set: the sharded tests must run here.");
        }

        Schema = "s_" + Guid.NewGuid().ToString("N")[..12];
        CoordinatorName = new PgDatasetName(Coordinator, Schema);
        Shards = [new PgDatasetName(Shard1, "public"), new PgDatasetName(Shard2, "public")];
    }

    public static string? Coordinator => Environment.GetEnvironmentVariable("PARKGIS_TEST_PG_COORDINATOR") is { Length: > 0 } v ? v : null;

    public static string? Shard1 => Environment.GetEnvironmentVariable("PARKGIS_TEST_PG_SHARD1") is { Length: > 0 } v ? v : null;

    public static string? Shard2 => Environment.GetEnvironmentVariable("PARKGIS_TEST_PG_SHARD2") is { Length: > 0 } v ? v : null;

    /// <summary>A command that stops or starts shard 2 (<c>… stop</c>, <c>… start</c>).</summary>
    public static string? Shard2Control => Environment.GetEnvironmentVariable("PARKGIS_TEST_PG_SHARD2_CTL") is { Length: > 0 } v ? v : null;

    public string Schema { get; }

    public PgDatasetName CoordinatorName { get; }

    public IReadOnlyList<PgDatasetName> Shards { get; }

    /// <summary><c>pg:…;Schema=…</c> of the coordinator, for the CLI.</summary>
    public string Argument => $"pg:{Coordinator};Schema={Schema}";

    /// <summary>The --shards value.</summary>
    public string ShardsArgument => $"pg:{Shard1},pg:{Shard2}";

    public object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false"); // a shard may have been restarted by another test
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        foreach (var server in new[] { Coordinator!, Shard1!, Shard2! })
        {
            try
            {
                using var connection = new NpgsqlConnection(server + ";Pooling=false");
                connection.Open();
                var sql = $"""
                    SET client_min_messages = warning;
                    DROP SCHEMA IF EXISTS "{Schema}" CASCADE; DROP SCHEMA IF EXISTS "{Schema}_shard1" CASCADE; DROP SCHEMA IF EXISTS "{Schema}_shard2" CASCADE;
                    DO $$ BEGIN
                      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgres_fdw') THEN
                        EXECUTE 'DROP SERVER IF EXISTS "parkgis_{Schema}_shard1" CASCADE';
                        EXECUTE 'DROP SERVER IF EXISTS "parkgis_{Schema}_shard2" CASCADE';
                      END IF;
                    END $$;
                    """;
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server is gone; nothing to clean.
            }
        }
    }
}

/// <summary>A fact that needs the three sharded servers; skipped with the reason shown unless PARKGIS_REQUIRE_PG=1 (CI).</summary>
internal sealed class ShardedFactAttribute : FactAttribute
{
    public ShardedFactAttribute()
    {
        if (ShardedDatabases.Coordinator is null && !TestDatabase.Required)
        {
            Skip = "PARKGIS_TEST_PG_COORDINATOR is not set: no sharded PostGIS servers (bash tests/run.sh starts them).";
        }
    }

    /// <summary>A benchmark data folder the test also needs; skipped with the reason shown when it is absent.</summary>
    public string? BenchData
    {
        get => null;
        init
        {
            if (value is not null && !Directory.Exists(value) && Skip is null)
            {
                Skip = $"Benchmark data {value} does not exist; generate it with /work/shared/bench/gen.py --scale 100.";
            }
        }
    }
}
