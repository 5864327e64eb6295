namespace ParkGis.Web.Tiles;

/// <summary>
/// A quick, exact proof that polygons on a tile's integer grid are valid, for the pieces that almost always are:
/// every ring has at least three vertices, no repeated vertex in a row, and an area; adjacent edges of a ring meet
/// only at their common vertex (no spike); no other two edges meet at all, in the same ring or in different rings
/// (integer orientation tests, no rounding); each hole lies inside its shell and outside the other holes; no shell lies
/// inside another polygon's shell. Rings that share no point are simple and bound a connected interior, so such
/// polygons are valid under OGC rules. When the proof does not go through — rings that touch, a shell inside another
/// polygon's hole, too many edges crossing one band — the answer is "not proven", and the caller asks NTS IsValidOp.
/// </summary>
internal static class TilePolygonValidity
{
    /// <summary>Up to this many edges every pair is compared directly.</summary>
    private const int PairScanEdges = 48;

    /// <summary>More rings than this are left to IsValidOp (nesting is checked ring against ring).</summary>
    private const int MaxRings = 32;

    /// <summary>The sweep gives up after this many comparisons per edge on average.</summary>
    private const int MaxComparisonsPerEdge = 64;

    /// <summary>True when the polygons (rings shell first, open, oriented) are proven valid; false means "not proven".</summary>
    public static bool IsProvenValid(List<List<int[]>> polygons)
    {
        var rings = new List<(int[] Xy, int Polygon, bool Shell)>();
        var edges = 0;
        for (var p = 0; p < polygons.Count; p++)
        {
            for (var r = 0; r < polygons[p].Count; r++)
            {
                var xy = polygons[p][r];
                if (xy.Length < 6 || TileVertices.TwiceArea(xy) == 0)
                {
                    return false;
                }

                rings.Add((xy, p, r == 0));
                edges += xy.Length / 2;
            }
        }

        if (rings.Count > MaxRings || !rings.TrueForAll(r => NoSpikes(r.Xy)))
        {
            return false;
        }

        var noCrossings = edges <= PairScanEdges ? PairScan(rings) : Sweep(rings, edges);
        return noCrossings && NestedRight(rings);
    }

