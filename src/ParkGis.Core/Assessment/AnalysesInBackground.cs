namespace ParkGis.Core.Assessment;

/// <summary>
/// Analyses of an assessment computing in the background (<see cref="ParkAssessment.Begin"/>). Their results and
/// errors are kept by the assessment and reach the caller where it asks for them; disposing waits until every one
/// has stopped, so that no work of a finished or failed run goes on.
/// </summary>
public sealed class AnalysesInBackground : IDisposable
{
    private readonly IReadOnlyList<Task> _running;

    internal AnalysesInBackground(IReadOnlyList<Task> running) => _running = running;

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
