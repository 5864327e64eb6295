using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;

namespace ParkGis.Core.Conflicts;

/// <summary>
/// The pairs of parcels whose interiors meet (宗地重叠), collected by the parcel loop from any thread, and their
/// tally: the number of pairs and the land under two or more parcels, counted once.
/// </summary>
/// <remarks>
/// Each pair's area is measured from the two boundaries (<see cref="CrossingArea"/>) where they only cross properly,
/// and by OverlayNGRobust otherwise. The land under two or more parcels is the union of the pairs' intersections;
/// two of those can share interior only where three parcels overlap, and then every two of the three overlap. So
/// the intersections of pairs that belong to no such triangle are added as they are, and only the pairs of
/// triangles are overlaid and unioned.
/// </remarks>
internal sealed class ParcelOverlaps(LayerProjections? parcels = null)
{
    private readonly ConcurrentBag<Pair> _pairs = [];

    /// <summary>Records parcels <paramref name="i"/> &lt; <paramref name="j"/> of <paramref name="layer"/>, whose interiors meet.</summary>
    public void Add(ProjectedLayer layer, int i, int j)
    {
        var parcel = layer.Geometry(i);
        if (CrossingArea.SubjectRing(parcel) is { } ring
            && CrossingArea.Of(ring, HoleFreeShell.IsCounterClockwise(parcel), layer.Envelope(i), layer.Boundary(j), out _) is { } measured)
        {
            if (measured > 0)
            {
                _pairs.Add(new Pair(layer, i, j, measured, Pieces: null));
            }

            return;
        }

        var pieces = Overlay(layer, i, j);
        if (pieces.Length > 0)
        {
            _pairs.Add(new Pair(layer, i, j, pieces.Sum(p => p.Area), pieces));
        }
    }

    /// <summary>The tally: pairs overlapping by at least <paramref name="minArea"/> m², and the land under two or more parcels.</summary>
    public ParcelOverlapTally Tally(double minArea)
    {
        var pairs = InClusterCrs(_pairs.OrderBy(p => p.I).ThenBy(p => p.J).ToList());
        var neighbours = new Dictionary<int, HashSet<int>>();
        foreach (var pair in pairs)
        {
            Neighbours(pair.I).Add(pair.J);
            Neighbours(pair.J).Add(pair.I);
        }

        HashSet<int> Neighbours(int parcel) => neighbours.TryGetValue(parcel, out var set) ? set : neighbours[parcel] = [];

        double area = 0;
        var inTriangles = new List<Pair>();
        foreach (var pair in pairs)
        {
            if (neighbours[pair.I].Overlaps(neighbours[pair.J]))
            {
                inTriangles.Add(pair); // a third parcel overlaps both: the intersections may share land
            }
            else
            {
                area += pair.Area;
            }
        }

        foreach (var group in inTriangles.GroupBy(p => p.Cluster).OrderBy(g => g.Key))
        {
            var polygons = group.SelectMany(p => p.Pieces ?? Overlay(p.Layer, p.I, p.J)).ToList();
            area += polygons.Count == 0 ? 0 : LayerOverlay.AreaOfUnion(polygons, polygons[0].Factory);
        }

        return new ParcelOverlapTally(area, pairs.Count(p => p.Area >= minArea));
    }

    /// <summary>
    /// For lon/lat parcels, every pair measured in the analysis CRS of its cluster of overlapping parcels — the zone of the
    /// centroid of the cluster's parcels (<see cref="AnalysisCrs.For"/>) — so that no figure shared by several parcels
    /// depends on which of them comes first; projected parcels share one CRS already.
    /// </summary>
    private List<Pair> InClusterCrs(List<Pair> pairs)
    {
        if (parcels is not { SourceCrs.IsGeographic: true } || pairs.Count == 0)
        {
            return pairs;
        }

        var parent = new Dictionary<int, int>();
        int Root(int i)
        {
            while (parent.TryGetValue(i, out var up) && up != i)
            {
                i = parent[i] = parent.GetValueOrDefault(up, up);
            }

            return i;
        }

        foreach (var pair in pairs)
        {
            parent.TryAdd(pair.I, pair.I);
            parent.TryAdd(pair.J, pair.J);
            var (a, b) = (Root(pair.I), Root(pair.J));
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var crsOfCluster = parent.Keys.GroupBy(Root).ToDictionary(
            g => g.Key,
            g =>
            {
                var members = g.Order().Select(i => parcels.Features[i].Geometry).ToList();
                return AnalysisCrs.For(parcels.SourceCrs, members[0].Factory.BuildGeometry(members));
            });
        return pairs.Select(pair =>
        {
            var root = Root(pair.I);
            var crs = crsOfCluster[root];
            return (pair.Layer.Crs.Epsg == crs.Epsg ? pair : Measure(parcels.In(crs), pair.I, pair.J) ?? pair with { Area = 0, Pieces = [] }) with { Cluster = root };
        }).Where(p => p.Area > 0).ToList();
    }

    /// <summary>Measures the overlap of parcels <paramref name="i"/> and <paramref name="j"/> in <paramref name="layer"/>'s CRS; null when they share no area there.</summary>
    private static Pair? Measure(ProjectedLayer layer, int i, int j)
    {
        var pieces = Overlay(layer, i, j);
        return pieces.Length > 0 ? new Pair(layer, i, j, pieces.Sum(p => p.Area), pieces) : null;
    }

    private static Polygon[] Overlay(ProjectedLayer layer, int i, int j) =>
        [.. LayerOverlay.PolygonParts(OverlayNGRobust.Overlay(layer.Geometry(i), layer.Geometry(j), SpatialFunction.Intersection))];

    /// <summary>One overlapping pair: its area, and the overlay's pieces when it was overlaid.</summary>
    private sealed record Pair(ProjectedLayer Layer, int I, int J, double Area, Polygon[]? Pieces)
    {
        /// <summary>The cluster of overlapping parcels the pair belongs to (for lon/lat parcels; 0 otherwise).</summary>
        public int Cluster { get; init; }
    }
}
