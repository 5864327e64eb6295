using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>
/// A quick proof that a small hole-free polygon — the usual parcel (宗地) or farmland patch (图斑) — is valid,
/// without allocating: finite coordinates, a closed shell of at least three distinct vertices, no repeated
/// consecutive vertex, adjacent edges meeting only at their common vertex and non-adjacent edges not meeting at all
/// (exact orientation predicates). Such a ring is simple, so the polygon is valid under OGC rules exactly as
/// NTS <c>IsValidOp</c> would find it. When the proof does not go through the caller asks <c>IsValidOp</c>, which
/// also explains what is wrong.
/// </summary>
internal static class SimplePolygonValidity
{
    /// <summary>Above this many vertices the quadratic edge scan gives way to IsValidOp.</summary>
    private const int MaxVertices = 64;

    /// <summary>True when <paramref name="geometry"/> is proven valid here; false means "not proven", not "invalid".</summary>
    public static bool IsProvenValid(Geometry geometry)
    {
        if (HoleFreeShell.Of(geometry, MaxVertices) is not { } ring)
        {
            return false;
        }

        var edges = ring.Length - 1;
        if (edges < 3 || !ring[0].Equals2D(ring[edges]))
        {
            return false;
        }

        for (var i = 0; i < edges; i++)
        {
            var p = ring[i];
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y) || p.Equals2D(ring[i + 1]))
            {
                return false;
            }
        }

        for (var i = 0; i < edges; i++)
        {
            var p0 = ring[i];
            var p1 = ring[i + 1];
            if (!OnlyMeetAtCorner(p0, p1, ring[(i + 2) % edges]))
            {
                return false;
            }

            double minX = Math.Min(p0.X, p1.X), maxX = Math.Max(p0.X, p1.X);
            double minY = Math.Min(p0.Y, p1.Y), maxY = Math.Max(p0.Y, p1.Y);
            // Edges i and j are adjacent when j = i ± 1 (mod edges); every other pair must not meet at all.
            var last = i == 0 ? edges - 1 : edges;
            for (var j = i + 2; j < last; j++)
            {
                var q0 = ring[j];
                var q1 = ring[j + 1];
                if (Math.Max(q0.X, q1.X) < minX || Math.Min(q0.X, q1.X) > maxX || Math.Max(q0.Y, q1.Y) < minY || Math.Min(q0.Y, q1.Y) > maxY)
                {
                    continue;
                }

                if (SegmentsMeet(p0, p1, q0, q1))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether edges a→corner and corner→c (distinct endpoints) meet only at the corner: they do unless they are
    /// collinear and c turns back along a→corner.
    /// </summary>
    private static bool OnlyMeetAtCorner(Coordinate a, Coordinate corner, Coordinate c)
    {
        if (Orientation.Index(a, corner, c) != OrientationIndex.Collinear)
        {
            return true;
        }

        // Collinear: they overlap unless a and c lie on opposite sides of the corner (exact sign comparisons).
        var dx = Math.Sign(a.X - corner.X) * Math.Sign(c.X - corner.X);
        var dy = Math.Sign(a.Y - corner.Y) * Math.Sign(c.Y - corner.Y);
        return dx < 0 || dy < 0;
    }

    /// <summary>Whether two closed segments share at least one point (exact).</summary>
    private static bool SegmentsMeet(Coordinate p0, Coordinate p1, Coordinate q0, Coordinate q1)
    {
        var o1 = Orientation.Index(p0, p1, q0);
        var o2 = Orientation.Index(p0, p1, q1);
        var o3 = Orientation.Index(q0, q1, p0);
        var o4 = Orientation.Index(q0, q1, p1);
        if (o1 != o2 && o3 != o4 && o1 != OrientationIndex.Collinear && o2 != OrientationIndex.Collinear
            && o3 != OrientationIndex.Collinear && o4 != OrientationIndex.Collinear)
        {
            return true; // a proper crossing
        }

        return (o1 == OrientationIndex.Collinear && Within(q0, p0, p1))
            || (o2 == OrientationIndex.Collinear && Within(q1, p0, p1))
            || (o3 == OrientationIndex.Collinear && Within(p0, q0, q1))
            || (o4 == OrientationIndex.Collinear && Within(p1, q0, q1));
    }

    /// <summary>For a point collinear with the segment a–b, whether it lies on the closed segment.</summary>
    private static bool Within(Coordinate point, Coordinate a, Coordinate b) =>
        point.X >= Math.Min(a.X, b.X) && point.X <= Math.Max(a.X, b.X) && point.Y >= Math.Min(a.Y, b.Y) && point.Y <= Math.Max(a.Y, b.Y);
}
