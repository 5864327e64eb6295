using System.Net.Sockets;
using Npgsql;
using ParkGis.Core.Errors;

namespace ParkGis.PostGis;

/// <summary>
/// Opens connections (with the NetTopologySuite geometry plugin) and turns database failures into
/// <see cref="UnusableInputException"/> with a PG05xx code and what to do: server unreachable (PG0501), login
/// refused (PG0502), no such database (PG0503), PostGIS missing (PG0504), missing schema/table (PG0505),
/// permission denied (PG0510), anything else the server reports mid-run (PG0509). Never a stack trace.
/// </summary>
internal static class PgSession
{
    // One pooled data source per connection string for the life of the process (Npgsql's recommended pattern).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new(StringComparer.Ordinal);

    /// <summary>Opens a connection and checks that PostGIS is installed.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static NpgsqlConnection Open(PgDatasetName name, CancellationToken cancellation = default) => Open(name, cancellation, fresh: false);

    /// <summary>
    /// <see cref="Open(PgDatasetName, CancellationToken)"/>; a pooled connection found dead on its first statement (the
    /// server restarted since this process last used it) empties the pool and is opened again once, so that a server
    /// that is back is not reported unreachable.
    /// </summary>
    private static NpgsqlConnection Open(PgDatasetName name, CancellationToken cancellation, bool fresh)
    {
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = DataSources.GetOrAdd(name.ConnectionString, static connectionString =>
            {
                var builder = new NpgsqlDataSourceBuilder(connectionString);
                if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
                {
                    // An analysis of a province takes minutes; Npgsql's default of 30 s would abort it.
                    builder.ConnectionStringBuilder.CommandTimeout = 0;
                }

                builder.UseNetTopologySuite();
                return builder.Build();
            });
        }
        catch (ArgumentException exception)
        {
            throw PgDatasetName.Malformed(exception.Message, exception);
        }

        NpgsqlConnection connection;
        try
        {
            connection = dataSource.OpenConnectionAsync(cancellation).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception exception) when (IsDatabaseFailure(exception))
        {
            throw Failure(exception, name, cancellation);
        }
        catch (ArgumentException exception)
        {
            throw PgDatasetName.Malformed(exception.Message, exception); // a keyword value Npgsql accepted when parsing but cannot use
        }

        try
        {
            using var command = new NpgsqlCommand("SELECT extversion FROM pg_extension WHERE extname = 'postgis'", connection);
            if (Scalar(command, cancellation) is null)
            {
                throw new UnusableInputException(
                    ErrorCodes.PostGisMissing,
                    "The PostGIS extension is not installed in this database.",
                    name.DisplayName,
                    hint: "Run CREATE EXTENSION postgis; in the database (as its owner), after installing the server package (Debian: postgresql-15-postgis-3).");
            }

            // Geometry types are looked up when a connection opens; reload now that PostGIS is known to exist.
            connection.ReloadTypes();
        }
        catch (Exception exception) when (IsDatabaseFailure(exception))
        {
            connection.Dispose();
            if (!fresh && !cancellation.IsCancellationRequested && IsConnectionLoss(exception))
            {
                dataSource.Clear();
                return Open(name, cancellation, fresh: true);
            }

            throw Failure(exception, name, cancellation);
        }

