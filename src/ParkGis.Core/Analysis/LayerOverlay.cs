using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Infrastructure;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Overlay of one polygon against a whole indexed layer, computed as the union of the pairwise pieces so that
/// overlapping layer features are never counted twice: area(A ∩ ∪L) = area(∪(A ∩ Lᵢ)). Uses OverlayNGRobust
/// throughout; only features whose envelope meets the subject are touched, and containment is decided with
/// prepared geometry before any overlay.
/// </summary>
public static class LayerOverlay
{
    /// <summary>The candidates of <see cref="AreaInside(Geometry, Envelope, ProjectedLayer)"/>, one list per thread (it calls nothing that queries again).</summary>
    [ThreadStatic]
    private static List<int>? t_candidates;

    /// <summary>A polygon of an intersection and the layer feature it came from.</summary>
    /// <param name="Polygon">One polygon of subject ∩ feature.</param>
    /// <param name="FeatureIndex">Index of the feature in the projected layer.</param>
    public sealed record Piece(Polygon Polygon, int FeatureIndex);

    /// <summary>
    /// The pieces of <paramref name="subject"/> ∩ each feature of <paramref name="layer"/> (polygons only:
    /// features that merely touch the subject give nothing).
    /// </summary>
    /// <param name="subject">A valid polygonal geometry in the layer's CRS.</param>
    /// <param name="preparedSubject">The same geometry, prepared.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="skipIndex">A feature index to leave out (the subject itself), or -1.</param>
    /// <remarks>
    /// Each overlay takes the whole subject: OverlayNG clips it to the feature's envelope in one pass over its
    /// vertices, which costs less than cutting and caching windows of a park boundary (measured on 10 parks of
    /// 2,000–5,000 vertices against 3,000 farmland patches).
    /// </remarks>
    public static List<Piece> Pieces(Geometry subject, IPreparedGeometry preparedSubject, ProjectedLayer layer, int skipIndex = -1) =>
        Pieces(subject, preparedSubject, layer, index => index != skipIndex);

    /// <summary>
    /// The pieces of <paramref name="subject"/> ∩ each feature of <paramref name="layer"/> that <paramref name="include"/>
    /// accepts: the same pieces, in the same order, as those of a layer holding only the accepted features (in their order).
    /// </summary>
    /// <param name="subject">A valid polygonal geometry in the layer's CRS.</param>
    /// <param name="preparedSubject">The same geometry, prepared.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="include">Whether feature <c>i</c> of the layer takes part.</param>
    public static List<Piece> Pieces(Geometry subject, IPreparedGeometry preparedSubject, ProjectedLayer layer, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(preparedSubject);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(include);
        return Pieces(subject, preparedSubject, null, layer, include);
    }

    /// <summary>
    /// As <see cref="Pieces(Geometry, IPreparedGeometry, ProjectedLayer, int)"/>, with the subject's boundary at hand: a
    /// feature that no segment of it comes near lies wholly inside the subject (its piece is the feature itself) or wholly
    /// outside (no piece), and one vertex tells which without a relate. The same pieces in the same order.
    /// </summary>
    /// <param name="subject">A valid polygonal geometry in the layer's CRS.</param>
    /// <param name="preparedSubject">The same geometry, prepared.</param>
    /// <param name="subjectBoundary">The same geometry's boundary.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="coverDecided">
    /// Told, for each feature along the subject's edges, whether the subject covers it (the relate this asks anyway), or null.
    /// </param>
    internal static List<Piece> Pieces(
        Geometry subject, IPreparedGeometry preparedSubject, FeatureBoundary subjectBoundary, ProjectedLayer layer, Action<int, bool>? coverDecided = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(preparedSubject);
        ArgumentNullException.ThrowIfNull(subjectBoundary);
        ArgumentNullException.ThrowIfNull(layer);
        return Pieces(subject, preparedSubject, subjectBoundary, layer, static _ => true, coverDecided);
    }

