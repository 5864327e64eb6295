namespace ParkGis.Cli;

/// <summary>
/// A result layer's GeoJSON being written on the thread pool while the command computes its other results
/// (<see cref="CommandRun.BeginWriteLayer"/>). <see cref="Finish"/> waits for it and does the rest of
/// <see cref="CommandRun.WriteLayer"/>; <see cref="Dispose"/> waits for it without a word, so that no file is still
/// being written when a failed or cancelled command removes its output.
/// </summary>
internal sealed class PendingLayerWrite(Task writing, Action finish) : IDisposable
{
    private bool _finished;

    /// <summary>Waits for the GeoJSON (its failure is rethrown as itself), then reports and writes what follows it.</summary>
    public void Finish()
    {
        _finished = true;
        writing.GetAwaiter().GetResult();
        finish();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            try
            {
                writing.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The command is failing already; that failure is the one reported.
            }
        }
    }
}
