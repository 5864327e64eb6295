using System.Collections.Concurrent;
using ParkGis.Core.Analysis;

namespace ParkGis.Core.Tests.Analysis;

public sealed class ProjectedLayerTests
{
    [Fact]
    public void Projects_in_parallel_only_outside_tasks_and_parallel_loops()
    {
        // A plain thread (like the CLI's main thread) may; the iterations of a Parallel.For it starts may not — not
        // even those it runs itself — and neither may a task on the pool.
        var atTop = false;
        var inLoop = new ConcurrentBag<bool>();
        var inTask = true;
        var thread = new Thread(() =>
        {
            atTop = ProjectedLayer.MayProjectInParallel();
            Parallel.For(0, 256, _ => inLoop.Add(ProjectedLayer.MayProjectInParallel()));
            inTask = Task.Run(ProjectedLayer.MayProjectInParallel).GetAwaiter().GetResult();
        });
        thread.Start();
        thread.Join();

        Assert.True(atTop);
        Assert.Equal(256, inLoop.Count);
        Assert.DoesNotContain(true, inLoop);
        Assert.False(inTask);
    }
}
