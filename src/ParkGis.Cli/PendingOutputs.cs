using ParkGis.IO.Output;

namespace ParkGis.Cli;

/// <summary>
/// The output folders of the commands running in this process that have not been committed: what a cancelled run
/// must leave behind is nothing, even when its work cannot stop at once (a large file being parsed, one long
/// overlay). <see cref="Abandon"/> removes their staging folders; a commit that has started is let finish, since it
/// only moves files into place.
/// </summary>
internal static class PendingOutputs
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<OutputFolder> Open = [];
    private static readonly HashSet<OutputFolder> Committing = [];
    private static bool _abandoned;

    /// <summary>Records a folder that was begun.</summary>
    public static void Add(OutputFolder folder)
    {
        lock (Gate)
        {
            Open.Add(folder);
        }
    }

    /// <summary>Forgets a folder that was committed or disposed.</summary>
    public static void Remove(OutputFolder folder)
    {
        lock (Gate)
        {
            Open.Remove(folder);
            Committing.Remove(folder);
        }
    }

    /// <summary>Commits a folder unless the process is abandoning its outputs (then the run was cancelled).</summary>
    /// <exception cref="OperationCanceledException">The outputs were abandoned.</exception>
    public static void Commit(OutputFolder folder, Action commit)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(commit);
        lock (Gate)
        {
            if (_abandoned)
            {
                throw new OperationCanceledException("The run was cancelled before its results were committed.");
            }

            Committing.Add(folder);
        }

        try
        {
            commit();
        }
        finally
        {
            Remove(folder);
        }
    }

    /// <summary>
    /// Removes the staging folders of every output not being committed and refuses later commits; waits up to
    /// <paramref name="commitWait"/> for a commit under way to finish.
    /// </summary>
    public static void Abandon(TimeSpan commitWait)
    {
        List<OutputFolder> abandoned;
        lock (Gate)
        {
            _abandoned = true;
            abandoned = Open.Where(f => !Committing.Contains(f)).ToList();
        }

        foreach (var folder in abandoned)
        {
            folder.Dispose();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < commitWait)
        {
            lock (Gate)
            {
                if (Committing.Count == 0)
                {
                    return;
                }
            }

            Thread.Sleep(10);
        }
    }
}
