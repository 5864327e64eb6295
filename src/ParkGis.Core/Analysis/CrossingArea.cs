using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>
/// The area of the intersection of a small polygon (a parcel, 宗地) with another polygonal feature whose boundary it
/// only crosses properly, computed from the two boundaries alone (Green's theorem) without building the
/// intersection. Only the other boundary's segments near the parcel are visited, so a red-line polygon of 16 000
/// vertices costs no more than a farmland patch. For anything else — a vertex on the other boundary, shared or
/// collinear edges, a subject with holes or many vertices — it gives no answer and the caller overlays with
/// OverlayNGRobust.
/// </summary>
/// <remarks>
/// The boundary of A ∩ B is made of the stretches of A's boundary inside B and of B's boundary inside A; B's
/// boundary can only be inside A where its segments meet A's envelope. Crossings are found with exact orientation
/// predicates; which stretches lie inside follows from the exact location of a vertex (of A in B, of each nearby
/// segment's start in A), flipping at every crossing. Each stretch adds ½ (x₁y₂ − x₂y₁) per segment,
/// computed relative to a local origin so that Gauss-Krüger coordinates (10⁶ m) do not cancel the digits of
/// parcel-sized areas. Only the crossing points are rounded, so the area agrees with the overlay's to about 10⁻¹²
/// relative.
/// </remarks>
public static class CrossingArea
{
    /// <summary>The feature edges near the subject in <see cref="Of"/>, one list per thread.</summary>
    [ThreadStatic]
    private static List<int>? t_near;

    /// <summary>The crossings on the subject's edges and on the feature's in <see cref="Of"/>, one pair of lists per thread.</summary>
    [ThreadStatic]
    private static (List<(int Edge, double T, double X, double Y)> A, List<(int Edge, double T, double X, double Y)> B)? t_crossings;

    /// <summary>The small polygon may have at most this many vertices.</summary>
    private const int MaxSubjectVertices = 64;

