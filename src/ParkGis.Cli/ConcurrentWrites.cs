namespace ParkGis.Cli;

/// <summary>
/// Writes of one result into different files of the output folder, run at the same time: each write reads the finished
/// result and writes its own file, so the files are the same bytes as written one after the other. Every write has ended
/// before <see cref="Run"/> returns or throws, so a failure never leaves a write running into a folder being removed.
/// Only the first write may name files in the output folder (<see cref="CommandOutput.PathOf"/>, whose order is the
/// run's last line); the others take paths named before.
/// </summary>
internal static class ConcurrentWrites
{
    /// <summary>
    /// Runs <paramref name="writes"/> together (the first on this thread) and rethrows the first failure in their order,
    /// as it was thrown.
    /// </summary>
    public static void Run(params Action[] writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Length == 0)
        {
            return;
        }

        var others = writes.Skip(1).Select(Task.Run).ToArray();
        try
        {
            writes[0]();
        }
        finally
        {
            foreach (var task in others)
            {
                task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            }
        }

        foreach (var task in others)
        {
            task.GetAwaiter().GetResult();
        }
    }
}
