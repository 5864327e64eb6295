using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace ParkGis.Bench;

/// <summary>
/// The grid the parcels (宗地) tile the parks with: square cells whose centres fall inside a park part, corners and
/// edge midpoints jittered as functions of the grid node, so that neighbouring cells — and any polygon traced along
/// cell edges, such as an approval batch — share edges exactly. <see cref="Kept"/> are the cells that carry a parcel.
/// </summary>
internal sealed class ParcelGrid
{
    private readonly GeometryFactory _factory;
    private readonly ulong _nodeSalt;

    private ParcelGrid(GeometryFactory factory, double cell, List<GridCell> cells, int[] kept, ulong nodeSalt)
    {
        (_factory, CellSize, Cells, Kept, _nodeSalt) = (factory, cell, cells, kept, nodeSalt);
    }

    /// <summary>Side of a cell in metres.</summary>
    public double CellSize { get; }

    /// <summary>Every cell whose centre lies inside a park part, by part, column, row.</summary>
    public IReadOnlyList<GridCell> Cells { get; }

    /// <summary>Indexes into <see cref="Cells"/> of the cells with a parcel, ascending.</summary>
    public IReadOnlyList<int> Kept { get; }

    /// <summary>
    /// Sizes the cells so that at least <paramref name="target"/> centres fall inside the parks, then keeps a random
    /// <paramref name="target"/> of them.
    /// </summary>
    public static ParcelGrid Build(Random random, int target, IReadOnlyList<Geometry> parks, GeometryFactory factory)
    {
        var parts = new List<(int ParkId, Polygon Part)>();
        for (var i = 0; i < parks.Count; i++)
        {
            for (var j = 0; j < parks[i].NumGeometries; j++)
            {
                parts.Add((i + 1, (Polygon)parks[i].GetGeometryN(j)));
            }
        }

        var cell = Math.Sqrt(parts.Sum(p => p.Part.Area) / target);
        List<GridCell> cells;
        while (true)
        {
            cells = [];
            for (var p = 0; p < parts.Count; p++)
            {
                var (parkId, part) = parts[p];
                var e = part.EnvelopeInternal;
                var locator = new IndexedPointInAreaLocator(part);
                var nx = (int)Math.Ceiling(e.Width / cell) + 2;
                var ny = (int)Math.Ceiling(e.Height / cell) + 2;
                for (var i = 0; i < nx; i++)
                {
                    for (var j = 0; j < ny; j++)
                    {
                        double x = e.MinX - cell + (cell * (i + 0.5)), y = e.MinY - cell + (cell * (j + 0.5));
                        if (locator.Locate(new Coordinate(x, y)) == Location.Interior)
                        {
                            cells.Add(new GridCell(parkId, p, e.MinX - cell, e.MinY - cell, i, j));
                        }
                    }
                }
            }

            if (cells.Count >= target)
            {
                break;
            }

            cell *= 0.995;
        }

        var nodeSalt = (ulong)random.NextInt64();
        var keep = Enumerable.Range(0, cells.Count).ToArray();
        random.Shuffle(keep);
        Array.Sort(keep, 0, target);
        return new ParcelGrid(factory, cell, cells, keep[..target], nodeSalt);
    }

    /// <summary>The closed ring of a cell: four jittered corners and four jittered edge midpoints.</summary>
    public Coordinate[] Ring(GridCell c)
    {
        var a0 = Corner(c, c.I, c.J);
        var b0 = Corner(c, c.I + 1, c.J);
        var c0 = Corner(c, c.I + 1, c.J + 1);
        var d0 = Corner(c, c.I, c.J + 1);
        double jm = 0.07 * CellSize;
        return
        [
            a0, Mid(a0, b0, 0, jm * Jitter(c.ParkId, c.I, c.J, 3)), b0, Mid(b0, c0, jm * Jitter(c.ParkId, c.I + 1, c.J, 4), 0),
            c0, Mid(d0, c0, 0, jm * Jitter(c.ParkId, c.I, c.J + 1, 3)), d0, Mid(a0, d0, jm * Jitter(c.ParkId, c.I, c.J, 4), 0), a0.Copy(),
        ];
    }

    /// <summary>The cell as a polygon.</summary>
    public Polygon Polygon(GridCell c) => _factory.CreatePolygon(Ring(c));

    private Coordinate Corner(GridCell c, int a, int b)
    {
        var jc = 0.18 * CellSize;
        return new(c.X0 + (CellSize * a) + (jc * Jitter(c.ParkId, a, b, 1)), c.Y0 + (CellSize * b) + (jc * Jitter(c.ParkId, a, b, 2)));
    }

    private static Coordinate Mid(Coordinate p, Coordinate q, double dx, double dy) => new(((p.X + q.X) / 2) + dx, ((p.Y + q.Y) / 2) + dy);

    // SplitMix64 of the node: deterministic across processes (HashCode is randomised per process).
    private double Jitter(int parkId, int i, int j, int salt)
    {
        var z = _nodeSalt + ((ulong)(uint)parkId << 48) + ((ulong)(uint)i << 28) + ((ulong)(uint)j << 8) + (ulong)salt;
        return (UnitHash.Of(z) * 2) - 1;
    }
}

/// <summary>A grid cell: park id, park part, the part grid's origin and the cell's column and row.</summary>
internal readonly record struct GridCell(int ParkId, int Part, double X0, double Y0, int I, int J);

/// <summary>SplitMix64 finaliser as a uniform double in [0, 1): random numbers addressed by key, not by order.</summary>
internal static class UnitHash
{
    public static double Of(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    public static double Of(ulong seed, long key, int salt) => Of((seed * 0x9E3779B97F4A7C15UL) + ((ulong)key << 8) + (ulong)(uint)salt);
}
