using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>
/// Where a point lies relative to a closed ring — interior, boundary or exterior — by counting the ring's crossings
/// of the ray from the point towards +x, with NTS's robust orientation predicate deciding each crossing. Gives the
/// same answer as <see cref="PointLocation.LocateInRing"/> without allocating, for the per-parcel hot paths.
/// </summary>
internal static class RingPointLocation
{
    /// <summary>The location of <paramref name="point"/> relative to the closed <paramref name="ring"/>.</summary>
    public static Location Locate(Coordinate point, Coordinate[] ring)
    {
        double px = point.X, py = point.Y;
        var crossings = 0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var a = ring[i];
            var b = ring[i + 1];
            if (a.X == px && a.Y == py)
            {
                return Location.Boundary;
            }

            if (a.Y == py && b.Y == py)
            {
                // A horizontal edge on the ray's line: on it is boundary; otherwise the edges around it decide.
                if (px >= Math.Min(a.X, b.X) && px <= Math.Max(a.X, b.X))
                {
                    return Location.Boundary;
                }

                continue;
            }

            // Half-open rule: an edge counts when exactly one endpoint lies strictly above the ray's line.
            if (a.Y > py == b.Y > py)
            {
                continue;
            }

            // The predicate is evaluated as NTS's RayCrossingCounter does (segment taken from the later vertex back
            // to the earlier one) so that the robust fallback sees the same operands and gives the same answer.
            var side = Orientation.Index(b, a, point);
            if (side == OrientationIndex.Collinear)
            {
                return Location.Boundary; // the point lies on the edge, strictly between its endpoints' heights
            }

            // Oriented upwards, the edge crosses the ray (to the right of the point) when the point lies to its left.
            var leftOfUpwardEdge = a.Y < b.Y ? side == OrientationIndex.Right : side == OrientationIndex.Left;
            if (leftOfUpwardEdge)
            {
                crossings++;
            }
        }

        return (crossings & 1) == 1 ? Location.Interior : Location.Exterior;
    }
}
