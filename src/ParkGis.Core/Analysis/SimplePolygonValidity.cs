using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Core.Analysis;

/// <summary>
/// A quick proof that a polygon or multipolygon is valid, for the features that almost always are: parcels (宗地),
/// farmland patches (图斑), park boundaries and red-line polygons (生态保护红线) with thousands of vertices. The proof
/// asks for more than validity: finite coordinates; closed rings of at least three distinct vertices (a vertex repeated
/// in a row counts once, as in IsValidOp); adjacent edges of a ring meeting only at their common vertex; every other pair of
/// edges, in the same ring or in different rings, not meeting at all (exact orientation predicates); each hole
/// inside its shell and outside the other holes; no shell inside another polygon's shell. Rings that share no point
/// are simple and bound a connected interior, so such a geometry is valid under OGC rules exactly as NTS
/// <c>IsValidOp</c> would find it. When the proof does not go through — rings that touch, a shell inside another's
/// hole, anything odd — the caller asks <c>IsValidOp</c>, which also explains what is wrong. The one proof of validity
/// for the analysis, the published outputs and the tiles.
/// </summary>
/// <remarks>
/// Small hole-free polygons (the per-parcel case) are scanned pair by pair without allocating (unless a vertex repeats:
/// coordinates rounded for output often collapse two vertices into one, and the ring is then copied without the
/// repeats). Larger geometries
/// drop their edges into a grid of cells a few edge lengths wide and compare only edges sharing a cell, giving up —
/// "not proven" — when long edges or crowded cells would make that costly.
/// </remarks>
public static class SimplePolygonValidity
{
    /// <summary>
    /// Coordinates beyond this (or not finite) are left to IsValidOp: products of coordinate differences near 1e300
    /// overflow, and the orientation predicate would then call a crossing collinear.
    /// </summary>
    private const double MaxCoordinate = 1e150;

    /// <summary>Up to this many edges every pair is compared directly.</summary>
    private const int PairScanEdges = 64;

    /// <summary>More rings than this are left to IsValidOp (the nesting checks compare rings pairwise).</summary>
    private const int MaxRings = 64;

    /// <summary>Grid cells are this many average edge lengths wide.</summary>
    private const double CellEdgeLengths = 4;

    /// <summary>At most this many cells across the geometry's extent (a few long edges among many short ones).</summary>
    private const double MaxCellsAcross = 1 << 20;

    /// <summary>The grid gives up when the edges cover more than this many cells each on average.</summary>
    private const int MaxCellsPerEdge = 16;

    /// <summary>The grid gives up after this many edge comparisons per edge on average.</summary>
    private const int MaxComparisonsPerEdge = 256;

    /// <summary>True when <paramref name="geometry"/> is proven valid here; false means "not proven", not "invalid".</summary>
    public static bool IsProvenValid(Geometry geometry)
    {
        if (HoleFreeShell.Of(geometry, PairScanEdges) is { } shell)
        {
            var ring = WithoutRepeats(shell);
            return IsWellFormed(ring) && NoNonAdjacentEdgesMeet(ring);
        }

        return Rings(geometry) is { } rings && rings.TrueForAll(r => IsWellFormed(r.Coordinates)) && NoEdgesMeet(rings) && NestedRight(rings);
    }

    /// <summary>A ring of a polygonal geometry: which polygon it belongs to and whether it is that polygon's shell.</summary>
    private readonly record struct Ring(Coordinate[] Coordinates, int Polygon, bool IsShell);

    /// <summary>The rings of a non-empty Polygon or MultiPolygon, or null (anything else, empty parts, too many rings).</summary>
    private static List<Ring>? Rings(Geometry geometry)
    {
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            return null;
        }

        var rings = new List<Ring>();
        for (var p = 0; p < geometry.NumGeometries; p++)
        {
            if (geometry.GetGeometryN(p) is not Polygon { IsEmpty: false } polygon || rings.Count + 1 + polygon.NumInteriorRings > MaxRings)
            {
                return null;
            }

            rings.Add(new Ring(WithoutRepeats(polygon.Shell.Coordinates), p, IsShell: true));
            foreach (var hole in polygon.Holes)
            {
                rings.Add(new Ring(WithoutRepeats(hole.Coordinates), p, IsShell: false));
            }
        }

