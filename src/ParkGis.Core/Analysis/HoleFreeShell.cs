using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>The ring of a hole-free polygon small enough for the boundary-only fast paths (InteriorContact, CrossingArea).</summary>
internal static class HoleFreeShell
{
    /// <summary>
    /// The closed shell coordinates, or null for anything but a non-empty polygon without holes of at most
    /// <paramref name="maxVertices"/> vertices, alone or as the one part of a MultiPolygon (what a shapefile, and many a
    /// GeoPackage, holds for every polygon: the same point set).
    /// </summary>
    public static Coordinate[]? Of(Geometry geometry, int maxVertices)
    {
        if (Single(geometry) is not { NumInteriorRings: 0, IsEmpty: false } polygon)
        {
            return null;
        }

        var ring = polygon.Shell.Coordinates;
        return ring.Length >= 4 && ring.Length <= maxVertices + 1 ? ring : null;
    }

    /// <summary>
    /// The area of a polygonal geometry, equal bit for bit to <c>Geometry.Area</c>, without the three coordinates
    /// <c>Polygon.Area</c> allocates per call for a hole-free polygon.
    /// </summary>
    public static double AreaOf(Geometry geometry) =>
        Single(geometry) is { NumInteriorRings: 0, IsEmpty: false } polygon ? Area.OfRing(polygon.Shell.Coordinates) : geometry.Area;

    /// <summary>
    /// Whether the shell of <paramref name="polygon"/> (a polygon or a one-part MultiPolygon) runs counter-clockwise
    /// (robust; no wrapper allocated).
    /// </summary>
    public static bool IsCounterClockwise(Geometry polygon) => Orientation.IsCCW(Single(polygon)!.Shell.CoordinateSequence);

    /// <summary>The polygon itself, or the one polygon of a one-part MultiPolygon; else null.</summary>
    private static Polygon? Single(Geometry geometry) =>
        geometry as Polygon ?? (geometry is MultiPolygon { NumGeometries: 1 } multi ? multi.GetGeometryN(0) as Polygon : null);
}