    /// <summary>No zero-length edge and no edge turning straight back along the one before.</summary>
    private static bool NoSpikes(int[] xy)
    {
        var n = xy.Length / 2;
        for (var i = 0; i < n; i++)
        {
            var u = (i + n - 1) % n;
            var w = (i + 1) % n;
            long ax = xy[2 * u] - xy[2 * i], ay = xy[(2 * u) + 1] - xy[(2 * i) + 1];
            long bx = xy[2 * w] - xy[2 * i], by = xy[(2 * w) + 1] - xy[(2 * i) + 1];
            if ((bx == 0 && by == 0) || ((ax * by) - (ay * bx) == 0 && (ax * bx) + (ay * by) > 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PairScan(List<(int[] Xy, int Polygon, bool Shell)> rings)
    {
        for (var a = 0; a < rings.Count; a++)
        {
            var ra = rings[a].Xy;
            var na = ra.Length / 2;
            for (var i = 0; i < na; i++)
            {
                for (var b = a; b < rings.Count; b++)
                {
                    var rb = rings[b].Xy;
                    var nb = rb.Length / 2;
                    for (var j = b == a ? i + 1 : 0; j < nb; j++)
                    {
                        if (!Apart(ra, na, i, rb, nb, j, sameRing: a == b))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return true;
    }

    private static bool Sweep(List<(int[] Xy, int Polygon, bool Shell)> rings, int edgeCount)
    {
        var edges = new (int MinX, int MaxX, int MinY, int MaxY, int Ring, int Index)[edgeCount];
        var k = 0;
        for (var r = 0; r < rings.Count; r++)
        {
            var xy = rings[r].Xy;
            var n = xy.Length / 2;
            for (var i = 0; i < n; i++)
            {
                var j = (i + 1) % n;
                edges[k++] = (Math.Min(xy[2 * i], xy[2 * j]), Math.Max(xy[2 * i], xy[2 * j]), Math.Min(xy[(2 * i) + 1], xy[(2 * j) + 1]),
                    Math.Max(xy[(2 * i) + 1], xy[(2 * j) + 1]), r, i);
            }
        }

        Array.Sort(edges, static (a, b) => a.MinX.CompareTo(b.MinX));
        long budget = (long)MaxComparisonsPerEdge * edgeCount;
        for (var e = 0; e < edges.Length; e++)
        {
            var a = edges[e];
            for (var f = e + 1; f < edges.Length && edges[f].MinX <= a.MaxX; f++)
            {
                var b = edges[f];
                if (b.MinY > a.MaxY || b.MaxY < a.MinY)
                {
                    continue;
                }

                if (--budget < 0)
                {
                    return false;
                }

                var ra = rings[a.Ring].Xy;
                var rb = rings[b.Ring].Xy;
                if (!Apart(ra, ra.Length / 2, a.Index, rb, rb.Length / 2, b.Index, sameRing: a.Ring == b.Ring))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when edge i of ring a and edge j of ring b meet nowhere (or, when adjacent, only at their common vertex, spikes being excluded before).</summary>
    private static bool Apart(int[] a, int na, int i, int[] b, int nb, int j, bool sameRing)
    {
        if (sameRing && (j == (i + 1) % na || i == (j + 1) % na))
        {
            return true;
        }

        long p1x = a[2 * i], p1y = a[(2 * i) + 1], p2x = a[2 * ((i + 1) % na)], p2y = a[(2 * ((i + 1) % na)) + 1];
        long q1x = b[2 * j], q1y = b[(2 * j) + 1], q2x = b[2 * ((j + 1) % nb)], q2y = b[(2 * ((j + 1) % nb)) + 1];
        var d1 = Orientation(q1x, q1y, q2x, q2y, p1x, p1y);
        var d2 = Orientation(q1x, q1y, q2x, q2y, p2x, p2y);
        var d3 = Orientation(p1x, p1y, p2x, p2y, q1x, q1y);
        var d4 = Orientation(p1x, p1y, p2x, p2y, q2x, q2y);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return false;
        }

        return !(d1 == 0 && Within(q1x, q1y, q2x, q2y, p1x, p1y))
            && !(d2 == 0 && Within(q1x, q1y, q2x, q2y, p2x, p2y))
            && !(d3 == 0 && Within(p1x, p1y, p2x, p2y, q1x, q1y))
            && !(d4 == 0 && Within(p1x, p1y, p2x, p2y, q2x, q2y));
    }

    private static int Orientation(long ax, long ay, long bx, long by, long cx, long cy) =>
        Math.Sign(((bx - ax) * (cy - ay)) - ((by - ay) * (cx - ax)));

    /// <summary>True when c, collinear with a–b, lies on the closed segment a–b.</summary>
    private static bool Within(long ax, long ay, long bx, long by, long cx, long cy) =>
        cx >= Math.Min(ax, bx) && cx <= Math.Max(ax, bx) && cy >= Math.Min(ay, by) && cy <= Math.Max(ay, by);

    private static bool NestedRight(List<(int[] Xy, int Polygon, bool Shell)> rings)
    {
        for (var a = 0; a < rings.Count; a++)
        {
            for (var b = 0; b < rings.Count; b++)
            {
                if (a == b)
                {
                    continue;
                }

                var (xy, polygon, shell) = rings[a];
                var inside = Inside(rings[b].Xy, xy[0], xy[1]);
                var ownShell = rings[b].Shell && rings[b].Polygon == polygon;
                if (!shell && ownShell ? !inside : inside)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Crossing-number test of a point not on the ring (the edge checks have excluded contact).</summary>
    private static bool Inside(int[] ring, long x, long y)
    {
        var inside = false;
        var n = ring.Length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            long xi = ring[2 * i], yi = ring[(2 * i) + 1], xj = ring[2 * j], yj = ring[(2 * j) + 1];
            if ((yi > y) != (yj > y))
            {
                var cross = ((xj - xi) * (y - yi)) - ((x - xi) * (yj - yi));
                if ((cross > 0) == (yj > yi))
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }
}