        return rings;
    }

    /// <summary>
    /// The ring itself when no vertex equals the one before it (in x and y), else a copy that keeps the first of each
    /// run of equal vertices: the same ring to IsValidOp, which also ignores repeated points.
    /// </summary>
    private static Coordinate[] WithoutRepeats(Coordinate[] ring)
    {
        var first = 1;
        while (first < ring.Length && !ring[first].Equals2D(ring[first - 1]))
        {
            first++;
        }

        if (first >= ring.Length)
        {
            return ring;
        }

        var kept = new List<Coordinate>(ring.Length) { ring[0] };
        for (var i = 1; i < ring.Length; i++)
        {
            if (!ring[i].Equals2D(kept[^1]))
            {
                kept.Add(ring[i]);
            }
        }

        return [.. kept];
    }

    /// <summary>
    /// Closed, at least three edges, finite, no repeated consecutive vertex, and adjacent edges meeting only at their
    /// common vertex.
    /// </summary>
    private static bool IsWellFormed(Coordinate[] ring)
    {
        var edges = ring.Length - 1;
        if (edges < 3 || !ring[0].Equals2D(ring[edges]))
        {
            return false;
        }

        for (var i = 0; i < edges; i++)
        {
            var p = ring[i];
            if (!(Math.Abs(p.X) <= MaxCoordinate) || !(Math.Abs(p.Y) <= MaxCoordinate) || p.Equals2D(ring[i + 1]))
            {
                return false;
            }
        }

        for (var i = 0; i < edges; i++)
        {
            if (!OnlyMeetAtCorner(ring[i], ring[i + 1], ring[(i + 2) % edges]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether no two non-adjacent edges of one well-formed ring meet (every pair compared).</summary>
    private static bool NoNonAdjacentEdgesMeet(Coordinate[] ring)
    {
        var edges = ring.Length - 1;
        for (var i = 0; i < edges; i++)
        {
            var p0 = ring[i];
            var p1 = ring[i + 1];
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
    /// Whether no two edges of the well-formed rings meet, except adjacent edges of one ring at their common vertex.
    /// The edges are dropped into the cells of a grid a few edge lengths wide that their envelopes cover, and only
    /// edges sharing a cell are compared.
    /// </summary>
    private static bool NoEdgesMeet(List<Ring> rings)
    {
        var total = 0;
        double length = 0;
        var extent = new Envelope();
        foreach (var ring in rings)
        {
            var coordinates = ring.Coordinates;
            total += coordinates.Length - 1;
            for (var i = 0; i < coordinates.Length - 1; i++)
            {
                length += coordinates[i].Distance(coordinates[i + 1]);
                extent.ExpandToInclude(coordinates[i]);
            }
        }

        var cell = Math.Max(CellEdgeLengths * length / total, Math.Max(extent.Width, extent.Height) / MaxCellsAcross);
        if (!(cell > 0) || !double.IsFinite(cell))
        {
            return false;
        }

        var columns = (long)(extent.Width / cell) + 1;
        var capacity = (MaxCellsPerEdge * total) + 1024;
        var keys = new long[capacity];
        var edges = new int[capacity];
        var ringOf = new int[total];
        var edgeOf = new int[total];
        var count = 0;
        var k = 0;
        for (var r = 0; r < rings.Count; r++)
        {
            var coordinates = rings[r].Coordinates;
            for (var i = 0; i < coordinates.Length - 1; i++, k++)
            {
                ringOf[k] = r;
                edgeOf[k] = i;
                var (a, b) = (coordinates[i], coordinates[i + 1]);
                long x0 = Cell(Math.Min(a.X, b.X), extent.MinX, cell), x1 = Cell(Math.Max(a.X, b.X), extent.MinX, cell);
                long y0 = Cell(Math.Min(a.Y, b.Y), extent.MinY, cell), y1 = Cell(Math.Max(a.Y, b.Y), extent.MinY, cell);
                if (count + ((x1 - x0 + 1) * (y1 - y0 + 1)) > capacity)
                {
                    return false; // long edges across many cells: not worth proving here
                }

                for (var y = y0; y <= y1; y++)
                {
                    for (var x = x0; x <= x1; x++)
                    {
                        keys[count] = (y * columns) + x;
                        edges[count++] = k;
                    }
                }
            }
        }

        Array.Sort(keys, edges, 0, count);
        var budget = ((long)MaxComparisonsPerEdge * total) + 4096;
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
            {
                end++;
            }

            for (var p = start; p < end; p++)
            {
                for (var q = p + 1; q < end; q++)
                {
                    if (--budget < 0)
                    {
                        return false; // crowded cells: not worth proving here
                    }

                    if (EdgesMeet(rings, ringOf[edges[p]], edgeOf[edges[p]], ringOf[edges[q]], edgeOf[edges[q]]))
                    {
                        return false;
                    }
                }
            }

            start = end;
        }

        return true;
    }

    private static long Cell(double value, double origin, double size) => (long)((value - origin) / size);

    /// <summary>Whether edge i of ring r and edge j of ring s meet anywhere they should not.</summary>
    private static bool EdgesMeet(List<Ring> rings, int r, int i, int s, int j)
    {
        var a = rings[r].Coordinates;
        var b = rings[s].Coordinates;
        if (r == s && (i == j || AreAdjacent(i, j, a.Length - 1)))
        {
            return false; // adjacent edges were checked to meet only at their common vertex
        }

        var (p0, p1, q0, q1) = (a[i], a[i + 1], b[j], b[j + 1]);
        if (Math.Max(q0.X, q1.X) < Math.Min(p0.X, p1.X) || Math.Min(q0.X, q1.X) > Math.Max(p0.X, p1.X)
            || Math.Max(q0.Y, q1.Y) < Math.Min(p0.Y, p1.Y) || Math.Min(q0.Y, q1.Y) > Math.Max(p0.Y, p1.Y))
        {
            return false;
        }

        return SegmentsMeet(p0, p1, q0, q1);
    }

    private static bool AreAdjacent(int i, int j, int edges)
    {
        var d = Math.Abs(i - j);
        return d == 1 || d == edges - 1;
    }

    /// <summary>
    /// For rings that share no point: each hole inside its own shell and outside the polygon's other holes, and no
    /// shell inside another polygon's shell. One vertex decides where a whole ring lies.
    /// </summary>
    private static bool NestedRight(List<Ring> rings)
    {
        for (var a = 0; a < rings.Count; a++)
        {
            var vertex = rings[a].Coordinates[0];
            for (var b = 0; b < rings.Count; b++)
            {
                if (a == b || !(rings[b].IsShell || rings[b].Polygon == rings[a].Polygon))
                {
                    continue; // a ring against another polygon's hole: decided by that polygon's shell
                }

                var location = RingPointLocation.Locate(vertex, rings[b].Coordinates);
                var mustBeInside = !rings[a].IsShell && rings[b].IsShell && rings[b].Polygon == rings[a].Polygon;
                if (location == Location.Boundary || (location == Location.Interior) != mustBeInside)
                {
                    return false; // on the boundary cannot happen for rings that share no point: not proven
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
