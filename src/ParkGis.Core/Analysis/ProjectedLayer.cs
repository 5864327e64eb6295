using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.HPRtree;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Analysis;

/// <summary>
/// The screened features of one layer in one projected CRS, with a Hilbert-packed R-tree (NTS HPRtree) over their envelopes and prepared
/// geometries made on first use. Safe for concurrent readers once constructed.
/// </summary>
public sealed class ProjectedLayer
{
    private readonly Geometry[] _geometries;
    private readonly Envelope[] _envelopes;
    private readonly IPreparedGeometry?[] _prepared;
    private readonly FeatureWindows?[] _windows;
    private readonly FeatureBoundary?[] _boundaries;
    private readonly Lock[] _boundaryLocks = [.. Enumerable.Range(0, 16).Select(_ => new Lock())];
    private readonly HPRtree<int> _index;

    /// <summary>Projects the features from <paramref name="source"/> to <paramref name="target"/> and indexes them.</summary>
    public ProjectedLayer(IReadOnlyList<PolygonalFeature> features, CrsDefinition source, CrsDefinition target)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(source);
        Features = features;
        Crs = target ?? throw new ArgumentNullException(nameof(target));
        var transform = CrsTransform.Create(source, target);
        _geometries = new Geometry[features.Count];
        if (!transform.IsIdentity && MayProjectInParallel())
        {
            Parallel.For(0, features.Count, i => _geometries[i] = Project(transform, features[i].Geometry));
        }
        else
        {
            for (var i = 0; i < features.Count; i++)
            {
                _geometries[i] = Project(transform, features[i].Geometry);
            }
        }
        _envelopes = Array.ConvertAll(_geometries, g => g.EnvelopeInternal);
        _prepared = new IPreparedGeometry?[features.Count];
        _windows = new FeatureWindows?[features.Count];
        _boundaries = new FeatureBoundary?[features.Count];
        _index = new HPRtree<int>();
        for (var i = 0; i < _geometries.Length; i++)
        {
            _index.Insert(_envelopes[i], i);
        }

