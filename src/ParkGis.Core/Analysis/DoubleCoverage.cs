using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace ParkGis.Core.Analysis;

/// <summary>
/// The land covered by two or more of a set of polygons (重叠部分, counted once), without visiting any pair: the set is
/// split in halves, and for halves A and B with unions U(A), U(B) and doubly covered land D(A), D(B),
/// D(A ∪ B) = D(A) ∪ D(B) ∪ (U(A) ∩ U(B)) and U(A ∪ B) = U(A) ∪ U(B). A stack of n parcels on one point so costs about
/// 4n overlays of geometries no larger than the stack's outline, where the pairwise overlaps would be n²/2 and the
/// unions of their triangles n³.
/// </summary>
public static class DoubleCoverage
{
    /// <summary>Below this many polygons a half is merged on the calling thread.</summary>
    private const int ParallelThreshold = 256;

    /// <summary>The area (CRS units², m² in a projected CRS) of the land covered by two or more of <paramref name="polygons"/>.</summary>
    /// <param name="polygons">Valid polygonal geometries in one projected CRS, best in a spatial order (neighbours next to each other).</param>
    /// <param name="factory">The factory for empty results.</param>
    public static double Area(IReadOnlyList<Geometry> polygons, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(factory);
        return polygons.Count < 2 ? 0 : Merge(polygons, 0, polygons.Count, factory).Twice.Area;
    }

    /// <summary>The land covered twice or more by polygons [<paramref name="from"/>, <paramref name="to"/>), and their union.</summary>
    private static (Geometry Union, Geometry Twice) Merge(IReadOnlyList<Geometry> polygons, int from, int to, GeometryFactory factory)
    {
        if (to - from == 1)
        {
            return (polygons[from], factory.CreatePolygon());
        }

        var middle = from + ((to - from) / 2);
        var halves = new (Geometry Union, Geometry Twice)[2];
        if (to - from >= ParallelThreshold)
        {
            Parallel.Invoke(() => halves[0] = Merge(polygons, from, middle, factory), () => halves[1] = Merge(polygons, middle, to, factory));
        }
        else
        {
            halves[0] = Merge(polygons, from, middle, factory);
            halves[1] = Merge(polygons, middle, to, factory);
        }

        var (left, right) = (halves[0], halves[1]);

        var union = Polygonal(OverlayNGRobust.Overlay(left.Union, right.Union, SpatialFunction.Union), factory);
        var both = Polygonal(OverlayNGRobust.Overlay(left.Union, right.Union, SpatialFunction.Intersection), factory);
        var twice = Union(Union(left.Twice, right.Twice, factory), both, factory);
        return (union, twice);
    }

    private static Geometry Union(Geometry a, Geometry b, GeometryFactory factory) =>
        a.IsEmpty ? b : b.IsEmpty ? a : Polygonal(OverlayNGRobust.Overlay(a, b, SpatialFunction.Union), factory);

    /// <summary>The polygons of an overlay result as one valid polygonal geometry (lines and points of touching inputs dropped).</summary>
    private static Geometry Polygonal(Geometry geometry, GeometryFactory factory)
    {
        if (geometry is Polygon or MultiPolygon)
        {
            return geometry;
        }

        var parts = LayerOverlay.PolygonParts(geometry);
        return parts.Count switch
        {
            0 => factory.CreatePolygon(),
            1 => parts[0],
            _ => factory.CreateMultiPolygon([.. parts]),
        };
    }
}
