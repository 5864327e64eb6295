using Microsoft.Data.Sqlite;

namespace ParkGis.IO.Formats;

/// <summary>
/// One read-only connection to a GeoPackage held in one read transaction (<c>BEGIN</c>, then the first SELECT), so that
/// every read through it sees one snapshot of the file: a parcels table's outline and its chunks
/// (<see cref="GeoPackageLayerReader.ReadOutline"/>, <see cref="GeoPackageLayerReader.ReadChunk"/>). In WAL mode a
/// writer's later commits stay invisible to it; in rollback-journal mode its shared lock makes a writer wait on its busy
/// timeout and fail with SQLITE_BUSY. Disposing it ends the transaction and closes the file.
/// </summary>
internal sealed class GeoPackageSnapshot : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;

    private GeoPackageSnapshot(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the file read-only and begins the read transaction (SQLite takes the snapshot at the first SELECT).</summary>
    public static GeoPackageSnapshot Begin(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN";
            begin.ExecuteNonQuery();
        }

        return new GeoPackageSnapshot(connection);
    }

    /// <summary>The connection, held until <see cref="Dispose"/>.</summary>
    public SqliteConnection Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection ?? throw new ObjectDisposedException(nameof(GeoPackageSnapshot));
            }
        }
    }

    /// <summary>Ends the read transaction and closes the connection; safe to call more than once, from any thread.</summary>
    public void Dispose()
    {
        SqliteConnection? connection;
        lock (_gate)
        {
            (connection, _connection) = (_connection, null);
        }

        connection?.Dispose(); // closing rolls the read transaction back: nothing was written
    }
}
