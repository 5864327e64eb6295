using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>
/// The area of the intersection of a small polygon (a parcel, 宗地) with another polygon whose boundaries only
/// cross properly, computed from the boundaries alone (Green's theorem) without building the intersection. For
/// anything else — a vertex on the other boundary, shared or collinear edges, holes, many vertices — it gives no
/// answer and the caller overlays with OverlayNGRobust.
/// </summary>
/// <remarks>
/// The boundary of A ∩ B is made of the stretches of A's boundary inside B and of B's boundary inside A. Crossings
/// are found with exact orientation predicates; which stretches lie inside follows from the exact location of a
/// vertex off the other boundary, flipping at every crossing. Each stretch adds ½ (x₁y₂ − x₂y₁) per segment,
/// computed relative to a local origin so that Gauss-Krüger coordinates (10⁶ m) do not cancel the digits of
/// parcel-sized areas. Only the crossing points are rounded, so the area agrees with the overlay's to about 10⁻¹²
/// relative.
/// </remarks>
public static class CrossingArea
{
    /// <summary>The small polygon may have at most this many vertices.</summary>
    private const int MaxSubjectVertices = 64;

    /// <summary>The other polygon (or each part of it) may have at most this many vertices.</summary>
    private const int MaxOtherVertices = 2048;

    /// <summary>area(<paramref name="subject"/> ∩ <paramref name="other"/>) in the CRS units², or null when not decided here.</summary>
    /// <param name="subject">A valid polygon with few vertices.</param>
    /// <param name="other">A valid polygon or multipolygon.</param>
    public static double? Of(Geometry subject, Geometry other)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(other);
        if (HoleFreeShell.Of(subject, MaxSubjectVertices) is not { } ring)
        {
            return null;
        }

        var total = 0.0;
        for (var k = 0; k < other.NumGeometries; k++)
        {
            if (HoleFreeShell.Of(other.GetGeometryN(k), MaxOtherVertices) is not { } part || Of(ring, part) is not { } area)
            {
                return null;
            }

            total += area; // the parts of a valid multipolygon share no interior
        }

        return total;
    }

    private static double? Of(Coordinate[] a, Coordinate[] b)
    {
        var crossingsA = new List<(int Edge, double T, double X, double Y)>();
        var crossingsB = new List<(int Edge, double T, double X, double Y)>();
        for (var i = 0; i < a.Length - 1; i++)
        {
            var p0 = a[i];
            var p1 = a[i + 1];
            double minX = Math.Min(p0.X, p1.X), maxX = Math.Max(p0.X, p1.X);
            double minY = Math.Min(p0.Y, p1.Y), maxY = Math.Max(p0.Y, p1.Y);
            for (var j = 0; j < b.Length - 1; j++)
            {
                var q0 = b[j];
                var q1 = b[j + 1];
                if (Math.Max(q0.X, q1.X) < minX || Math.Min(q0.X, q1.X) > maxX || Math.Max(q0.Y, q1.Y) < minY || Math.Min(q0.Y, q1.Y) > maxY)
                {
                    continue;
                }

                var o1 = (int)Orientation.Index(p0, p1, q0);
                var o2 = (int)Orientation.Index(p0, p1, q1);
                if (o1 * o2 > 0)
                {
                    continue;
                }

                var o3 = (int)Orientation.Index(q0, q1, p0);
                var o4 = (int)Orientation.Index(q0, q1, p1);
                if (o3 * o4 > 0)
                {
                    continue;
                }

                if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0)
                {
                    return null; // touching, a vertex on the other boundary or collinear: not general position
                }

                // A proper crossing: one point, strictly inside both segments.
                double rx = p1.X - p0.X, ry = p1.Y - p0.Y, sx = q1.X - q0.X, sy = q1.Y - q0.Y;
                double wx = q0.X - p0.X, wy = q0.Y - p0.Y;
                var denominator = (rx * sy) - (ry * sx);
                var t = Math.Clamp(((wx * sy) - (wy * sx)) / denominator, 0, 1);
                var u = Math.Clamp(((wx * ry) - (wy * rx)) / denominator, 0, 1);
                var x = p0.X + (t * rx);
                var y = p0.Y + (t * ry);
                crossingsA.Add((i, t, x, y));
                crossingsB.Add((j, u, x, y));
            }
        }

        var originX = a[0].X;
        var originY = a[0].Y;
        if (Stretches(a, b, crossingsA, originX, originY) is not { } sumA || Stretches(b, a, crossingsB, originX, originY) is not { } sumB)
        {
            return null;
        }

        // Both stretches are taken counter-clockwise round A ∩ B: flip a clockwise ring's contribution.
        var area = 0.5 * ((Orientation.IsCCW(a) ? sumA : -sumA) + (Orientation.IsCCW(b) ? sumB : -sumB));
        return Math.Max(0, area);
    }

    /// <summary>
    /// Twice the signed area swept by the stretches of <paramref name="ring"/> inside <paramref name="other"/>,
    /// traversed in the ring's own direction; null when the crossings are inconsistent.
    /// </summary>
    private static double? Stretches(Coordinate[] ring, Coordinate[] other, List<(int Edge, double T, double X, double Y)> crossings, double originX, double originY)
    {
        crossings.Sort((left, right) => left.Edge != right.Edge ? left.Edge.CompareTo(right.Edge) : left.T.CompareTo(right.T));
        var inside = RingPointLocation.Locate(ring[0], other) switch
        {
            Location.Interior => true,
            Location.Exterior => false,
            _ => (bool?)null,
        };
        if (inside is not { } isInside)
        {
            return null;
        }

        var sum = 0.0;
        var next = 0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var fromX = ring[i].X - originX;
            var fromY = ring[i].Y - originY;
            for (; next < crossings.Count && crossings[next].Edge == i; next++)
            {
                var toX = crossings[next].X - originX;
                var toY = crossings[next].Y - originY;
                if (isInside)
                {
                    sum += (fromX * toY) - (toX * fromY);
                }

                isInside = !isInside;
                (fromX, fromY) = (toX, toY);
            }

            var endX = ring[i + 1].X - originX;
            var endY = ring[i + 1].Y - originY;
            if (isInside)
            {
                sum += (fromX * endY) - (endX * fromY);
            }
        }

        return isInside == (inside == true) ? sum : null;
    }
}
