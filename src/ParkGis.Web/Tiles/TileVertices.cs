namespace ParkGis.Web.Tiles;

/// <summary>
/// Vertex arithmetic on a tile's integer grid: rounding stored coordinates to tile units, dropping repeated vertices,
/// Douglas–Peucker simplification and the signed area of a ring. Coordinates are flat arrays x0, y0, x1, y1, ….
/// </summary>
internal static class TileVertices
{
    /// <summary>
    /// Rounds <paramref name="xy"/> (stored units) to the grid of <paramref name="grid"/>, relative to the tile's
    /// north-west corner, without consecutive repeats (and, for a ring, without a last vertex equal to the first).
    /// </summary>
    public static int[] Quantize(double[] xy, TileGrid grid, int tileX, int tileY, bool ring)
    {
        var unit = grid.UnitSize;
        var originX = (long)tileX * WebMercator.TileExtent;
        var originY = (long)tileY * WebMercator.TileExtent;
        var result = new int[xy.Length];
        var count = 0;
        for (var i = 0; i < xy.Length; i += 2)
        {
            var x = (int)((long)Math.Floor((xy[i] / unit) + 0.5) - originX);
            var y = (int)((long)Math.Floor((xy[i + 1] / unit) + 0.5) - originY);
            if (count > 0 && result[count - 2] == x && result[count - 1] == y)
            {
                continue;
            }

            result[count++] = x;
            result[count++] = y;
        }

        while (ring && count >= 4 && result[0] == result[count - 2] && result[1] == result[count - 1])
        {
            count -= 2;
        }

        return count == result.Length ? result : result[..count];
    }

    /// <summary>
    /// Douglas–Peucker with <paramref name="tolerance"/> tile units: vertices closer than that to the chord of the
    /// vertices kept around them are dropped. A ring keeps its first vertex and the vertex farthest from it.
    /// </summary>
    public static int[] Simplify(int[] xy, double tolerance, bool ring)
    {
        var n = xy.Length / 2;
        if (tolerance <= 0 || n <= (ring ? 4 : 2))
        {
            return xy;
        }

        var keep = new bool[n + (ring ? 1 : 0)];
        var toleranceSquared = tolerance * tolerance;
        if (ring)
        {
            var far = 0;
            long farthest = -1;
            for (var i = 1; i < n; i++)
            {
                var dx = (long)xy[2 * i] - xy[0];
                var dy = (long)xy[(2 * i) + 1] - xy[1];
                if ((dx * dx) + (dy * dy) > farthest)
                {
                    farthest = (dx * dx) + (dy * dy);
                    far = i;
                }
            }

            keep[0] = keep[far] = keep[n] = true;
            Mark(xy, n, 0, far, toleranceSquared, keep);
            Mark(xy, n, far, n, toleranceSquared, keep);
        }
        else
        {
            keep[0] = keep[n - 1] = true;
            Mark(xy, n, 0, n - 1, toleranceSquared, keep);
        }

        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            kept += keep[i] ? 1 : 0;
        }

        if (kept == n)
        {
            return xy;
        }

        var result = new int[2 * kept];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            if (keep[i])
            {
                result[k++] = xy[2 * i];
                result[k++] = xy[(2 * i) + 1];
            }
        }

        return result;
    }

    /// <summary>Twice the signed area (shoelace): positive for a ring that runs clockwise on screen (y down).</summary>
    public static long TwiceArea(ReadOnlySpan<int> xy)
    {
        long sum = 0;
        var n = xy.Length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            sum += ((long)xy[2 * j] * xy[(2 * i) + 1]) - ((long)xy[2 * i] * xy[(2 * j) + 1]);
        }

        return sum;
    }

    /// <summary>Reverses the vertex order of a flat array in place.</summary>
    public static void Reverse(int[] xy)
    {
        for (int i = 0, j = xy.Length - 2; i < j; i += 2, j -= 2)
        {
            (xy[i], xy[j]) = (xy[j], xy[i]);
            (xy[i + 1], xy[j + 1]) = (xy[j + 1], xy[i + 1]);
        }
    }

    /// <summary>Marks the vertices to keep between <paramref name="first"/> and <paramref name="last"/> (an index of n is vertex 0 again).</summary>
    private static void Mark(int[] xy, int n, int first, int last, double toleranceSquared, bool[] keep)
    {
        var stack = new Stack<(int First, int Last)>();
        stack.Push((first, last));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            if (b - a < 2)
            {
                continue;
            }

            double ax = xy[2 * (a % n)], ay = xy[(2 * (a % n)) + 1];
            double bx = xy[2 * (b % n)], by = xy[(2 * (b % n)) + 1];
            double dx = bx - ax, dy = by - ay;
            var lengthSquared = (dx * dx) + (dy * dy);
            var worst = -1.0;
            var worstIndex = -1;
            for (var i = a + 1; i < b; i++)
            {
                double px = xy[2 * i] - ax, py = xy[(2 * i) + 1] - ay;
                double distanceSquared;
                if (lengthSquared == 0)
                {
                    distanceSquared = (px * px) + (py * py);
                }
                else
                {
                    var cross = (px * dy) - (py * dx);
                    distanceSquared = cross * cross / lengthSquared;
                    var t = ((px * dx) + (py * dy)) / lengthSquared;
                    if (t < 0)
                    {
                        distanceSquared = (px * px) + (py * py);
                    }
                    else if (t > 1)
                    {
                        var qx = xy[2 * i] - bx;
                        var qy = xy[(2 * i) + 1] - by;
                        distanceSquared = (qx * qx) + (qy * qy);
                    }
                }

                if (distanceSquared > worst)
                {
                    worst = distanceSquared;
                    worstIndex = i;
                }
            }

            if (worst > toleranceSquared)
            {
                keep[worstIndex] = true;
                stack.Push((a, worstIndex));
                stack.Push((worstIndex, b));
            }
        }
    }
}
