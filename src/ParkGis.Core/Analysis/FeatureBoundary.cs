using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.HPRtree;

namespace ParkGis.Core.Analysis;

/// <summary>
/// The boundary of one valid polygonal feature — a park (园区), a red-line polygon (生态保护红线), a farmland patch — as
/// segments oriented with the feature's interior on their left (shells counter-clockwise, holes clockwise), with an
/// exact point locator and, for long boundaries, a Hilbert-packed R-tree (NTS HPRtree) over the segments. <see cref="CrossingArea"/> uses it to
/// measure a parcel against the feature from the few segments near the parcel instead of the whole ring.
/// Immutable and safe for concurrent readers once constructed.
/// </summary>
internal sealed class FeatureBoundary
{
    /// <summary>Boundaries with more segments than this are indexed; shorter ones are scanned whole.</summary>
    private const int IndexAbove = 64;

    private readonly Coordinate[] _from;
    private readonly Coordinate[] _to;
    private readonly HPRtree<int>? _index;
    private readonly Coordinate[]? _singleRing;
    private readonly IndexedPointInAreaLocator? _locator;

    /// <summary>Builds the boundary of a valid Polygon or MultiPolygon.</summary>
    public FeatureBoundary(Geometry feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var from = new List<Coordinate>(feature.NumPoints);
        var to = new List<Coordinate>(feature.NumPoints);
        for (var k = 0; k < feature.NumGeometries; k++)
        {
            if (feature.GetGeometryN(k) is not Polygon { IsEmpty: false } polygon)
            {
                continue;
            }

            Add(polygon.Shell.Coordinates, interiorOnLeft: Orientation.IsCCW(polygon.Shell.Coordinates), from, to);
            foreach (var hole in polygon.Holes)
            {
                Add(hole.Coordinates, interiorOnLeft: !Orientation.IsCCW(hole.Coordinates), from, to);
            }
        }

        _from = [.. from];
        _to = [.. to];
        if (_from.Length > IndexAbove)
        {
            _index = new HPRtree<int>();
            for (var i = 0; i < _from.Length; i++)
            {
                _index.Insert(new Envelope(_from[i], _to[i]), i);
            }

            _index.Build();
        }

        if (feature is Polygon { NumInteriorRings: 0 } single && single.Shell.NumPoints <= IndexAbove + 1)
        {
            _singleRing = single.Shell.Coordinates;
        }
        else
        {
            _locator = new IndexedPointInAreaLocator(feature);
            _locator.Locate(_from.Length > 0 ? _from[0] : new Coordinate()); // builds the locator's index now, before threads share it
        }
    }

    /// <summary>Number of boundary segments.</summary>
    public int SegmentCount => _from.Length;

    /// <summary>Start of segment <paramref name="segment"/> (the interior lies to the left going from start to end).</summary>
    public Coordinate From(int segment) => _from[segment];

    /// <summary>End of segment <paramref name="segment"/>.</summary>
    public Coordinate To(int segment) => _to[segment];

    /// <summary>Exact location of <paramref name="point"/> relative to the feature.</summary>
    public Location Locate(Coordinate point) =>
        _singleRing is not null ? RingPointLocation.Locate(point, _singleRing) : _locator!.Locate(point);

    /// <summary>Fills <paramref name="segments"/> with the segments whose envelope meets <paramref name="envelope"/>, ascending.</summary>
    public void Near(Envelope envelope, List<int> segments)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(segments);
        segments.Clear();
        if (_index is null)
        {
            for (var i = 0; i < _from.Length; i++)
            {
                segments.Add(i);
            }

            return;
        }

        _index.Query(envelope, new Collector(segments));
        segments.Sort();
    }

    /// <summary>
    /// Whether no boundary segment meets <paramref name="envelope"/>: the envelope then lies wholly inside or wholly
    /// outside the feature, and <see cref="Locate"/> of any point in it tells which.
    /// </summary>
    public bool Misses(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (_index is null)
        {
            for (var i = 0; i < _from.Length; i++)
            {
                if (envelope.Intersects(_from[i], _to[i]))
                {
                    return false;
                }
            }

            return true;
        }

        var hit = new FirstHit();
        _index.Query(envelope, hit);
        return !hit.Found;
    }

    private static void Add(Coordinate[] ring, bool interiorOnLeft, List<Coordinate> from, List<Coordinate> to)
    {
        for (var i = 0; i < ring.Length - 1; i++)
        {
            if (interiorOnLeft)
            {
                from.Add(ring[i]);
                to.Add(ring[i + 1]);
            }
            else
            {
                from.Add(ring[i + 1]);
                to.Add(ring[i]);
            }
        }
    }

    private sealed class FirstHit : IItemVisitor<int>
    {
        public bool Found { get; private set; }

        public void VisitItem(int item) => Found = true;
    }

    private sealed class Collector(List<int> segments) : IItemVisitor<int>
    {
        public void VisitItem(int item) => segments.Add(item);
    }
}
