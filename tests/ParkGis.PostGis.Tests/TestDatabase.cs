using Npgsql;

namespace ParkGis.PostGis.Tests;

/// <summary>The test server, and one schema per test so that tests can run in parallel; the schema is dropped on dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        var connectionString = ConnectionString
            ?? throw new InvalidOperationException("PARKGIS_REQUIRE_PG=1 but PARKGIS_TEST_PG is not set: the PostGIS tests must run here.");
        Schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        Name = new PgDatasetName(connectionString, Schema);
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable("PARKGIS_TEST_PG") is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable("PARKGIS_REQUIRE_PG") == "1";

    public string Schema { get; }

    public PgDatasetName Name { get; }

    /// <summary><c>pg:…;Schema=…</c> for the CLI.</summary>
    public string Argument => $"pg:{Name.ConnectionString};Schema={Schema}";

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(Name.ConnectionString);
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql, params object[] values)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command.ExecuteScalar();
    }

    public bool TableExists(string table) => Scalar("SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL", Schema, table) is true;

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public long TableCount() => (long)Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = $1", Schema)!;

    public void Dispose()
    {
        try
        {
            using var connection = Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server is gone; nothing to clean.
        }
    }
}
