using Npgsql;

namespace ParkGis.PostGis;

/// <summary>
/// Results written inside an open database transaction, not yet visible to anyone else:
/// <see cref="Commit"/> makes them permanent; disposing without it rolls them back (as does the server when the
/// connection drops, e.g. when the process is killed).
/// </summary>
public sealed class PgPendingWrite : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PgDatasetName _target;

    internal PgPendingWrite(NpgsqlConnection connection, NpgsqlTransaction transaction, PgDatasetName target, int patches)
    {
        _connection = connection;
        _transaction = transaction;
        _target = target;
        Patches = patches;
    }

    /// <summary>Conflict patches written.</summary>
    public int Patches { get; }

    /// <summary>Commits the transaction.</summary>
    /// <exception cref="Core.Errors.UnusableInputException">The commit failed (PG05xx); nothing was changed.</exception>
    public void Commit()
    {
        try
        {
            _transaction.Commit();
        }
        catch (Exception exception) when (PgSession.IsDatabaseFailure(exception))
        {
            throw PgSession.Translate(exception, _target);
        }
    }

    /// <summary>Rolls back unless committed, and closes the connection.</summary>
    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }
}
