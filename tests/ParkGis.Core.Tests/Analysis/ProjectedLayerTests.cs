using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Assessment;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Tests.Infrastructure;

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
    [Fact]
    public void Projects_on_one_thread_while_an_analysis_runs_in_the_background()
    {
        // scorecard's 九通一平 coverage runs beside the foreground and its workers wait for the layers the foreground
        // projects: a parallel projection then stalled until the pool added a thread (the attack: scorecard on the
        // sample stood still ~1 s in a quarter of its runs).
        const double X = 500000, Y = 4400000;
        var assessment = ParkAssessment.Of(new ParkData().Park("P1", ParkData.Rectangle(X, Y, X + 100, Y + 100)).Build());
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var duringBackground = true;
        var thread = new Thread(() =>
        {
            using (assessment.Begin(_ => { running.Set(); release.Wait(); }))
            {
                running.Wait();
                duringBackground = ProjectedLayer.MayProjectInParallel();
                release.Set();
            }
        });
        thread.Start();
        thread.Join();

        Assert.False(duringBackground);
    }

    [Fact]
    public void A_reused_hit_list_holds_each_querys_hits_alone()
    {
        // Four 1 m squares in a row at x = 0, 2, 4, 6: a box over x 1.5..4.5 meets the 2nd and 3rd, one over 5.5..7 the 4th.
        var factory = new GeometryFactory();
        var crs = CrsRegistry.FromEpsg(4545)!;
        var features = Enumerable.Range(0, 4).Select(i =>
        {
            var square = (Polygon)factory.ToGeometry(new Envelope(2 * i, (2 * i) + 1, 0, 1));
            return new PolygonalFeature($"P{i}", new Feature($"P{i}", i + 1, square, new Dictionary<string, object?>()), square);
        }).ToList();
        var layer = new ProjectedLayer(features, crs, crs);
        var hits = ProjectedLayer.NewHits();

        layer.Query(new Envelope(1.5, 4.5, 0, 1), hits);
        Assert.Equal([1, 2], hits);
        layer.QueryUnordered(new Envelope(5.5, 7, 0, 1), hits);
        Assert.Equal([3], hits);
        layer.Query(new Envelope(10, 11, 0, 1), hits);
        Assert.Empty(hits);
        Assert.Throws<ArgumentException>(() => layer.Query(new Envelope(0, 1, 0, 1), new List<int>()));
    }
}
