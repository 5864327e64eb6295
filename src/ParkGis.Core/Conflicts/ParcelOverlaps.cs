using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Conflicts;

/// <summary>
/// Parcels whose interiors meet (宗地重叠), found by the parcel loop from any thread, and their tally: the pairs
/// overlapping by at least the minimum area, and the land under two or more parcels, counted once.
/// </summary>
/// <remarks>
/// <para>
/// Overlapping parcels are grouped into connected clusters as they are found (a lock-free union-find): the clusters
/// are exactly the connected components of the overlap graph, whatever the order of the features or the threads. A
/// cluster in which some parcel overlaps more than <see cref="StackPartners"/> others is a stack (duplicated or
/// historical versions of parcels on one spot): its pairs would be quadratic and their triangles cubic in number, so
/// once a cluster is known to be one, two of its parcels are no longer tested against each other (it changes no
/// cluster) and its pairs are not kept. Each cluster is measured in one analysis CRS, that of its centroid
/// (<see cref="ClusterCrs"/>).
/// </para>
/// <para>
/// In a cluster without a stack each pair's area is measured from the two boundaries (<see cref="CrossingArea"/>) where
/// they only cross properly, by OverlayNGRobust otherwise, taking the parcel first in a spatial order (envelope, then
/// id) as the subject; the land under two or more parcels is the union of the pairs' intersections, and two of those can
/// share land only where three parcels overlap — so only the pairs of such triangles are overlaid and unioned. A stack
/// is measured whole by <see cref="DoubleCoverage"/> (near-linear), its pairs are not counted, and a
/// <c>parcel_stack</c> data issue names it.
/// </para>
/// </remarks>
internal sealed class ParcelOverlaps
{
    /// <summary>The parcels near the one <see cref="FindPartners"/> searches from, one list per thread.</summary>
    [ThreadStatic]
    private static List<int>? t_near;

    /// <summary>A parcel overlapping more than this many others makes its cluster a stack.</summary>
    public const int StackPartners = 32;

    /// <summary>How many parcel ids a <c>parcel_stack</c> issue lists.</summary>
    private const int IdsListed = 10;

    private readonly LayerProjections _parcels;
    private readonly CrsDefinition[] _crsOf;
    private readonly int[] _parent;
    private readonly int[] _partners;
    private readonly bool[] _stackRoot;
    private readonly ConcurrentBag<(int I, int J)> _pairs = [];

    /// <summary>Prepares the search over <paramref name="parcels"/>, each searched in its analysis CRS <paramref name="crsOf"/>.</summary>
    public ParcelOverlaps(LayerProjections parcels, CrsDefinition[] crsOf)
    {
        _parcels = parcels;
        _crsOf = crsOf;
        _parent = [.. Enumerable.Range(0, parcels.Features.Count)];
        _partners = new int[parcels.Features.Count];
        _stackRoot = new bool[parcels.Features.Count];
    }

    /// <summary>Finds the partners of parcel <paramref name="i"/> among the parcels after it in the layer; safe on any thread.</summary>
    public void FindPartners(int i)
    {
        var here = _parcels.In(_crsOf[i]);
        var parcel = here.Geometry(i);
        var envelope = here.Envelope(i);
        var near = t_near ??= ProjectedLayer.NewHits();
        here.QueryUnordered(envelope, near);
        foreach (var j in near)
        {
            if (j <= i || !SharesInterior(envelope, here.Envelope(j)))
            {
                continue; // tested from the other side, or envelopes only touch: no interior to share
            }

            if (InStack(i) && Root(i) == Root(j))
            {
                continue; // both in one stack already: the test would change nothing
            }

            if (!InteriorContact.InteriorsIntersect(parcel, envelope, here.Geometry(j), here.Envelope(j)))
            {
                continue; // neighbours of a tiling share edges but no interior: no overlay needed
            }

            Join(i, j);
            var crowded = Interlocked.Increment(ref _partners[i]) > StackPartners | Interlocked.Increment(ref _partners[j]) > StackPartners;
            if (crowded)
            {
                Volatile.Write(ref _stackRoot[Root(i)], true);
            }

            if (!InStack(i))
            {
                _pairs.Add((i, j));
            }
        }
    }