        _index.Build();
    }

    /// <summary>
    /// Whether a layer built on this thread may project its features with a parallel loop: only outside every task
    /// and parallel loop, and while no analysis runs in the background (<see cref="Assessment.ParkAssessment.Begin"/>).
    /// Inside a loop — on a pool thread, or on the thread that started a <c>Parallel.For</c> and runs its first part —
    /// the other workers may be blocked waiting for this very layer; so may a background analysis's workers, which
    /// reach the same layers. A nested loop would then wait for pool threads that only come after the pool's
    /// starvation delay, idling every core for a second or more (seen in <c>intensity</c> and <c>check</c>, and in
    /// <c>scorecard</c> and <c>report</c> beside their background 九通一平 coverage).
    /// </summary>
    internal static bool MayProjectInParallel() =>
        !Thread.CurrentThread.IsThreadPoolThread && Task.CurrentId is null && Volatile.Read(ref s_backgroundAnalyses) == 0;

    /// <summary>Analyses running in the background (<see cref="Assessment.ParkAssessment.Begin"/>), any assessment's.</summary>
    private static int s_backgroundAnalyses;

    /// <summary>Counts a background analysis from before it starts until it ends (<see cref="MayProjectInParallel"/>).</summary>
    internal static void BackgroundAnalysisStarting() => Interlocked.Increment(ref s_backgroundAnalyses);

    /// <summary>The end of a background analysis counted by <see cref="BackgroundAnalysisStarting"/>.</summary>
    internal static void BackgroundAnalysisEnded() => Interlocked.Decrement(ref s_backgroundAnalyses);

    /// <summary>The CRS of <see cref="Geometry(int)"/>.</summary>
    public CrsDefinition Crs { get; }

    /// <summary>The features, in layer order.</summary>
    public IReadOnlyList<PolygonalFeature> Features { get; }

    /// <summary>Feature count.</summary>
    public int Count => _geometries.Length;

    /// <summary>The projected geometry of feature <paramref name="index"/>.</summary>
    public Geometry Geometry(int index) => _geometries[index];

    /// <summary>
    /// The envelope of <see cref="Geometry(int)"/>, computed once and shared: callers must not change it
    /// (<c>Geometry.EnvelopeInternal</c> hands out a new copy on every call).
    /// </summary>
    public Envelope Envelope(int index) => _envelopes[index];

    /// <summary>The prepared projected geometry of feature <paramref name="index"/>, made once on first use.</summary>
    public IPreparedGeometry Prepared(int index)
    {
        var prepared = Volatile.Read(ref _prepared[index]);
        if (prepared is null)
        {
            prepared = PreparedGeometryFactory.Prepare(_geometries[index]);
            prepared = Interlocked.CompareExchange(ref _prepared[index], prepared, null) ?? prepared;
        }

        return prepared;
    }

    /// <summary>The boundary of feature <paramref name="index"/>, segment-indexed, made once on first use.</summary>
    internal FeatureBoundary Boundary(int index)
    {
        var boundary = Volatile.Read(ref _boundaries[index]);
        if (boundary is not null)
        {
            return boundary;
        }

        // Built once under a lock (striped by feature): threads meeting a 16 000-vertex red-line polygon at the same
        // moment would otherwise each build its index. The constructor starts no parallel work, so waiting is safe.
        lock (_boundaryLocks[index % _boundaryLocks.Length])
        {
            boundary = _boundaries[index];
            if (boundary is null)
            {
                boundary = new FeatureBoundary(_geometries[index]);
                Volatile.Write(ref _boundaries[index], boundary);
            }

            return boundary;
        }
    }

    /// <summary>
    /// Feature <paramref name="index"/>, or — for a feature with many vertices — a window cut from it whose
    /// intersection with any geometry inside <paramref name="subject"/> is the same as the feature's. Overlays of
    /// small subjects (parcels) against large features use it so that they do not walk the whole ring each time.
    /// </summary>
    public Geometry Around(int index, Envelope subject)
    {
        var geometry = _geometries[index];
        if (geometry.NumPoints < FeatureWindows.MinVertices)
        {
            return geometry;
        }

        var windows = Volatile.Read(ref _windows[index]);
        if (windows is null)
        {
            windows = new FeatureWindows(geometry);
            windows = Interlocked.CompareExchange(ref _windows[index], windows, null) ?? windows;
        }

        return windows.Around(subject);
    }

    /// <summary>Indexes of the features whose envelope intersects <paramref name="envelope"/>, ascending.</summary>
    public List<int> Query(Envelope envelope)
    {
        var hits = new Hits();
        _index.Query(envelope, hits);
        hits.Sort();
        return hits;
    }

    /// <summary>
    /// Indexes of the features whose envelope intersects <paramref name="envelope"/>, in the index's order: for callers
    /// that visit them all and need no order (a stack of thousands of parcels would otherwise sort thousands per query).
    /// </summary>
    public List<int> QueryUnordered(Envelope envelope)
    {
        var hits = new Hits();
        _index.Query(envelope, hits);
        return hits;
    }

    /// <summary>
    /// As <see cref="QueryUnordered"/>, into <paramref name="hits"/> (cleared first): for a loop that is done with one
    /// query's hits before the next and keeps one list (<see cref="NewHits"/>) instead of allocating one per query.
    /// </summary>
    public void QueryUnordered(Envelope envelope, List<int> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits is not Hits collector)
        {
            throw new ArgumentException("The list must come from NewHits.", nameof(hits));
        }

        collector.Clear();
        _index.Query(envelope, collector);
    }

    /// <summary>As <see cref="Query"/>, into <paramref name="hits"/> (cleared first), from <see cref="NewHits"/>.</summary>
    public void Query(Envelope envelope, List<int> hits)
    {
        QueryUnordered(envelope, hits);
        hits.Sort();
    }

    /// <summary>A list to query into again and again (<see cref="Query(Envelope, List{int})"/>).</summary>
    public static List<int> NewHits() => new Hits();

    /// <summary>The geometry in the target CRS; shared, not copied, when it is already there (geometries are never changed).</summary>
    private static Geometry Project(CrsTransform transform, Geometry geometry) =>
        transform.IsIdentity && geometry.SRID == transform.Target.Epsg ? geometry : transform.Apply(geometry);

    /// <summary>The result list, collecting the index's hits itself (one allocation per query, room for a few).</summary>
    private sealed class Hits() : List<int>(8), NetTopologySuite.Index.IItemVisitor<int>
    {
        public void VisitItem(int item) => Add(item);
    }
}
