using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index;
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
            // The buffer only speeds up the answer (a parcel it misses is measured exactly), so its round caps need
            // few segments: NTS's default 8 per quadrant, half the vertices of 16 to node and union.
            var parameters = new BufferParameters { QuadrantSegments = BufferParameters.DefaultQuadrantSegments };
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
    /// or null when the network has no feature: the least exact distance over the network features, found by the
    /// index's branch-and-bound nearest-neighbour search (a subtree whose box is farther than the best distance so far
    /// is never opened), so only the features near the nearest one are measured, however far the network is.
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

        var measure = new FeatureDistance(_network, geometry);
        var nearest = _index.NearestNeighbour(geometry.EnvelopeInternal, FeatureDistance.Query, measure);
        return measure.To(nearest);
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

    /// <summary>
    /// The exact distance between the query geometry (item <see cref="Query"/>) and a network feature (its index), for
    /// the index's nearest-neighbour search; node boxes are bounded by the index itself with the distance between boxes.
    /// </summary>
    private sealed class FeatureDistance(Geometry[] network, Geometry query) : IItemDistance<Envelope, int>
    {
        /// <summary>The item that stands for the query geometry.</summary>
        public const int Query = -1;

        public double Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2) =>
            item1.Item == Query ? To(item2.Item)
            : item2.Item == Query ? To(item1.Item)
            : network[item1.Item].Distance(network[item2.Item]);

        public double To(int feature) => network[feature].Distance(query);
    }
}
