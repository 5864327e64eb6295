using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Buffer;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// The land within the service distance of one utility network in one projected CRS: every network feature
/// buffered by the distance in a single buffer operation (which unions them), prepared once. A parcel is served
/// when it meets that area. Because a buffer's round caps and joins are polygons inscribed in the true circles,
/// a parcel that misses the buffer is checked once more by exact distance against the nearby network features,
/// so a parcel exactly at the distance is served wherever it lies.
/// </summary>
public sealed class ServiceArea
{
    private readonly Geometry[] _network;
    private readonly STRtree<int> _index = new();
    private readonly IPreparedGeometry? _buffer;

    /// <summary>Builds the area for network geometries already in <paramref name="crs"/>.</summary>
    public ServiceArea(IReadOnlyList<Geometry> network, CrsDefinition crs, double distanceM)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(distanceM);
        Crs = crs ?? throw new ArgumentNullException(nameof(crs));
        DistanceM = distanceM;
        _network = [.. network];
        for (var i = 0; i < _network.Length; i++)
        {
            _index.Insert(_network[i].EnvelopeInternal, i);
        }

        _index.Build();
        if (_network.Length > 0 && distanceM > 0)
        {
            var factory = _network[0].Factory;
            var all = factory.CreateGeometryCollection(_network);
            var parameters = new BufferParameters { QuadrantSegments = 16 };
            Area = BufferOp.Buffer(all, distanceM, parameters);
            _buffer = PreparedGeometryFactory.Prepare(Area);
        }
        else
        {
            Area = (_network.Length > 0 ? _network[0].Factory : GeometryFactory.Default).CreatePolygon();
        }
    }

    /// <summary>The CRS of the area.</summary>
    public CrsDefinition Crs { get; }

    /// <summary>The service distance in metres.</summary>
    public double DistanceM { get; }

    /// <summary>The buffered, unioned network (empty for a distance of 0 or no features).</summary>
    public Geometry Area { get; }

    /// <summary>
    /// The distance in metres from <paramref name="geometry"/> to the nearest segment of the network (0 when they meet),
    /// or null when the network has no feature. The search widens from the service distance until a feature is found
    /// within the searched radius: none outside it can be nearer.
    /// </summary>
    public double? DistanceTo(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (_network.Length == 0)
        {
            return null;
        }

        var all = _index.Root.Bounds is Envelope bounds ? bounds : null;
        var reach = Math.Max(DistanceM, 1);
        while (true)
        {
            var search = new Envelope(geometry.EnvelopeInternal);
            search.ExpandBy(reach);
            var nearest = double.PositiveInfinity;
            foreach (var i in _index.Query(search))
            {
                nearest = Math.Min(nearest, _network[i].Distance(geometry));
            }

            if (nearest <= reach || (all is not null && search.Covers(all)))
            {
                return double.IsFinite(nearest) ? nearest : _network.Min(n => n.Distance(geometry));
            }

            reach *= 2;
        }
    }

    /// <summary>True when some point of <paramref name="geometry"/> is within the service distance of the network.</summary>
    public bool Serves(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (_buffer is not null && _buffer.Intersects(geometry))
        {
            return true;
        }

        var search = new Envelope(geometry.EnvelopeInternal);
        search.ExpandBy(DistanceM);
        foreach (var i in _index.Query(search))
        {
            if (_network[i].IsWithinDistance(geometry, DistanceM))
            {
                return true;
            }
        }

        return false;
    }
}
