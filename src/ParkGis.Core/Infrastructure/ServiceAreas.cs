using System.Collections.Concurrent;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// One utility network, turned into its <see cref="ServiceArea"/> once per analysis CRS that needs it and
/// shared by every park measured in that CRS — never built per park or per parcel.
/// </summary>
public sealed class ServiceAreas
{
    private readonly ConcurrentDictionary<int, Lazy<ServiceArea>> _byEpsg = new();
    private int _builds;

    /// <summary>Wraps the screened features of a network stored in <paramref name="sourceCrs"/>.</summary>
    public ServiceAreas(IReadOnlyList<NetworkFeature> features, CrsDefinition sourceCrs, double distanceM)
    {
        Features = features ?? throw new ArgumentNullException(nameof(features));
        SourceCrs = sourceCrs ?? throw new ArgumentNullException(nameof(sourceCrs));
        DistanceM = distanceM;
    }

    /// <summary>The network features.</summary>
    public IReadOnlyList<NetworkFeature> Features { get; }

    /// <summary>The CRS the features are stored in.</summary>
    public CrsDefinition SourceCrs { get; }

    /// <summary>The service distance in metres.</summary>
    public double DistanceM { get; }

    /// <summary>How many service areas were built (one per CRS requested).</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>The service area in <paramref name="target"/>, built on first request.</summary>
    public ServiceArea In(CrsDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_byEpsg.TryGetValue(target.Epsg, out var built))
        {
            return built.Value;
        }

        return _byEpsg.GetOrAdd(target.Epsg, _ => new Lazy<ServiceArea>(() => Build(target), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private ServiceArea Build(CrsDefinition target)
    {
        Interlocked.Increment(ref _builds);
        var transform = CrsTransform.Create(SourceCrs, target);
        return new ServiceArea(Features.Select(f => transform.Apply(f.Geometry)).ToList(), target, DistanceM);
    }
}