    /// <summary>
    /// The tally: pairs overlapping by at least <paramref name="minArea"/> m² outside stacks, the land under two or
    /// more parcels, and the stacks; a <c>parcel_stack</c> issue per stack goes to <paramref name="issues"/>.
    /// </summary>
    public ParcelOverlapTally Tally(double minArea, ICollection<DataIssue> issues, IProgress<string>? progress)
    {
        var clusters = Clusters();
        var crsOf = clusters.Select(ClusterCrs).ToArray();
        foreach (var crs in crsOf.DistinctBy(c => c.Epsg).OrderBy(c => c.Epsg))
        {
            _parcels.In(crs); // projected here, not first inside the parallel loop below
        }

        var pairs = new List<(int Cluster, int I, int J)>();
        var stacks = new List<int>();
        var clusterOf = new Dictionary<int, int>();
        for (var c = 0; c < clusters.Count; c++)
        {
            if (clusters[c].Any(p => _partners[p] > StackPartners))
            {
                stacks.Add(c);
                continue;
            }

            foreach (var parcel in clusters[c])
            {
                clusterOf[parcel] = c;
            }
        }

        foreach (var (i, j) in _pairs)
        {
            if (clusterOf.TryGetValue(i, out var cluster))
            {
                pairs.Add((cluster, i, j));
            }
        }

        for (var k = 0; k < pairs.Count; k++)
        {
            if (SpatialOrder(pairs[k].J, pairs[k].I) < 0)
            {
                pairs[k] = (pairs[k].Cluster, pairs[k].J, pairs[k].I); // the subject is the parcel first in the spatial order
            }
        }

        pairs.Sort((a, b) => SpatialOrder(a.I, b.I) is var first and not 0 ? first : SpatialOrder(a.J, b.J));
        progress?.Report(stacks.Count == 0
            ? Localized.Format("ProgressOverlapPairs", pairs.Count)
            : Localized.Format("ProgressOverlapPairsAndStacks", pairs.Count, stacks.Count, stacks.Sum(s => clusters[s].Length)));
        var measured = new Pair?[pairs.Count];
        Parallel.For(0, pairs.Count, k => measured[k] = Measure(_parcels.In(crsOf[pairs[k].Cluster]), pairs[k].I, pairs[k].J));
        var (area, counted) = PairTally([.. measured.OfType<Pair>()], minArea);

        foreach (var s in stacks)
        {
            var layer = _parcels.In(crsOf[s]);
            var members = clusters[s];
            var stackArea = DoubleCoverage.Area(members.Select(layer.Geometry).ToList(), layer.Geometry(members[0]).Factory);
            area += stackArea;
            issues.Add(StackIssue(members, crsOf[s], stackArea));
        }

        return new ParcelOverlapTally(area, counted) { Stacks = stacks.Count };
    }

    /// <summary>
    /// The analysis CRS of a cluster of overlapping parcels: by <see cref="AnalysisCrs"/> for the cluster's centroid (the
    /// 3° zone of the centroid for lon/lat data), so that a figure shared by several parcels never depends on which of
    /// them comes first.
    /// </summary>
    private CrsDefinition ClusterCrs(int[] members)
    {
        var source = _parcels.SourceCrs;
        if (!source.IsGeographic)
        {
            return AnalysisCrs.For(source, _parcels.Features[members[0]].Geometry);
        }

        var geometries = members.Select(m => _parcels.Features[m].Geometry).ToList();
        return AnalysisCrs.For(source, geometries[0].Factory.BuildGeometry(geometries));
    }

    /// <summary>Whether each parcel overlaps another, so far (once every parcel's partners are found: it is in a pair or a stack).</summary>
    public bool[] Overlapping()
    {
        var (root, size) = Components();
        var count = root.Length;

        var overlapping = new bool[count];
        for (var i = 0; i < count; i++)
        {
            overlapping[i] = size[root[i]] > 1;
        }

        return overlapping;
    }

    /// <summary>Each parcel's cluster root and, at each root, the cluster's size.</summary>
    private (int[] Root, int[] Size) Components()
    {
        var count = _parcels.Features.Count;
        var root = new int[count];
        var size = new int[count];
        for (var i = 0; i < count; i++)
        {
            root[i] = Root(i);
            size[root[i]]++;
        }

        return (root, size);
    }

    /// <summary>The clusters of two or more parcels joined by overlap or a stack, each in spatial order; clusters by their first member.</summary>
    private List<int[]> Clusters()
    {
        var (root, size) = Components();
        var count = root.Length;

        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < count; i++)
        {
            if (size[root[i]] > 1)
            {
                (members.TryGetValue(root[i], out var list) ? list : members[root[i]] = []).Add(i);
            }
        }

