namespace ParkGis.Core.Assessment;

/// <summary>
/// Analyses of an assessment computing in the background (<see cref="ParkAssessment.Begin"/>). Their results and
/// errors are kept by the assessment and reach the caller where it asks for them; disposing waits until every one
/// has stopped, so that no work of a finished or failed run goes on.
/// </summary>
public sealed class AnalysesInBackground : IDisposable
{
    private readonly Action _abandon;
    private readonly IReadOnlyList<Task> _running;

    internal AnalysesInBackground(Action abandon, IReadOnlyList<Task> running)
    {
        _abandon = abandon;
        _running = running;
    }

    /// <summary>
    /// Stops the background analyses because the caller's own work failed: their results will never be asked for, and
    /// waiting for them would only hold back the caller's error (九通一平 coverage of a city: seconds). Cancels the whole
    /// assessment, which is not to be asked for anything afterwards.
    /// </summary>
    public void Abandon() => _abandon();

    /// <summary>Runs the caller's own <paramref name="work"/>; when it throws, abandons the background analyses (<see cref="Abandon"/>) before the error goes on.</summary>
    public T AbandonIfFails<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    /// <summary>Waits for every analysis to stop; their errors are the assessment's to report, not thrown here.</summary>
    public void Dispose()
    {
        foreach (var task in _running)
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            _ = task.Exception;
        }
    }
}
