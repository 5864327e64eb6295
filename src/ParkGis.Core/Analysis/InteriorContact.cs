using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.RelateNG;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Whether the interiors of two polygons meet (DE-9IM <c>T********</c>), answered exactly and cheaply for the
/// common case of neighbouring parcels (宗地) in a tiling — small hole-free polygons that meet only along identical
/// shared edges and at shared vertices — and by RelateNG for everything else.
/// </summary>
/// <remarks>
/// <para>
/// The fast path proves the interiors disjoint from three conditions, each checked with exact predicates
/// (robust orientation, exact coordinate equality, ray-crossing point location):
/// (1) every pair of edges is either disjoint, the same segment, or meets only in one endpoint that is a vertex of
/// both and the edges are not collinear; (2) every shared segment has the two interiors on opposite sides;
/// (3) every vertex of one polygon that is not a vertex of the other lies in the other's exterior, and every
/// unshared edge has such a vertex.
/// </para>
/// <para>
/// Why that suffices: if the interiors met, the boundary of a component of their intersection would contain a
/// point q in the relative interior of an edge e of one polygon, off every vertex. If e is shared, the two
/// interiors lie on opposite sides of e near q, so q cannot bound their intersection. If e is not shared, (1)
/// keeps the relative interior of e off the other boundary, so all of it lies on one side of that boundary — the
/// side of its unshared vertex, which (3) puts outside — and again q cannot bound the intersection.
/// Whenever a condition fails or cannot be checked cheaply, the answer comes from RelateNG.
/// </para>
/// </remarks>
public static class InteriorContact
{
    /// <summary>DE-9IM pattern: the interiors of the two geometries meet.</summary>
    private const string InteriorsIntersectPattern = "T********";

    /// <summary>Above this many vertices per ring the quadratic edge scan gives way to RelateNG.</summary>
    internal const int MaxFastPathVertices = 64;

    /// <summary>True when the interiors of <paramref name="a"/> and <paramref name="b"/> share at least one point.</summary>
    /// <param name="a">A valid polygonal geometry.</param>
    /// <param name="b">A valid polygonal geometry in the same CRS.</param>
    public static bool InteriorsIntersect(Geometry a, Geometry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return FastPath(a, b) ?? RelateNG.Relate(a, b, InteriorsIntersectPattern);
    }

    /// <summary>
    /// As <see cref="InteriorsIntersect(Geometry, Geometry)"/>, with both envelopes at hand (a layer's, computed once per
    /// feature) instead of computed from the rings on every call.
    /// </summary>
    /// <param name="a">A valid polygonal geometry.</param>
    /// <param name="envelopeA">The envelope of <paramref name="a"/>.</param>
    /// <param name="b">A valid polygonal geometry in the same CRS.</param>
    /// <param name="envelopeB">The envelope of <paramref name="b"/>.</param>
    internal static bool InteriorsIntersect(Geometry a, Envelope envelopeA, Geometry b, Envelope envelopeB)
    {
        ArgumentNullException.ThrowIfNull(envelopeA);
        ArgumentNullException.ThrowIfNull(envelopeB);
        return (HoleFreeShell.Of(a, MaxFastPathVertices) is { } ringA && HoleFreeShell.Of(b, MaxFastPathVertices) is { } ringB
                ? FastPath(a, ringA, Box.Of(envelopeA), b, ringB, Box.Of(envelopeB))
                : null)
            ?? RelateNG.Relate(a, b, InteriorsIntersectPattern);
    }

    /// <summary>The exact answer when the fast path can give one, else null.</summary>
    internal static bool? FastPath(Geometry a, Geometry b) =>
        HoleFreeShell.Of(a, MaxFastPathVertices) is { } ringA && HoleFreeShell.Of(b, MaxFastPathVertices) is { } ringB
            ? FastPath(a, ringA, Box.Of(ringA), b, ringB, Box.Of(ringB))
            : null;