    private static List<Piece> Pieces(
        Geometry subject, IPreparedGeometry preparedSubject, FeatureBoundary? subjectBoundary, ProjectedLayer layer, Func<int, bool> include,
        Action<int, bool>? coverDecided = null)
    {
        var pieces = new List<Piece>();
        foreach (var index in layer.Query(subject.EnvelopeInternal))
        {
            if (!include(index))
            {
                continue;
            }

            var feature = layer.Geometry(index);
            bool covered;
            if (subjectBoundary is not null && !feature.IsEmpty)
            {
                if (subjectBoundary.Misses(layer.Envelope(index)))
                {
                    if (subjectBoundary.Locate(feature.Coordinate) == Location.Interior)
                    {
                        AddParts(feature, index, pieces);
                    }

                    continue;
                }

                // Along the subject's edges most features lie inside it: Covers first, since a covered feature with an
                // area shares the subject's interior, and the interiors' test only for the others.
                covered = ShellCover.Covers(subject, feature) ?? preparedSubject.Covers(feature);
                coverDecided?.Invoke(index, covered);
                if (!(covered && feature.Area > 0) && !InteriorsIntersect(preparedSubject, feature))
                {
                    continue;
                }
            }
            else
            {
                if (!InteriorsIntersect(preparedSubject, feature))
                {
                    continue;
                }

                covered = ShellCover.Covers(subject, feature) ?? preparedSubject.Covers(feature);
            }

            Geometry intersection;
            if (covered)
            {
                intersection = feature;
            }
            else if (ShellCover.Covers(feature, subject) ?? layer.Prepared(index).Covers(subject))
            {
                intersection = subject;
            }
            else
            {
                intersection = OverlayNGRobust.Overlay(subject, feature, SpatialFunction.Intersection);
            }

            AddParts(intersection, index, pieces);
        }

        return pieces;
    }

    /// <summary>
    /// Whether the subject and a feature share interior. A feature that only touches the subject gives no polygon;
    /// RelateNG tells so from its kept index, where an overlay of a neighbour along a shared edge would be computed
    /// only to be dropped. Two small hole-free polygons (a one-feature batch and a parcel, a parcel and an approval) are
    /// first asked of <see cref="InteriorContact.FastPath"/>, exact where it answers.
    /// </summary>
    private static bool InteriorsIntersect(IPreparedGeometry preparedSubject, Geometry feature) =>
        preparedSubject is RelatePreparedGeometry relate
            ? InteriorContact.FastPath(relate.Geometry, feature) ?? relate.InteriorsIntersect(feature)
            : preparedSubject.Intersects(feature);

    private static void AddParts(Geometry intersection, int index, List<Piece> pieces)
    {
        foreach (var polygon in PolygonParts(intersection))
        {
            pieces.Add(new Piece(polygon, index));
        }
    }

