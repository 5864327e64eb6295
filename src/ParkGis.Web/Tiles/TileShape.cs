namespace ParkGis.Web.Tiles;

/// <summary>
/// A feature's geometry as the tiler clips it: world units (y down), every ring and path a flat array x0, y0, x1,
/// y1, … (rings open: the closing vertex is not repeated). Polygons are lists of rings, shell first.
/// </summary>
internal sealed class TileShape
{
    private TileShape(TileGeometryKind kind, List<double[][]> polygons, List<double[]> paths, double[] points)
    {
        Kind = kind;
        Polygons = polygons;
        Paths = paths;
        Points = points;
        (MinX, MinY, MaxX, MaxY) = Bounds();
    }

    /// <summary>What the shape is.</summary>
    public TileGeometryKind Kind { get; }

    /// <summary>Polygons (shell, then holes) of a polygonal shape.</summary>
    public List<double[][]> Polygons { get; }

    /// <summary>Paths of a lineal shape.</summary>
    public List<double[]> Paths { get; }

    /// <summary>Points of a puntal shape, x0, y0, x1, y1, ….</summary>
    public double[] Points { get; }

    /// <summary>West edge of the bounding box.</summary>
    public double MinX { get; }

    /// <summary>North edge (smallest y).</summary>
    public double MinY { get; }

    /// <summary>East edge.</summary>
    public double MaxX { get; }

    /// <summary>South edge.</summary>
    public double MaxY { get; }

    /// <summary>Number of vertices.</summary>
    public long Vertices =>
        Kind switch
        {
            TileGeometryKind.Polygon => Polygons.Sum(p => p.Sum(r => (long)r.Length / 2)),
            TileGeometryKind.Line => Paths.Sum(p => (long)p.Length / 2),
            _ => Points.Length / 2,
        };

    /// <summary>True when nothing is left.</summary>
    public bool IsEmpty => Kind switch
    {
        TileGeometryKind.Polygon => Polygons.Count == 0,
        TileGeometryKind.Line => Paths.Count == 0,
        _ => Points.Length == 0,
    };

    /// <summary>A polygonal shape.</summary>
    public static TileShape OfPolygons(List<double[][]> polygons) => new(TileGeometryKind.Polygon, polygons, [], []);

    /// <summary>A lineal shape.</summary>
    public static TileShape OfPaths(List<double[]> paths) => new(TileGeometryKind.Line, [], paths, []);

    /// <summary>A puntal shape.</summary>
    public static TileShape OfPoints(double[] points) => new(TileGeometryKind.Point, [], [], points);

    /// <summary>
    /// The part on one side of an axis-parallel line (Sutherland–Hodgman for rings: a ring that leaves and
    /// re-enters the half-plane comes back joined along the line, which the tile step repairs).
    /// </summary>
    /// <param name="axis">0: the line is x = <paramref name="value"/>; 1: y = <paramref name="value"/>.</param>
    /// <param name="value">Where the line is.</param>
    /// <param name="keepBelow">Keep coordinates ≤ value (else ≥ value).</param>
    public TileShape Clip(int axis, double value, bool keepBelow)
    {
        var min = axis == 0 ? MinX : MinY;
        var max = axis == 0 ? MaxX : MaxY;
        if (keepBelow ? max <= value : min >= value)
        {
            return this;
        }

        switch (Kind)
        {
            case TileGeometryKind.Polygon:
                var polygons = new List<double[][]>(Polygons.Count);
                foreach (var polygon in Polygons)
                {
                    var shell = ClipRing(polygon[0], axis, value, keepBelow);
                    if (shell is null)
                    {
                        continue;
                    }

                    var rings = new List<double[]>(polygon.Length) { shell };
                    for (var h = 1; h < polygon.Length; h++)
                    {
                        if (ClipRing(polygon[h], axis, value, keepBelow) is { } hole)
                        {
                            rings.Add(hole);
                        }
                    }

                    polygons.Add([.. rings]);
                }

                return OfPolygons(polygons);
            case TileGeometryKind.Line:
                var paths = new List<double[]>();
                foreach (var path in Paths)
                {
                    ClipPath(path, axis, value, keepBelow, paths);
                }

                return OfPaths(paths);
            default:
                var kept = new List<double>();
                for (var i = 0; i < Points.Length; i += 2)
                {
                    var v = Points[i + axis];
                    if (keepBelow ? v <= value : v >= value)
                    {
                        kept.Add(Points[i]);
                        kept.Add(Points[i + 1]);
                    }
                }

                return OfPoints([.. kept]);
        }
    }

