using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Infrastructure;

/// <summary>
/// The distance between a network feature and a parcel as NTS's <c>DistanceOp</c> measures it, without its
/// allocations: the least <see cref="DistanceComputer.SegmentToSegment"/> over the segment pairs of the two
/// linework (the feature's segment first, as <c>feature.Distance(parcel)</c> passes them), pairs whose envelopes are
/// farther apart than the least so far skipped. <c>DistanceOp</c> answers the same unless one geometry lies inside
/// the other without their boundaries meeting (its distance is then 0); <see cref="MayContain"/> says when that can
/// be, and the callers ask NTS itself in that case.
/// </summary>
internal static class FacetDistance
{
    /// <summary>
    /// Relative widening of every pruning bound, so that the rounding of an envelope distance (computed otherwise than
    /// the segment distance it bounds) can never skip a pair that decides the answer.
    /// </summary>
    private const double BoundSlack = 1e-9;

    /// <summary>
    /// The least segment distance between <paramref name="feature"/> and <paramref name="parcel"/> when it is below
    /// <paramref name="bound"/> (exact then); otherwise some value at or above the bound. Returns as soon as a distance
    /// at or below <paramref name="stopAt"/> is found.
    /// </summary>
    public static double Least(Linework feature, Linework parcel, double bound, double stopAt)
    {
        var least = double.PositiveInfinity;
        var reach = Widen(bound);
        var featureParts = feature.Parts;
        var parcelParts = parcel.Parts;
        for (var i = 0; i < featureParts.Length; i++)
        {
            var a = featureParts[i];
            var aEnvelope = feature.PartEnvelopes[i];
            for (var j = 0; j < parcelParts.Length; j++)
            {
                var b = parcelParts[j];
                var bEnvelope = parcel.PartEnvelopes[j];
                if (Distance(aEnvelope.MinX, aEnvelope.MaxX, aEnvelope.MinY, aEnvelope.MaxY, bEnvelope) > reach)
                {
                    continue;
                }

                for (var s = 0; s < a.Length - 1; s++)
                {
                    var (a0, a1) = (a[s], a[s + 1]);
                    var (minX, maxX) = a0.X <= a1.X ? (a0.X, a1.X) : (a1.X, a0.X);
                    var (minY, maxY) = a0.Y <= a1.Y ? (a0.Y, a1.Y) : (a1.Y, a0.Y);
                    if (Distance(minX, maxX, minY, maxY, bEnvelope) > reach)
                    {
                        continue;
                    }

                    for (var t = 0; t < b.Length - 1; t++)
                    {
                        var (b0, b1) = (b[t], b[t + 1]);
                        if (Distance(minX, maxX, minY, maxY, b0, b1) > reach)
                        {
                            continue;
                        }

                        var d = DistanceComputer.SegmentToSegment(a0, a1, b0, b1);
                        if (d < least)
                        {
                            least = d;
                            if (least <= stopAt)
                            {
                                return least;
                            }

                            reach = Widen(Math.Min(least, bound));
                        }
                    }
                }
            }
        }

        return least;
    }

    /// <summary>
    /// True when a part of one geometry may lie inside the other, polygonal one without their boundaries meeting — the
    /// one case where <c>DistanceOp</c>'s answer (0) is not the segments' — judged by envelopes: a polygon's envelope
    /// covers a part of the other.
    /// </summary>
    public static bool MayContain(Linework feature, Linework parcel) =>
        (parcel.IsPolygonal && AnyPartWithin(feature, parcel.Envelope)) || (feature.IsPolygonal && AnyPartWithin(parcel, feature.Envelope));

    /// <summary>
    /// Whether <paramref name="feature"/> lies within <paramref name="distanceM"/> of <paramref name="parcel"/>, with
    /// the answer of <c>feature.IsWithinDistance(parcel, distanceM)</c>: its envelope test, then any segment pair at
    /// or within the distance, then NTS itself when one may contain the other.
    /// </summary>
    public static bool IsWithin(Linework feature, Linework parcel, double distanceM)
    {
        if (feature.Envelope.Distance(parcel.Envelope) > distanceM)
        {
            return false;
        }

        return Least(feature, parcel, distanceM, distanceM) <= distanceM
            || (MayContain(feature, parcel) && feature.Geometry.IsWithinDistance(parcel.Geometry, distanceM));
    }

    /// <summary>The exact distance of <c>feature.Distance(parcel)</c> when it is below <paramref name="bound"/>; otherwise a value at or above it.</summary>
    public static double Measure(Linework feature, Linework parcel, double bound) =>
        MayContain(feature, parcel) ? feature.Geometry.Distance(parcel.Geometry) : Least(feature, parcel, bound, 0);

    /// <summary>A pruning bound widened by <see cref="BoundSlack"/>.</summary>
    public static double Widen(double bound) => bound + (BoundSlack * (Math.Abs(bound) + 1));

    /// <summary>The distance between a box and an envelope (0 when they meet).</summary>
    public static double Distance(double minX, double maxX, double minY, double maxY, Envelope other)
    {
        var dx = other.MinX > maxX ? other.MinX - maxX : minX > other.MaxX ? minX - other.MaxX : 0;
        var dy = other.MinY > maxY ? other.MinY - maxY : minY > other.MaxY ? minY - other.MaxY : 0;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static double Distance(double minX, double maxX, double minY, double maxY, Coordinate b0, Coordinate b1)
    {
        var (bMinX, bMaxX) = b0.X <= b1.X ? (b0.X, b1.X) : (b1.X, b0.X);
        var (bMinY, bMaxY) = b0.Y <= b1.Y ? (b0.Y, b1.Y) : (b1.Y, b0.Y);
        var dx = bMinX > maxX ? bMinX - maxX : minX > bMaxX ? minX - bMaxX : 0;
        var dy = bMinY > maxY ? bMinY - maxY : minY > bMaxY ? minY - bMaxY : 0;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static bool AnyPartWithin(Linework linework, Envelope envelope)
    {
        foreach (var part in linework.PartEnvelopes)
        {
            if (envelope.Covers(part))
            {
                return true;
            }
        }

        return false;
    }
}