    private static bool? FastPath(Geometry a, Coordinate[] ringA, Box boxA, Geometry b, Coordinate[] ringB, Box boxB)
    {
        var edgesA = ringA.Length - 1;
        var edgesB = ringB.Length - 1;
        Span<bool> sharedA = stackalloc bool[edgesA];
        Span<bool> sharedB = stackalloc bool[edgesB];
        bool? sameOrientation = null; // computed when the first shared edge needs it
        for (var i = 0; i < edgesA; i++)
        {
            var p0 = ringA[i];
            var p1 = ringA[i + 1];
            var edge = Box.Of(p0, p1);
            if (edge.Misses(boxB))
            {
                continue; // the edge lies off B's envelope: it meets no edge of B
            }

            for (var j = 0; j < edgesB; j++)
            {
                var q0 = ringB[j];
                var q1 = ringB[j + 1];
                if (edge.Misses(q0, q1))
                {
                    continue;
                }

                var pair = Classify(p0, p1, q0, q1);
                if (pair == EdgePair.Apart)
                {
                    continue;
                }

                if (pair == EdgePair.ProperCrossing)
                {
                    return true;
                }

                sameOrientation ??= HoleFreeShell.IsCounterClockwise(a) == HoleFreeShell.IsCounterClockwise(b);
                if ((pair == EdgePair.SameDirection && !sameOrientation.Value) || (pair == EdgePair.OppositeDirection && sameOrientation.Value))
                {
                    sharedA[i] = true;
                    sharedB[j] = true;
                    continue;
                }

                return null; // interiors on the same side of a shared edge, or a contact the fast path does not prove
            }
        }

        return Outside(ringA, sharedA, ringB, boxB) is { } outsideA && Outside(ringB, sharedB, ringA, boxA) is { } outsideB
            ? !(outsideA && outsideB)
            : null;
    }

    /// <summary>The envelope of a ring, as four doubles on the stack.</summary>
    internal readonly record struct Box(double MinX, double MaxX, double MinY, double MaxY)
    {
        public static Box Of(Coordinate[] ring)
        {
            double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
            foreach (var c in ring)
            {
                minX = Math.Min(minX, c.X);
                maxX = Math.Max(maxX, c.X);
                minY = Math.Min(minY, c.Y);
                maxY = Math.Max(maxY, c.Y);
            }

            return new Box(minX, maxX, minY, maxY);
        }

        /// <summary>The same box from a ring's envelope (the same extreme coordinates).</summary>
        public static Box Of(Envelope envelope) => new(envelope.MinX, envelope.MaxX, envelope.MinY, envelope.MaxY);

        /// <summary>The box of segment <paramref name="p"/>–<paramref name="q"/>.</summary>
        public static Box Of(Coordinate p, Coordinate q) => new(Math.Min(p.X, q.X), Math.Max(p.X, q.X), Math.Min(p.Y, q.Y), Math.Max(p.Y, q.Y));

        /// <summary>Whether the boxes have no point in common (touching is a common point).</summary>
        public bool Misses(Box other) => MaxX < other.MinX || MinX > other.MaxX || MaxY < other.MinY || MinY > other.MaxY;

        /// <summary>Whether this box has no point in common with the box of segment <paramref name="p"/>–<paramref name="q"/>.</summary>
        public bool Misses(Coordinate p, Coordinate q) =>
            Math.Max(p.X, q.X) < MinX || Math.Min(p.X, q.X) > MaxX || Math.Max(p.Y, q.Y) < MinY || Math.Min(p.Y, q.Y) > MaxY;

        public bool Excludes(Coordinate point) => point.X < MinX || point.X > MaxX || point.Y < MinY || point.Y > MaxY;
    }

    /// <summary>How two edges meet, decided with exact predicates.</summary>
    internal enum EdgePair
    {
        /// <summary>No common point, or only one common endpoint that is a vertex of both and not collinear.</summary>
        Apart,

        /// <summary>The same segment, traversed the same way.</summary>
        SameDirection,

        /// <summary>The same segment, traversed the opposite way.</summary>
        OppositeDirection,

        /// <summary>
        /// The segments cross at one point inside both, transversally. Near that point each polygon's boundary is
        /// just its edge, so each interior is one side of it: the interiors meet there.
        /// </summary>
        ProperCrossing,

        /// <summary>Any other contact (touching mid-edge, collinear overlap, zero-length edge).</summary>
        Other,
    }