        return connection;
    }

    /// <summary>How far a run had come when the database failed.</summary>
    public enum RunStage
    {
        /// <summary>Reading or writing inside the transaction: a failure leaves everything as it was.</summary>
        Working,

        /// <summary>The commit was sent: a lost connection leaves unknown whether the server applied it.</summary>
        Committing,
    }

    /// <summary>
    /// The user-facing exception for a failure after the connection was open: a connection lost mid-run (network gone,
    /// backend terminated) is PG0509 saying so and what it changed — nothing, unless the commit itself was under way —
    /// instead of "the server cannot be reached"; anything else as <see cref="Translate"/> words it.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <param name="name">The database.</param>
    /// <param name="stage">Whether the commit had been sent.</param>
    /// <param name="what">The work, as the end of "during …": <c>the import</c>, <c>the check</c>.</param>
    public static UnusableInputException TranslateMidRun(Exception exception, PgDatasetName name, RunStage stage, string what)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!IsConnectionLoss(exception))
        {
            return Translate(exception, name);
        }

        var reason = exception is PostgresException pg ? pg.MessageText : (exception.InnerException ?? exception).Message;
        return stage == RunStage.Committing
            ? new UnusableInputException(ErrorCodes.DatabaseFailure,
                $"The connection to the database was lost while {what} was being committed ({reason}): the server may or may not have applied it.", name.DisplayName,
                hint: "Look at the schema once the server is reachable; run the command again (with --overwrite if the tables are there).", inner: exception)
            : new UnusableInputException(ErrorCodes.DatabaseFailure,
                $"The connection to the database was lost during {what} ({reason}); nothing was changed: the transaction was never committed.", name.DisplayName,
                hint: "Check the network and the server log, then run the command again.", inner: exception);
    }

    /// <summary>A connection that existed and is gone: the network dropped it, or the server ended the backend.</summary>
    private static bool IsConnectionLoss(Exception exception) =>
        exception is PostgresException { SqlState: "57P01" or "57P02" or "08006" or "08003" }
        || (exception is not PostgresException
            && (exception is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                || exception.InnerException is SocketException or TimeoutException or IOException));

    /// <summary>Runs a statement; a cancelled run cancels it in the server and throws <see cref="OperationCanceledException"/>.</summary>
    public static int Execute(NpgsqlCommand command, CancellationToken cancellation) =>
        command.ExecuteNonQueryAsync(cancellation).GetAwaiter().GetResult();

    /// <summary>Runs a query for one value, cancellably (see <see cref="Execute"/>).</summary>
    public static object? Scalar(NpgsqlCommand command, CancellationToken cancellation) =>
        command.ExecuteScalarAsync(cancellation).GetAwaiter().GetResult();

    /// <summary>Starts a query, cancellably (see <see cref="Execute"/>); callers check the token between rows.</summary>
    public static NpgsqlDataReader Reader(NpgsqlCommand command, CancellationToken cancellation, System.Data.CommandBehavior behavior = System.Data.CommandBehavior.Default) =>
        command.ExecuteReaderAsync(behavior, cancellation).GetAwaiter().GetResult();

    /// <summary>
    /// The exception to throw for a failure met during a run: the cancellation itself when the run was cancelled
    /// (the server reports the cancelled statement as an error), else <see cref="Translate"/>.
    /// </summary>
    public static Exception Failure(Exception exception, PgDatasetName name, CancellationToken cancellation) =>
        cancellation.IsCancellationRequested ? new OperationCanceledException("The run was cancelled.", exception, cancellation) : Translate(exception, name);

    /// <summary>
    /// <see cref="Failure(Exception, PgDatasetName, CancellationToken)"/> for a failure once the connection was open: a lost
    /// connection says what it changed (<see cref="TranslateMidRun"/>).
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <param name="name">The database.</param>
    /// <param name="cancellation">The run's token.</param>
    /// <param name="stage">Whether the commit had been sent.</param>
    /// <param name="what">The work, as the end of "during …".</param>
    public static Exception Failure(Exception exception, PgDatasetName name, CancellationToken cancellation, RunStage stage, string what) =>
        cancellation.IsCancellationRequested ? new OperationCanceledException("The run was cancelled.", exception, cancellation) : TranslateMidRun(exception, name, stage, what);

    /// <summary>True for failures that come from the database or the network, not from ParkGis.</summary>
    public static bool IsDatabaseFailure(Exception exception) => exception is NpgsqlException or SocketException or TimeoutException;

    /// <summary>The user-facing exception for a database failure.</summary>
    public static UnusableInputException Translate(Exception exception, PgDatasetName name, string? objectName = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = objectName is null ? name.DisplayName : $"{name.DisplayName} {objectName}";
        if (exception is PostgresException pg)
        {
            return pg.SqlState switch
            {
                "28P01" or "28000" => new UnusableInputException(ErrorCodes.DatabaseLoginRefused,
                    $"The database refused the login: {pg.MessageText}", name.DisplayName,
                    hint: "Check Username and Password in the pg: connection string (and pg_hba.conf on the server).", inner: exception),
                "3D000" => new UnusableInputException(ErrorCodes.DatabaseNotFound,
                    $"The database does not exist: {pg.MessageText}", name.DisplayName,
                    hint: "Check Database= in the connection string, or create it (createdb NAME; then CREATE EXTENSION postgis;).", inner: exception),
                "42P01" or "3F000" => new UnusableInputException(ErrorCodes.DatabaseObjectMissing,
                    $"A schema or table does not exist: {pg.MessageText}", where,
                    hint: "Check Schema= in the connection string; load the layers with parkgis import DATASET --to pg:….", inner: exception),
                "42501" => new UnusableInputException(ErrorCodes.DatabasePermissionDenied,
                    $"The database user lacks a privilege: {pg.MessageText}", where,
                    hint: "Ask the database owner for the privilege (USAGE/CREATE on the schema, SELECT/INSERT on the tables).", inner: exception),
                "42704" when pg.MessageText.Contains("geometry", StringComparison.OrdinalIgnoreCase) => new UnusableInputException(ErrorCodes.PostGisMissing,
                    $"PostGIS is not available: {pg.MessageText}", name.DisplayName,
                    hint: "Run CREATE EXTENSION postgis; in the database.", inner: exception),
                _ => new UnusableInputException(ErrorCodes.DatabaseFailure,
                    $"The database stopped the run: {pg.MessageText} (SQLSTATE {pg.SqlState}); nothing was changed.", where,
                    hint: pg.Hint ?? "Check the server log; run the command again when the database is available.", inner: exception),
            };
        }

        if (exception is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
            || exception.InnerException is SocketException or TimeoutException or IOException)
        {
            return new UnusableInputException(ErrorCodes.DatabaseUnreachable,
                $"The database server cannot be reached: {exception.Message}", name.DisplayName,
                hint: "Check Host= and Port= in the connection string, that the server is running and that it accepts TCP connections.", inner: exception);
        }

        return new UnusableInputException(ErrorCodes.DatabaseFailure,
            $"The database connection failed: {exception.Message}; nothing was changed.", where,
            hint: "Check the server log; run the command again when the database is available.", inner: exception);
    }
}