    private static double[]? ClipRing(double[] ring, int axis, double value, bool keepBelow)
    {
        var n = ring.Length / 2;
        var output = new List<double>(ring.Length + 8);
        var px = ring[(2 * n) - 2];
        var py = ring[(2 * n) - 1];
        var previousInside = Inside(axis == 0 ? px : py, value, keepBelow);
        var allInside = true;
        for (var i = 0; i < n; i++)
        {
            var cx = ring[2 * i];
            var cy = ring[(2 * i) + 1];
            var inside = Inside(axis == 0 ? cx : cy, value, keepBelow);
            allInside &= inside;
            if (inside != previousInside)
            {
                AddCrossing(output, px, py, cx, cy, axis, value);
            }

            if (inside)
            {
                output.Add(cx);
                output.Add(cy);
            }

            (px, py, previousInside) = (cx, cy, inside);
        }

        if (allInside)
        {
            return ring;
        }

        return output.Count >= 6 ? [.. output] : null;
    }

    private static void ClipPath(double[] path, int axis, double value, bool keepBelow, List<double[]> into)
    {
        var n = path.Length / 2;
        List<double>? current = null;
        var px = path[0];
        var py = path[1];
        var previousInside = Inside(axis == 0 ? px : py, value, keepBelow);
        if (previousInside)
        {
            current = [px, py];
        }

        for (var i = 1; i < n; i++)
        {
            var cx = path[2 * i];
            var cy = path[(2 * i) + 1];
            var inside = Inside(axis == 0 ? cx : cy, value, keepBelow);
            if (inside && previousInside)
            {
                current!.Add(cx);
                current.Add(cy);
            }
            else if (inside)
            {
                current = new List<double>();
                AddCrossing(current, px, py, cx, cy, axis, value);
                current.Add(cx);
                current.Add(cy);
            }
            else if (previousInside)
            {
                AddCrossing(current!, px, py, cx, cy, axis, value);
                Flush(current!, into);
                current = null;
            }

            (px, py, previousInside) = (cx, cy, inside);
        }

        if (current is not null)
        {
            Flush(current, into);
        }
    }

    private static void Flush(List<double> path, List<double[]> into)
    {
        if (path.Count >= 4)
        {
            into.Add([.. path]);
        }
    }

    private static bool Inside(double v, double value, bool keepBelow) => keepBelow ? v <= value : v >= value;

    private static void AddCrossing(List<double> output, double ax, double ay, double bx, double by, int axis, double value)
    {
        if (axis == 0)
        {
            var t = (value - ax) / (bx - ax);
            output.Add(value);
            output.Add(ay + (t * (by - ay)));
        }
        else
        {
            var t = (value - ay) / (by - ay);
            output.Add(ax + (t * (bx - ax)));
            output.Add(value);
        }
    }

    private (double MinX, double MinY, double MaxX, double MaxY) Bounds()
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        void Add(double[] xy)
        {
            for (var i = 0; i < xy.Length; i += 2)
            {
                minX = Math.Min(minX, xy[i]);
                maxX = Math.Max(maxX, xy[i]);
                minY = Math.Min(minY, xy[i + 1]);
                maxY = Math.Max(maxY, xy[i + 1]);
            }
        }

        foreach (var polygon in Polygons)
        {
            Add(polygon[0]);
        }

        foreach (var path in Paths)
        {
            Add(path);
        }

        Add(Points);
        return (minX, minY, maxX, maxY);
    }
}
