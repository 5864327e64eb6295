using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ParkGis.Web.Tiles;

/// <summary>
/// A quick proof that a polygon of one shell and no holes (a <see cref="Polygon"/>, or a <see cref="MultiPolygon"/> of
/// one such) is valid, for the published features the tiler checks — nearly all of them are, and NTS
/// <c>IsValidOp</c> builds an index and a graph for every one. The shell, its repeated vertices dropped, must have at
/// least three vertices, all finite; two edges in a row must not fold back on each other; and no two edges that are not
/// neighbours may meet at all, decided with the orientation predicate and the rules of NTS's own segment intersector
/// (<see cref="CGAlgorithmsDD.OrientationIndex(double, double, double, double, double, double)"/>), so that a ring
/// proven here is one <c>IsValidOp</c> finds no intersection in. Such a ring is simple and bounds one connected
/// interior: the polygon is valid. False means "not proven" (holes, several parts, rings that touch, too many edges
/// in one band), and the caller asks <c>IsValidOp</c>.
/// </summary>
internal static class SingleShellValidity
{
    /// <summary>Up to this many edges every pair is compared directly.</summary>
    private const int PairScanEdges = 32;

    /// <summary>The sweep gives up after this many comparisons per edge on average.</summary>
    private const int MaxComparisonsPerEdge = 64;

    /// <summary>True when <paramref name="geometry"/> is proven valid; false means "not proven".</summary>
    public static bool IsProvenValid(Geometry geometry)
    {
        var polygon = geometry switch
        {
            Polygon single => single,
            MultiPolygon { NumGeometries: 1 } multi => (Polygon)multi.GetGeometryN(0),
            _ => null,
        };
        if (polygon is null || polygon.IsEmpty || polygon.NumInteriorRings > 0)
        {
            return false;
        }

        if (Vertices(polygon.ExteriorRing.CoordinateSequence) is not { } ring)
        {
            return false;
        }

        var (xs, ys) = ring;
        if (!NoFoldBack(xs, ys))
        {
            return false;
        }

        return xs.Length <= PairScanEdges ? PairScan(xs, ys) : Sweep(xs, ys);
    }

    /// <summary>The ring's vertices without repeats (and without the closing vertex), or null when not all are finite or fewer than three are left.</summary>
    private static (double[] Xs, double[] Ys)? Vertices(CoordinateSequence sequence)
    {
        var count = sequence.Count;
        var xs = new double[count];
        var ys = new double[count];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var x = sequence.GetX(i);
            var y = sequence.GetY(i);
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                return null;
            }

            if (n > 0 && xs[n - 1] == x && ys[n - 1] == y)
            {
                continue;
            }

            xs[n] = x;
            ys[n] = y;
            n++;
        }

        while (n > 1 && xs[n - 1] == xs[0] && ys[n - 1] == ys[0])
        {
            n--;
        }

        return n < 3 ? null : (xs[..n], ys[..n]);
    }

    /// <summary>No vertex whose two edges run along one line back over each other (a spike: the edges overlap).</summary>
    private static bool NoFoldBack(double[] xs, double[] ys)
    {
        var n = xs.Length;
        for (var i = 0; i < n; i++)
        {
            var u = (i + n - 1) % n;
            var w = (i + 1) % n;
            if (CGAlgorithmsDD.OrientationIndex(xs[u], ys[u], xs[i], ys[i], xs[w], ys[w]) != 0)
            {
                continue;
            }

            // On one line: the edges overlap unless the neighbours lie on opposite sides of the vertex.
            var sideU = xs[u] != xs[i] ? Math.Sign(xs[u] - xs[i]) : Math.Sign(ys[u] - ys[i]);
            var sideW = xs[u] != xs[i] ? Math.Sign(xs[w] - xs[i]) : Math.Sign(ys[w] - ys[i]);
            if (sideU == sideW || sideW == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool PairScan(double[] xs, double[] ys)
    {
        var n = xs.Length;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (!Apart(xs, ys, i, j))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Sweep(double[] xs, double[] ys)
    {
        var n = xs.Length;
        var edges = new (double MinX, double MaxX, double MinY, double MaxY, int Index)[n];
        for (var i = 0; i < n; i++)
        {
            var j = (i + 1) % n;
            edges[i] = (Math.Min(xs[i], xs[j]), Math.Max(xs[i], xs[j]), Math.Min(ys[i], ys[j]), Math.Max(ys[i], ys[j]), i);
        }

        Array.Sort(edges, static (a, b) => a.MinX.CompareTo(b.MinX));
        long budget = (long)MaxComparisonsPerEdge * n;
        for (var e = 0; e < n; e++)
        {
            var a = edges[e];
            for (var f = e + 1; f < n && edges[f].MinX <= a.MaxX; f++)
            {
                var b = edges[f];
                if (b.MinY > a.MaxY || b.MaxY < a.MinY)
                {
                    continue;
                }

                if (--budget < 0 || !Apart(xs, ys, a.Index, b.Index))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// True when edges <paramref name="i"/> and <paramref name="j"/> are neighbours (they share a vertex; overlap is
    /// excluded by <see cref="NoFoldBack"/>) or NTS's segment intersector finds no point in common: their envelopes
    /// are apart, or one edge lies strictly on one side of the other's line.
    /// </summary>
    private static bool Apart(double[] xs, double[] ys, int i, int j)
    {
        var n = xs.Length;
        if (j == (i + 1) % n || i == (j + 1) % n)
        {
            return true;
        }

        int i2 = (i + 1) % n, j2 = (j + 1) % n;
        double p1x = xs[i], p1y = ys[i], p2x = xs[i2], p2y = ys[i2];
        double q1x = xs[j], q1y = ys[j], q2x = xs[j2], q2y = ys[j2];
        if (Math.Max(q1x, q2x) < Math.Min(p1x, p2x) || Math.Min(q1x, q2x) > Math.Max(p1x, p2x)
            || Math.Max(q1y, q2y) < Math.Min(p1y, p2y) || Math.Min(q1y, q2y) > Math.Max(p1y, p2y))
        {
            return true;
        }

        var pq1 = CGAlgorithmsDD.OrientationIndex(p1x, p1y, p2x, p2y, q1x, q1y);
        var pq2 = CGAlgorithmsDD.OrientationIndex(p1x, p1y, p2x, p2y, q2x, q2y);
        if ((pq1 > 0 && pq2 > 0) || (pq1 < 0 && pq2 < 0))
        {
            return true;
        }

        var qp1 = CGAlgorithmsDD.OrientationIndex(q1x, q1y, q2x, q2y, p1x, p1y);
        var qp2 = CGAlgorithmsDD.OrientationIndex(q1x, q1y, q2x, q2y, p2x, p2y);
        return (qp1 > 0 && qp2 > 0) || (qp1 < 0 && qp2 < 0);
    }
}