    /// <summary>How edge p0–p1 meets edge q0–q1 (exact: robust orientation and coordinate equality).</summary>
    internal static EdgePair Classify(Coordinate p0, Coordinate p1, Coordinate q0, Coordinate q1)
    {
        var p0q0 = p0.Equals2D(q0);
        var p0q1 = p0.Equals2D(q1);
        var p1q0 = p1.Equals2D(q0);
        var p1q1 = p1.Equals2D(q1);
        if (p0q0 && p1q1)
        {
            return p0.Equals2D(p1) ? EdgePair.Other : EdgePair.SameDirection;
        }

        if (p0q1 && p1q0)
        {
            return p0.Equals2D(p1) ? EdgePair.Other : EdgePair.OppositeDirection;
        }

        var o1 = Orientation.Index(p0, p1, q0);
        var o2 = Orientation.Index(p0, p1, q1);
        var o3 = Orientation.Index(q0, q1, p0);
        var o4 = Orientation.Index(q0, q1, p1);
        if (Same(o1, o2) || Same(o3, o4))
        {
            return EdgePair.Apart; // one segment lies strictly on one side of the other's line
        }

        if (o1 != OrientationIndex.Collinear && o2 != OrientationIndex.Collinear && o3 != OrientationIndex.Collinear && o4 != OrientationIndex.Collinear)
        {
            return EdgePair.ProperCrossing; // each segment has the other's endpoints strictly on opposite sides
        }

        var common = (p0q0 ? 1 : 0) + (p0q1 ? 1 : 0) + (p1q0 ? 1 : 0) + (p1q1 ? 1 : 0);
        if (common != 1)
        {
            return EdgePair.Other;
        }

        if (o1 != OrientationIndex.Collinear || o2 != OrientationIndex.Collinear)
        {
            return EdgePair.Apart; // two segments that are not collinear and share an endpoint meet only there
        }

        // Collinear with one common endpoint: they overlap unless they leave it in opposite directions.
        var (corner, farP, farQ) = p0q0 ? (p0, p1, q1) : p0q1 ? (p0, p1, q0) : p1q0 ? (p1, p0, q1) : (p1, p0, q0);
        return LeaveOppositeWays(corner, farP, farQ) ? EdgePair.Apart : EdgePair.Other;
    }

    /// <summary>
    /// For three collinear points, whether <paramref name="x"/> and <paramref name="y"/> lie on opposite sides of
    /// <paramref name="corner"/>. Exact: the sign of a difference of doubles is the sign of the true difference.
    /// </summary>
    private static bool LeaveOppositeWays(Coordinate corner, Coordinate x, Coordinate y)
    {
        var dx = Math.Sign(x.X - corner.X) * Math.Sign(y.X - corner.X);
        var dy = Math.Sign(x.Y - corner.Y) * Math.Sign(y.Y - corner.Y);
        return dx < 0 || dy < 0;
    }

    private static bool Same(OrientationIndex x, OrientationIndex y) =>
        x != OrientationIndex.Collinear && x == y;

    /// <summary>
    /// True when every vertex of <paramref name="ring"/> that is not a vertex of <paramref name="other"/> lies
    /// outside it, false when one lies inside, null when an unshared edge has no such vertex (not decided here).
    /// </summary>
    private static bool? Outside(Coordinate[] ring, ReadOnlySpan<bool> shared, Coordinate[] other, Box otherBox)
    {
        var edges = ring.Length - 1;
        Span<bool> isVertexOfOther = stackalloc bool[edges];
        for (var i = 0; i < edges; i++)
        {
            isVertexOfOther[i] = !otherBox.Excludes(ring[i]) && IsVertexOf(ring[i], other);
        }

        for (var i = 0; i < edges; i++)
        {
            if (!shared[i] && isVertexOfOther[i] && isVertexOfOther[(i + 1) % edges])
            {
                return null; // a chord between two vertices of the other polygon: let RelateNG decide
            }
        }

        for (var i = 0; i < edges; i++)
        {
            if (isVertexOfOther[i] || otherBox.Excludes(ring[i]))
            {
                continue; // a shared vertex, or off the other's envelope and so outside it
            }

            switch (RingPointLocation.Locate(ring[i], other))
            {
                case Location.Exterior:
                    continue;
                case Location.Interior:
                    return false;
                default:
                    return null;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="point"/> is a vertex of the closed <paramref name="ring"/> (the same coordinates).</summary>
    internal static bool IsVertexOf(Coordinate point, Coordinate[] ring)
    {
        for (var k = 0; k < ring.Length - 1; k++)
        {
            if (point.Equals2D(ring[k]))
            {
                return true;
            }
        }

        return false;
    }
}