    /// <summary>Whether one feature of <paramref name="layer"/> covers <paramref name="subject"/> on its own.</summary>
    public static bool CoveredByOne(Geometry subject, ProjectedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(layer);
        foreach (var index in layer.Query(subject.EnvelopeInternal))
        {
            if (layer.Envelope(index).Covers(subject.EnvelopeInternal) && layer.Prepared(index).Covers(subject))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The union of the pieces' polygons (empty polygon when there are none).</summary>
    public static Geometry Union(IReadOnlyList<Piece> pieces, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(factory);
        return pieces.Count switch
        {
            0 => factory.CreatePolygon(),
            1 => pieces[0].Polygon,
            _ => UnionOf(pieces.Select(p => p.Polygon).ToList(), factory),
        };
    }

    /// <summary>
    /// The union of polygons, computed only where it can change anything: polygons are grouped into clusters
    /// whose envelopes meet (touching included), each cluster of two or more is unioned with OverlayNGRobust, and
    /// polygons alone in their cluster are taken as they are. Pieces of a layer whose features lie apart — the
    /// usual farmland patches (永久基本农田图斑) inside a park — so cost no overlay at all.
    /// </summary>
    /// <returns>The single polygon, or a MultiPolygon of the parts; an empty polygon for no input.</returns>
    public static Geometry UnionOf(IReadOnlyList<Polygon> polygons, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(factory);
        if (polygons.Count <= 1)
        {
            return polygons.Count == 0 ? factory.CreatePolygon() : polygons[0];
        }

        var cluster = Clusters(polygons);
        var groups = Enumerable.Range(0, polygons.Count).GroupBy(i => cluster[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var unions = new IReadOnlyList<Polygon>[groups.Length];
        void UnionGroup(int k) => unions[k] = groups[k].Length == 1
            ? [polygons[groups[k][0]]]
            : PolygonParts(OverlayNGRobust.Union(groups[k].Select(i => (Geometry)polygons[i]).ToList(), factory));
        if (groups.Length >= 64)
        {
            Parallel.For(0, groups.Length, UnionGroup); // e.g. the overlaps of a city's parcels: thousands of small clusters
        }
        else
        {
            for (var k = 0; k < groups.Length; k++)
            {
                UnionGroup(k);
            }
        }

        var parts = unions.SelectMany(u => u).ToList();
        return parts.Count == 1 ? parts[0] : factory.CreateMultiPolygon([.. parts]);
    }

    /// <summary>For each polygon, the smallest index in its cluster of polygons with meeting envelopes.</summary>
    private static int[] Clusters(IReadOnlyList<Polygon> polygons)
    {
        var parent = Enumerable.Range(0, polygons.Count).ToArray();
        var index = new STRtree<int>();
        for (var i = 0; i < polygons.Count; i++)
        {
            index.Insert(polygons[i].EnvelopeInternal, i);
        }

        for (var i = 0; i < polygons.Count; i++)
        {
            foreach (var j in index.Query(polygons[i].EnvelopeInternal))
            {
                Join(parent, i, j);
            }
        }

        var roots = new int[polygons.Count];
        for (var i = 0; i < polygons.Count; i++)
        {
            roots[i] = Root(parent, i);
        }

        return roots;
    }

    /// <summary>
    /// Area in m² of <paramref name="subject"/> inside the union of <paramref name="layer"/>: the subject's own
    /// area when one feature covers it, 0 when none meets it, the area of the unioned pieces otherwise.
    /// </summary>
    public static double AreaInside(Geometry subject, ProjectedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return AreaInside(subject, subject.EnvelopeInternal, layer);
    }

    /// <summary>As <see cref="AreaInside(Geometry, ProjectedLayer)"/>, with the subject's envelope at hand.</summary>
    public static double AreaInside(Geometry subject, Envelope envelope, ProjectedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(layer);
        var candidates = t_candidates ??= ProjectedLayer.NewHits();
        layer.Query(envelope, candidates);
        if (candidates.Count == 0)
        {
            return 0;
        }

        if (CrossingArea.SubjectRing(subject) is { } ring && FromBoundaries(subject, ring, envelope, layer, candidates) is { } measured)
        {
            return measured;
        }

        List<int>? crossing = null;
        foreach (var index in candidates)
        {
            var prepared = layer.Prepared(index);
            if (!prepared.Intersects(subject))
            {
                continue;
            }

            if (prepared.Covers(subject))
            {
                return subject.Area;
            }

            (crossing ??= []).Add(index);
        }

        if (crossing is null)
        {
            return 0;
        }

        var pieces = new List<Polygon>();
        foreach (var index in crossing)
        {
            pieces.AddRange(PolygonParts(OverlayNGRobust.Overlay(subject, layer.Around(index, envelope), SpatialFunction.Intersection)));
        }

        return pieces.Count switch
        {
            0 => 0,
            1 => pieces[0].Area,
            _ => AreaOfUnion(pieces, subject.Factory), // a layer may hold overlapping features
        };
    }

    /// <summary>
    /// The area inside the layer from the boundaries alone (<see cref="CrossingArea"/>): the subject's own area when a
    /// feature covers it, else the sum over the features it crosses when there is one, or several that provably
    /// share no interior (so the areas add up); null when any feature is not decided that way.
    /// </summary>
    private static double? FromBoundaries(Geometry subject, Coordinate[] ring, Envelope envelope, ProjectedLayer layer, List<int> candidates)
    {
        var total = 0.0;
        var counterClockwise = HoleFreeShell.IsCounterClockwise(subject);
        List<int>? crossing = null;
        foreach (var index in candidates)
        {
            if (CrossingArea.Of(ring, counterClockwise, envelope, layer.Boundary(index), out var covered) is not { } area)
            {
                return null;
            }

            if (covered)
            {
                return HoleFreeShell.AreaOf(subject);
            }

            if (area > 0)
            {
                total += area;
                (crossing ??= []).Add(index);
            }
        }

        for (var x = 0; x < (crossing?.Count ?? 0); x++)
        {
            for (var y = x + 1; y < crossing!.Count; y++)
            {
                if (InteriorContact.FastPath(layer.Geometry(crossing[x]), layer.Geometry(crossing[y])) != false)
                {
                    return null;
                }
            }
        }

        return total;
    }

    /// <summary>The polygons of a geometry, dropping lines and points (lower-dimension overlay leftovers).</summary>
    public static List<Polygon> PolygonParts(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var parts = new List<Polygon>();
        Collect(geometry, parts);
        return parts;
    }

    /// <summary>
    /// The area of the union of polygons (in the CRS units², m² in a projected CRS): polygons whose interiors meet no other polygon's (touching along
    /// edges is fine) add their own area, and only groups whose interiors meet are unioned with OverlayNGRobust.
    /// Pieces cut from one subject by adjacent features, or the pairwise overlaps of a parcel tiling, thus cost no
    /// overlay. Summed in a fixed order, so the result does not depend on threads.
    /// </summary>
    public static double AreaOfUnion(IReadOnlyList<Polygon> polygons, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(factory);
        if (polygons.Count <= 1)
        {
            return polygons.Count == 0 ? 0 : polygons[0].Area;
        }

        return GroupAreas(polygons, InteriorGroups(polygons), factory).Sum();
    }

    /// <summary>
    /// The area of each group's union (<see cref="AreaOfUnion"/> sums them in this order): a polygon alone its own area,
    /// the others' unions with OverlayNGRobust, unless <paramref name="known"/> gives the group's area.
    /// </summary>
    /// <param name="polygons">The polygons.</param>
    /// <param name="groups">Their <see cref="InteriorGroups"/>.</param>
    /// <param name="factory">The factory of the unions.</param>
    /// <param name="known">The area of a group of several polygons when already measured, else null.</param>
    internal static double[] GroupAreas(IReadOnlyList<Polygon> polygons, int[][] groups, GeometryFactory factory, Func<int[], double?>? known = null)
    {
        var areas = new double[groups.Length];
        void Measure(int k) => areas[k] = groups[k].Length == 1
            ? polygons[groups[k][0]].Area
            : known?.Invoke(groups[k]) ?? OverlayNGRobust.Union(groups[k].Select(i => (Geometry)polygons[i]).ToList(), factory).Area;
        if (groups.Count(g => g.Length > 1) >= 64)
        {
            Parallel.For(0, groups.Length, Measure);
        }
        else
        {
            for (var k = 0; k < groups.Length; k++)
            {
                Measure(k);
            }
        }

        return areas;
    }

    /// <summary>
    /// The area the polygons share (Σ of their areas less the area of their union, in the CRS units²), from the groups
    /// whose interiors meet alone: a polygon whose interior meets no other's shares nothing and costs no overlay, so the
    /// parts of one union (a park's conflict patches) share exactly 0 without their union ever being built. Groups in a
    /// fixed order; a group's share is never below 0 (the union's rounding).
    /// </summary>
    public static double SharedArea(IReadOnlyList<Polygon> polygons, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(factory);
        var shared = 0.0;
        foreach (var group in polygons.Count < 2 ? [] : InteriorGroups(polygons))
        {
            if (group.Length > 1)
            {
                var members = group.Select(i => (Geometry)polygons[i]).ToList();
                shared += Math.Max(0, members.Sum(m => m.Area) - OverlayNGRobust.Union(members, factory).Area);
            }
        }

        return shared;
    }

    /// <summary>
    /// The same point set as the union of <paramref name="polygons"/>, as polygons whose interiors are pairwise disjoint
    /// (they may share edges and vertices): a polygon whose interior meets no other's is kept as it is, and only each
    /// group of polygons whose interiors meet is unioned with OverlayNGRobust. Pieces cut from one subject by the
    /// parcels of a tiling thus cost no overlay. The parts are in a fixed order (by the groups' first input index).
    /// </summary>
    public static List<Polygon> InteriorDisjointParts(IReadOnlyList<Polygon> polygons, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(factory);
        if (polygons.Count <= 1)
        {
            return [.. polygons];
        }

        var parts = new List<Polygon>(polygons.Count);
        foreach (var group in InteriorGroups(polygons))
        {
            if (group.Length == 1)
            {
                parts.Add(polygons[group[0]]);
            }
            else
            {
                parts.AddRange(PolygonParts(OverlayNGRobust.Union(group.Select(i => (Geometry)polygons[i]).ToList(), factory)));
            }
        }

        return parts;
    }

    /// <summary>
    /// <paramref name="subject"/> minus the union of <paramref name="polygons"/>, in one overlay: the polygons are made
    /// interior-disjoint (<see cref="InteriorDisjointParts"/>) and taken together as one MultiPolygon whose parts may
    /// share edges — input OverlayNG accepts (edges that coincide are merged and their sides cancel, as in its coverage
    /// union) — so the union itself is never built. The same point set as the difference with the union.
    /// </summary>
    /// <param name="subject">A valid polygonal geometry.</param>
    /// <param name="polygons">Valid polygons in the subject's CRS, overlapping or not.</param>
    /// <returns>
    /// The difference (the subject itself when there are no polygons), and the area of the polygons' union (the sum of
    /// the interior-disjoint parts' areas, added in their order).
    /// </returns>
    public static (Geometry Remainder, double UnionArea) Remainder(Geometry subject, IReadOnlyList<Polygon> polygons)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(polygons);
        var (cut, area) = RemainderCut(polygons, subject.Factory);
        return (Remainder(subject, cut), area);
    }

    /// <summary>
    /// The first half of <see cref="Remainder(Geometry, IReadOnlyList{Polygon})"/>, for a caller that needs the area now
    /// and the difference perhaps later: the polygons made interior-disjoint and taken together, and their union's area.
    /// </summary>
    /// <param name="polygons">Valid polygons, overlapping or not.</param>
    /// <param name="factory">The factory of the MultiPolygon.</param>
    /// <returns>The geometry to take out (null when there are no polygons) and the area of the polygons' union.</returns>
    public static (Geometry? Cut, double UnionArea) RemainderCut(IReadOnlyList<Polygon> polygons, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(factory);
        if (polygons.Count == 0)
        {
            return (null, 0);
        }

        var parts = InteriorDisjointParts(polygons, factory);
        var area = 0.0;
        foreach (var part in parts)
        {
            area += part.Area;
        }

        return (parts.Count == 1 ? parts[0] : factory.CreateMultiPolygon([.. parts]), area);
    }

    /// <summary>The second half of <see cref="Remainder(Geometry, IReadOnlyList{Polygon})"/>: <paramref name="subject"/> − <paramref name="cut"/> (the subject itself when the cut is null).</summary>
    /// <param name="subject">A valid polygonal geometry.</param>
    /// <param name="cut">A <see cref="RemainderCut"/> in the subject's CRS, or null.</param>
    public static Geometry Remainder(Geometry subject, Geometry? cut)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return cut is null ? subject : OverlayNGRobust.Overlay(subject, cut, SpatialFunction.Difference);
    }

    /// <summary>
    /// The groups of polygons whose interiors meet (connected through pairs that <see cref="InteriorContact"/> finds
    /// meeting), each group's indexes ascending, the groups by their first index.
    /// </summary>
    /// <remarks>
    /// Copies of one polygon (the same coordinates in the same order: pieces of parcels stacked on one another) are
    /// related once: a copy meets what its first occurrence meets, so only the distinct polygons are paired. Without
    /// that, N copies each cut into k pieces cost (kN)² pair tests, nearly all of them between neighbouring pieces of
    /// different copies whose answer never changes.
    /// </remarks>
    /// <param name="polygons">The polygons.</param>
    /// <param name="interiorsIntersect">The pair test; <see cref="InteriorContact.InteriorsIntersect"/> unless a test counts the calls.</param>
    internal static int[][] InteriorGroups(IReadOnlyList<Polygon> polygons, Func<Geometry, Geometry, bool>? interiorsIntersect = null) =>
        InteriorGroups(polygons, mayMeet: null, interiorsIntersect);

    /// <summary>
    /// <see cref="InteriorGroups(IReadOnlyList{Polygon}, Func{Geometry, Geometry, bool}?)"/>, with pairs already known
    /// apart left untested.
    /// </summary>
    /// <param name="polygons">The polygons.</param>
    /// <param name="mayMeet">False for a pair of indexes whose interiors are known not to meet; null: every pair may.</param>
    /// <param name="interiorsIntersect">The pair test; <see cref="InteriorContact.InteriorsIntersect"/> unless a test counts the calls.</param>
    internal static int[][] InteriorGroups(IReadOnlyList<Polygon> polygons, Func<int, int, bool>? mayMeet, Func<Geometry, Geometry, bool>? interiorsIntersect)
    {
        var parent = new int[polygons.Count];
        var envelopes = new Envelope[polygons.Count];
        for (var i = 0; i < polygons.Count; i++)
        {
            (parent[i], envelopes[i]) = (i, polygons[i].EnvelopeInternal);
        }

        // The envelopes at hand spare the pair test the rings' boxes (the same extremes of the same coordinates).
        bool Meet(int i, int j) => interiorsIntersect is null
            ? InteriorContact.InteriorsIntersect(polygons[i], envelopes[i], polygons[j], envelopes[j])
            : interiorsIntersect(polygons[i], polygons[j]);
        var distinct = new List<int>(polygons.Count);
        var firstOf = new Dictionary<Polygon, int>(polygons.Count, SameCoordinates.Instance);
        var meetsCopy = new Dictionary<int, bool>(); // whether a polygon's interior meets its copy's (every copy alike)
        for (var i = 0; i < polygons.Count; i++)
        {
            if (!firstOf.TryAdd(polygons[i], i))
            {
                var first = firstOf[polygons[i]];
                if (!meetsCopy.TryGetValue(first, out var meets))
                {
                    meets = meetsCopy[first] = SharesInterior(envelopes[i], envelopes[i]) && (mayMeet?.Invoke(first, i) ?? true)
                        && Meet(first, i);
                }

                if (meets)
                {
                    Join(parent, first, i);
                }
            }
            else
            {
                distinct.Add(i);
            }
        }

        // Whatever order the pairs are tested in, the groups are the connected components of the same pairs.
        var index = new PackedEnvelopeTree(distinct.ConvertAll(i => envelopes[i]));
        var near = new List<int>();
        foreach (var i in distinct)
        {
            near.Clear();
            index.SharingInterior(envelopes[i], near);
            foreach (var d in near)
            {
                var j = distinct[d];
                if (j > i && Root(parent, i) != Root(parent, j) && (mayMeet?.Invoke(i, j) ?? true) && Meet(i, j))
                {
                    Join(parent, i, j);
                }
            }
        }

        return Components(parent);
    }

    /// <summary>
    /// The sets of a union-find forest whose every root is its set's least index (<see cref="Join"/> keeps it so): each
    /// set's indexes ascending, the sets by their first index.
    /// </summary>
    internal static int[][] Components(int[] parent)
    {
        var sizes = new int[parent.Length];
        var count = 0;
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Root(parent, i);
            count += root == i ? 1 : 0;
            sizes[root]++;
        }

        var groups = new int[count][];
        var slot = new int[parent.Length]; // a root's group, then the next free place in it
        for (var (i, k) = (0, 0); i < parent.Length; i++)
        {
            var root = Root(parent, i);
            if (root == i)
            {
                (groups[k], slot[i]) = (new int[sizes[i]], k);
                k++;
            }

            var group = groups[slot[root]];
            group[group.Length - sizes[root]--] = i;
        }

        return groups;
    }

    /// <summary>Whether two envelopes overlap in an area (not merely along a side or at a corner).</summary>
    private static bool SharesInterior(Envelope a, Envelope b) =>
        Math.Min(a.MaxX, b.MaxX) > Math.Max(a.MinX, b.MinX) && Math.Min(a.MaxY, b.MaxY) > Math.Max(a.MinY, b.MinY);

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            i = parent[i] = parent[parent[i]];
        }

