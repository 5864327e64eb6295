using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>The ring of a hole-free polygon small enough for the boundary-only fast paths (InteriorContact, CrossingArea).</summary>
internal static class HoleFreeShell
{
    /// <summary>The closed shell coordinates, or null for anything but a non-empty polygon without holes of at most <paramref name="maxVertices"/> vertices.</summary>
    public static Coordinate[]? Of(Geometry geometry, int maxVertices)
    {
        if (geometry is not Polygon { NumInteriorRings: 0, IsEmpty: false } polygon)
        {
            return null;
        }

        var ring = polygon.Shell.Coordinates;
        return ring.Length >= 4 && ring.Length <= maxVertices + 1 ? ring : null;
    }
}
