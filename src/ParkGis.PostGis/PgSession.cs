using System.Net.Sockets;
using Npgsql;
using ParkGis.Core.Errors;
using ParkGis.PostGis.Localization;

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
                    Localized.Get("PostGisNotInstalled"),
                    name.DisplayName,
                    hint: Localized.Get("PostGisNotInstalledHint"));
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
                Localized.Format("ConnectionLostCommitting", what, reason), name.DisplayName,
                hint: Localized.Get("ConnectionLostCommittingHint"), inner: exception)
            : new UnusableInputException(ErrorCodes.DatabaseFailure,
                Localized.Format("ConnectionLost", what, reason), name.DisplayName,
                hint: Localized.Get("ConnectionLostHint"), inner: exception);
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
                    Localized.Format("LoginRefused", pg.MessageText), name.DisplayName,
                    hint: Localized.Get("LoginRefusedHint"), inner: exception),
                "3D000" => new UnusableInputException(ErrorCodes.DatabaseNotFound,
                    Localized.Format("DatabaseMissing", pg.MessageText), name.DisplayName,
                    hint: Localized.Get("DatabaseMissingHint"), inner: exception),
                "42P01" or "3F000" => new UnusableInputException(ErrorCodes.DatabaseObjectMissing,
                    Localized.Format("ObjectMissing", pg.MessageText), where,
                    hint: Localized.Get("ObjectMissingHint"), inner: exception),
                "42501" => new UnusableInputException(ErrorCodes.DatabasePermissionDenied,
                    Localized.Format("PermissionDenied", pg.MessageText), where,
                    hint: Localized.Get("PermissionDeniedHint"), inner: exception),
                "42704" when pg.MessageText.Contains("geometry", StringComparison.OrdinalIgnoreCase) => new UnusableInputException(ErrorCodes.PostGisMissing,
                    Localized.Format("PostGisUnavailable", pg.MessageText), name.DisplayName,
                    hint: Localized.Get("PostGisUnavailableHint"), inner: exception),
                _ => new UnusableInputException(ErrorCodes.DatabaseFailure,
                    Localized.Format("DatabaseStopped", pg.MessageText, pg.SqlState), where,
                    hint: pg.Hint ?? Localized.Get("DatabaseRetryHint"), inner: exception),
            };
        }

        if (exception is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
            || exception.InnerException is SocketException or TimeoutException or IOException)
        {
            return new UnusableInputException(ErrorCodes.DatabaseUnreachable,
                Localized.Format("ServerUnreachable", exception.Message), name.DisplayName,
                hint: Localized.Get("ServerUnreachableHint"), inner: exception);
        }

        return new UnusableInputException(ErrorCodes.DatabaseFailure,
            Localized.Format("ConnectionFailed", exception.Message), where,
            hint: Localized.Get("DatabaseRetryHint"), inner: exception);
    }
}
