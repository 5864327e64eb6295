using System.Collections.Concurrent;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Analysis;

/// <summary>
/// One screened layer, projected on demand into each analysis CRS that needs it (once per CRS, shared by all
/// threads). A lon/lat layer used by parks in two Gauss-Krüger zones is projected twice, never per park.
/// </summary>
public sealed class LayerProjections
{
    private readonly ConcurrentDictionary<int, Lazy<ProjectedLayer>> _byEpsg = new();

    /// <summary>Wraps the screened features of a layer stored in <paramref name="sourceCrs"/>.</summary>
    public LayerProjections(IReadOnlyList<PolygonalFeature> features, CrsDefinition sourceCrs)
    {
        Features = features ?? throw new ArgumentNullException(nameof(features));
        SourceCrs = sourceCrs ?? throw new ArgumentNullException(nameof(sourceCrs));
    }

    /// <summary>The screened features.</summary>
    public IReadOnlyList<PolygonalFeature> Features { get; }

    /// <summary>The CRS the features are stored in.</summary>
    public CrsDefinition SourceCrs { get; }

    /// <summary>The layer in <paramref name="target"/>, projected and indexed on first request.</summary>
    public ProjectedLayer In(CrsDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _byEpsg.TryGetValue(target.Epsg, out var projected)
            ? projected.Value // the usual case, once per feature in the hot loops: no closure allocated
            : Create(target);
    }

    private ProjectedLayer Create(CrsDefinition target)
    {
        return _byEpsg.GetOrAdd(
            target.Epsg,
            _ => new Lazy<ProjectedLayer>(() => new ProjectedLayer(Features, SourceCrs, target), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