        var order = Comparer<int>.Create(SpatialOrder);
        return [.. members.Values.Select(m => m.Order(order).ToArray()).OrderBy(m => m[0], order)];
    }

    /// <summary>
    /// Today's rule for clusters without a stack: the pairs' areas added, except the pairs of triangles, whose pieces
    /// are unioned per analysis CRS; pairs counted from <paramref name="minArea"/>.
    /// </summary>
    private static (double Area, int Pairs) PairTally(List<Pair> pairs, double minArea)
    {
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

        foreach (var group in inTriangles.GroupBy(p => p.Layer.Crs.Epsg).OrderBy(g => g.Key))
        {
            var polygons = group.SelectMany(p => p.Pieces ?? Overlay(p.Layer, p.I, p.J)).ToList();
            area += polygons.Count == 0 ? 0 : LayerOverlay.AreaOfUnion(polygons, polygons[0].Factory);
        }

        return (area, pairs.Count(p => p.Area >= minArea));
    }

    /// <summary>Parcel <paramref name="i"/> against the later parcel <paramref name="j"/>, measured in <paramref name="layer"/>; null when they share no area.</summary>
    private static Pair? Measure(ProjectedLayer layer, int i, int j)
    {
        var parcel = layer.Geometry(i);
        if (CrossingArea.SubjectRing(parcel) is { } ring
            && CrossingArea.Of(ring, HoleFreeShell.IsCounterClockwise(parcel), layer.Envelope(i), layer.Boundary(j), out _) is { } measured)
        {
            return measured > 0 ? new Pair(layer, i, j, measured, Pieces: null) : null;
        }

        var pieces = Overlay(layer, i, j);
        return pieces.Length > 0 ? new Pair(layer, i, j, pieces.Sum(p => p.Area), pieces) : null;
    }

    private DataIssue StackIssue(int[] members, CrsDefinition crs, double areaM2)
    {
        var ids = members.Select(m => _parcels.Features[m].Id).Order(StringComparer.Ordinal).ToList();
        var envelope = new Envelope();
        foreach (var m in members)
        {
            envelope.ExpandToInclude(_parcels.Features[m].Geometry.EnvelopeInternal);
        }

        var listed = string.Join(", ", ids.Take(IdsListed)) + (ids.Count > IdsListed ? ", …" : string.Empty);
        return new DataIssue(LayerRoles.Name(LayerRole.Parcels), ids[0], DataIssueCodes.ParcelStack, Localized.Format("ParcelStack", ids.Count, envelope.Centre.X, envelope.Centre.Y, StackPartners, listed, areaM2, crs.Code));
    }

    /// <summary>
    /// A fixed spatial order of the parcels, never the order of the file: by envelope in the stored CRS (west to east,
    /// south to north), then id. Projected parcels are analysed in their own CRS or shifted by a constant (a zone prefix
    /// removed), which keeps the order, so their projected envelopes serve; lon/lat parcels use their own.
    /// </summary>
    private int SpatialOrder(int a, int b)
    {
        if (a == b)
        {
            return 0;
        }

        var (x, y) = _parcels.SourceCrs.IsGeographic
            ? (_parcels.Features[a].Geometry.EnvelopeInternal, _parcels.Features[b].Geometry.EnvelopeInternal)
            : (_parcels.In(_crsOf[a]).Envelope(a), _parcels.In(_crsOf[b]).Envelope(b));
        var byEnvelope = x.MinX.CompareTo(y.MinX) is var c and not 0 ? c
            : x.MinY.CompareTo(y.MinY) is var d and not 0 ? d
            : x.MaxX.CompareTo(y.MaxX) is var e and not 0 ? e
            : x.MaxY.CompareTo(y.MaxY);
        return byEnvelope != 0 ? byEnvelope : string.CompareOrdinal(_parcels.Features[a].Id, _parcels.Features[b].Id);
    }

    /// <summary>Whether parcel <paramref name="i"/>'s cluster is known to be a stack (set once, never cleared).</summary>
    private bool InStack(int i) => Volatile.Read(ref _stackRoot[Root(i)]);

    /// <summary>Whether two envelopes overlap in an area (not merely along a side or at a corner).</summary>
    private static bool SharesInterior(Envelope a, Envelope b) =>
        Math.Min(a.MaxX, b.MaxX) > Math.Max(a.MinX, b.MinX) && Math.Min(a.MaxY, b.MaxY) > Math.Max(a.MinY, b.MinY);

    /// <summary>The representative of parcel <paramref name="i"/>'s cluster so far (union-find, safe on any thread).</summary>
    private int Root(int i)
    {
        while (true)
        {
            var up = Volatile.Read(ref _parent[i]);
            if (up == i)
            {
                return i;
            }

            var further = Volatile.Read(ref _parent[up]);
            if (further != up)
            {
                Interlocked.CompareExchange(ref _parent[i], further, up); // path halving: only ever points higher
            }

            i = further;
        }
    }

    /// <summary>Puts parcels <paramref name="i"/> and <paramref name="j"/> in one cluster (the larger root hangs under the smaller).</summary>
    private void Join(int i, int j)
    {
        while (true)
        {
            var (a, b) = (Root(i), Root(j));
            if (a == b)
            {
                return;
            }

            var (low, high) = a < b ? (a, b) : (b, a);
            if (Interlocked.CompareExchange(ref _parent[high], low, high) == high)
            {
                if (Volatile.Read(ref _stackRoot[high]))
                {
                    Volatile.Write(ref _stackRoot[low], true); // the flag only ever speeds the search; the tally decides
                }

                return;
            }
        }
    }

    private static Polygon[] Overlay(ProjectedLayer layer, int i, int j) =>
        [.. LayerOverlay.PolygonParts(OverlayNGRobust.Overlay(layer.Geometry(i), layer.Geometry(j), SpatialFunction.Intersection))];

    /// <summary>One overlapping pair: its area, and the overlay's pieces when it was overlaid.</summary>
    private sealed record Pair(ProjectedLayer Layer, int I, int J, double Area, Polygon[]? Pieces);
}