    /// <summary>area(<paramref name="subject"/> ∩ <paramref name="other"/>) in the CRS units², or null when not decided here.</summary>
    /// <param name="subject">A valid polygon with few vertices.</param>
    /// <param name="other">A valid polygon or multipolygon.</param>
    public static double? Of(Geometry subject, Geometry other)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(other);
        return HoleFreeShell.Of(subject, MaxSubjectVertices) is { } ring
            ? Of(ring, HoleFreeShell.IsCounterClockwise(subject), subject.EnvelopeInternal, new FeatureBoundary(other), out _)
            : null;
    }

    /// <summary>The ring of a subject this class can measure (a hole-free polygon of few vertices), else null.</summary>
    internal static Coordinate[]? SubjectRing(Geometry subject) => HoleFreeShell.Of(subject, MaxSubjectVertices);

    /// <summary>
    /// area(A ∩ B) for the closed ring <paramref name="a"/> (envelope <paramref name="envelope"/>) and the feature
    /// <paramref name="b"/>, or null when the boundaries touch or overlap anywhere instead of crossing properly.
    /// </summary>
    /// <param name="counterClockwise">Whether <paramref name="a"/> runs counter-clockwise.</param>
    /// <param name="covered">Set when B covers A without any boundary contact: the caller may then use A's own area.</param>
    internal static double? Of(Coordinate[] a, bool counterClockwise, Envelope envelope, FeatureBoundary b, out bool covered)
    {
        covered = false;
        var near = t_near ??= new List<int>(16);
        b.Near(envelope, near);
        var (crossingsA, crossingsB) = t_crossings ??= ([], []);
        crossingsA.Clear();
        crossingsB.Clear();
        for (var i = 0; i < a.Length - 1; i++)
        {
            var p0 = a[i];
            var p1 = a[i + 1];
            double minX = Math.Min(p0.X, p1.X), maxX = Math.Max(p0.X, p1.X);
            double minY = Math.Min(p0.Y, p1.Y), maxY = Math.Max(p0.Y, p1.Y);
            foreach (var j in near)
            {
                var q0 = b.From(j);
                var q1 = b.To(j);
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
                if (Math.Abs(denominator) <= 1e-12 * (Math.Abs(rx * sy) + Math.Abs(ry * sx)))
                {
                    return null; // nearly parallel: the crossing point cannot be placed reliably in doubles
                }

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
        if (Inside(b.Locate(a[0])) is not { } startsInside
            || StretchesOfSubject(a, startsInside, crossingsA, originX, originY) is not { } sumA
            || StretchesOfFeature(b, near, a, envelope, crossingsB, originX, originY) is not ({ } sumB, var anyInside))
        {
            return null;
        }

        covered = startsInside && crossingsA.Count == 0 && !anyInside;
        // Both sums run counter-clockwise round A ∩ B (B's segments already have its interior on their left).
        var area = 0.5 * ((counterClockwise ? sumA : -sumA) + sumB);
        return double.IsFinite(area) ? Math.Max(0, area) : null;
    }

    private static bool? Inside(Location location) => location switch
    {
        Location.Interior => true,
        Location.Exterior => false,
        _ => null,
    };

    /// <summary>
    /// Twice the signed area swept by the stretches of the ring <paramref name="a"/> inside B, traversed in the ring's
    /// own direction; null when the crossings are inconsistent.
    /// </summary>
    private static double? StretchesOfSubject(Coordinate[] a, bool startsInside, List<(int Edge, double T, double X, double Y)> crossings, double originX, double originY)
    {
        crossings.Sort((left, right) => left.Edge != right.Edge ? left.Edge.CompareTo(right.Edge) : left.T.CompareTo(right.T));
        var isInside = startsInside;
        var sum = 0.0;
        var next = 0;
        for (var i = 0; i < a.Length - 1; i++)
        {
            var fromX = a[i].X - originX;
            var fromY = a[i].Y - originY;
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

            if (isInside)
            {
                sum += (fromX * (a[i + 1].Y - originY)) - ((a[i + 1].X - originX) * fromY);
            }
        }

        return isInside == startsInside ? sum : null;
    }

    /// <summary>
    /// Twice the signed area swept by the parts of B's nearby segments inside the ring <paramref name="a"/> (B's
    /// segments elsewhere cannot be inside A), and whether any part was; null when a segment end lies on A's
    /// boundary or the crossings are inconsistent.
    /// </summary>
    private static (double Sum, bool AnyInside)? StretchesOfFeature(
        FeatureBoundary b, List<int> near, Coordinate[] a, Envelope envelope, List<(int Edge, double T, double X, double Y)> crossings, double originX, double originY)
    {
        crossings.Sort((left, right) => left.Edge != right.Edge ? left.Edge.CompareTo(right.Edge) : left.T.CompareTo(right.T));
        var sum = 0.0;
        var anyInside = false;
        var next = 0;
        foreach (var j in near)
        {
            var q0 = b.From(j);
            var q1 = b.To(j);
            var hasCrossings = next < crossings.Count && crossings[next].Edge == j;
            if (!hasCrossings && !envelope.Intersects(q0, q1))
            {
                continue; // no crossing and off A's envelope: entirely outside A
            }

            if (Inside(RingPointLocation.Locate(q0, a)) is not { } isInside || Inside(RingPointLocation.Locate(q1, a)) is not { } endsInside)
            {
                return null;
            }

            var fromX = q0.X - originX;
            var fromY = q0.Y - originY;
            for (; next < crossings.Count && crossings[next].Edge == j; next++)
            {
                var toX = crossings[next].X - originX;
                var toY = crossings[next].Y - originY;
                if (isInside)
                {
                    sum += (fromX * toY) - (toX * fromY);
                    anyInside = true;
                }

                isInside = !isInside;
                (fromX, fromY) = (toX, toY);
            }

            if (isInside != endsInside)
            {
                return null;
            }

            if (isInside)
            {
                sum += (fromX * (q1.Y - originY)) - ((q1.X - originX) * fromY);
                anyInside = true;
            }
        }

        return (sum, anyInside);
    }
}
