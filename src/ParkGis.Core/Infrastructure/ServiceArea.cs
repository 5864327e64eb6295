using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// The land within the service distance of one utility network in one projected CRS: the network's features with
/// their linework, in a <see cref="PackedEnvelopeTree"/>. A parcel is served when some feature lies within the distance of it, decided by
/// the exact distance (<see cref="FacetDistance"/>, NTS's <c>IsWithinDistance</c> answer) against the features whose
/// envelopes are within reach — so a parcel exactly at the distance is served wherever it lies, and nothing is
/// buffered or unioned.
/// </summary>
public sealed class ServiceArea
{
    /// <summary>The served test's pending nodes, one per thread (a test runs on one thread from start to end).</summary>
    [ThreadStatic]
    private static Stack<int>? Pending;

    /// <summary>The distance search's queue of entries, one per thread.</summary>
    [ThreadStatic]
    private static PriorityQueue<int, double>? Queue;

    private readonly Geometry[] _network;
    private readonly Linework[] _linework;
    private readonly PackedEnvelopeTree _index;

    /// <summary>Builds the area for network geometries already in <paramref name="crs"/>.</summary>
    public ServiceArea(IReadOnlyList<Geometry> network, CrsDefinition crs, double distanceM)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(distanceM);
        Crs = crs ?? throw new ArgumentNullException(nameof(crs));
        DistanceM = distanceM;
        _network = [.. network];
        _linework = new Linework[_network.Length];
        for (var i = 0; i < _network.Length; i++)
        {
            _linework[i] = Linework.Of(_network[i]);
        }

        _index = new PackedEnvelopeTree(_network.Select(n => n.EnvelopeInternal).ToList());
    }

    /// <summary>The CRS of the area.</summary>
    public CrsDefinition Crs { get; }

    /// <summary>The service distance in metres.</summary>
    public double DistanceM { get; }

    /// <summary>
    /// The distance in metres from <paramref name="geometry"/> to the nearest segment of the network (0 when they meet),
    /// or null when the network has no feature: the least exact distance over the network features
    /// (<c>feature.Distance(geometry)</c>'s value), found by a best-first search of the index in order of envelope
    /// distance that measures a feature only when its envelope is nearer than the nearest feature found so far.
    /// </summary>
    public double? DistanceTo(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (_network.Length == 0)
        {
            return null;
        }

        if (geometry.IsEmpty)
        {
            return _network.Min(n => n.Distance(geometry));
        }

        return DistanceTo(Linework.Of(geometry));
    }

    /// <summary>True when some point of <paramref name="geometry"/> is within the service distance of the network.</summary>
    public bool Serves(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return !geometry.IsEmpty && _network.Length > 0 && Serves(Linework.Of(geometry));
    }

    /// <summary><see cref="Serves(Geometry)"/> of a non-empty geometry's linework.</summary>
    internal bool Serves(Linework parcel)
    {
        if (_network.Length == 0)
        {
            return false;
        }

        var envelope = parcel.Envelope;
        var reach = FacetDistance.Widen(DistanceM);
        var pending = Pending ??= new Stack<int>();
        pending.Clear();
        pending.Push(_index.Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            for (int child = _index.FirstChild(node), end = _index.EndChild(node); child < end; child++)
            {
                if (_index.Distance(child, envelope) > reach)
                {
                    continue;
                }

                if (!_index.IsItem(child))
                {
                    pending.Push(child);
                }
                else if (FacetDistance.IsWithin(_linework[_index.ItemOf(child)], parcel, DistanceM))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><see cref="DistanceTo(Geometry)"/> of a non-empty geometry's linework; infinity when the network has no feature.</summary>
    internal double DistanceTo(Linework parcel)
    {
        if (_network.Length == 0)
        {
            return double.PositiveInfinity;
        }

        var envelope = parcel.Envelope;
        var best = double.PositiveInfinity;
        var queue = Queue ??= new PriorityQueue<int, double>();
        queue.Clear();
        queue.Enqueue(_index.Root, 0);
        while (queue.TryDequeue(out var entry, out var bound))
        {
            if (bound > FacetDistance.Widen(best))
            {
                break;
            }

            if (!_index.IsItem(entry))
            {
                for (int child = _index.FirstChild(entry), end = _index.EndChild(entry); child < end; child++)
                {
                    var distance = _index.Distance(child, envelope);
                    if (distance <= FacetDistance.Widen(best))
                    {
                        queue.Enqueue(child, distance);
                    }
                }
            }
            else
            {
                var measured = FacetDistance.Measure(_linework[_index.ItemOf(entry)], parcel, best);
                if (measured < best)
                {
                    best = measured;
                    if (best == 0)
                    {
                        break;
                    }
                }
            }
        }

        queue.Clear();
        return best;
    }
}