        return i;
    }

    internal static void Join(int[] parent, int i, int j)
    {
        var (a, b) = (Root(parent, i), Root(parent, j));
        parent[Math.Max(a, b)] = Math.Min(a, b);
    }

    private static void Collect(Geometry geometry, List<Polygon> parts)
    {
        switch (geometry)
        {
            case Polygon polygon when !polygon.IsEmpty:
                parts.Add(polygon);
                break;
            case GeometryCollection collection:
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    Collect(collection.GetGeometryN(i), parts);
                }

                break;
        }
    }

    /// <summary>Polygons with the same coordinates in the same order (<see cref="Geometry.EqualsExact(Geometry)"/>).</summary>
    private sealed class SameCoordinates : IEqualityComparer<Polygon>
    {
        public static readonly SameCoordinates Instance = new();

        public bool Equals(Polygon? x, Polygon? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.EqualsExact(y));

        public int GetHashCode(Polygon obj)
        {
            // A few vertices spread along the shell, and its length: copies hash alike, and a hash need not see every vertex.
            var shell = obj.Shell.CoordinateSequence;
            var hash = new HashCode();
            hash.Add(obj.NumInteriorRings);
            hash.Add(shell.Count);
            for (var k = 0; k < shell.Count; k += Math.Max(1, shell.Count / 4))
            {
                hash.Add(shell.GetX(k));
                hash.Add(shell.GetY(k));
            }

            return hash.ToHashCode();
        }
    }
}
