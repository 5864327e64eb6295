using System.Runtime.ExceptionServices;

namespace ParkGis.Core.Errors;

/// <summary>The one way a parallel loop's failure leaves it.</summary>
public static class ParallelFailures
{
    /// <summary>
    /// Runs <paramref name="work"/> (a parallel loop) and rethrows its first exception as itself, not wrapped in an
    /// <see cref="AggregateException"/>, as the loop body would have thrown it: input errors keep their code, location and hint.
    /// </summary>
    public static void RethrowFirst(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            work();
        }
        catch (AggregateException aggregate) when (aggregate.Flatten().InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(aggregate.Flatten().InnerExceptions[0]).Throw();
        }
    }
}
