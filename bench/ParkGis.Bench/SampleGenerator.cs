using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace ParkGis.Bench;

/// <summary>
/// Deterministic synthetic Ordos-like data equivalent to ../shared/bench/gen.py: same layers, scale rules and
/// statistics (10 parks of 2000–5000 vertices, park 10 a 3-part MultiPolygon; 4 urban-boundary polygons;
/// max(1, S/10) pairwise disjoint red-line polygons of 4000–16000 vertices, the first three straddling parks
/// 1, 4 and 7; S·20 pairwise disjoint farmland patches of 10–60 vertices, 30 % in the park zones; S·100
/// parcels tiling the parks as a jittered 8-vertex grid with identical shared edges, 0.5 % enlarged by 20 %).
/// It uses .NET's seeded <see cref="Random"/>, not NumPy's PCG64, so the numbers differ from gen.py's.
/// </summary>
internal static class SampleGenerator
{
    private const double E0 = 300_000, E1 = 700_000, N0 = 4_150_000, N1 = 4_550_000;

    private static readonly string[] ParkNames =
    [
        "鄂尔多斯高新技术产业开发区", "准格尔经济开发区", "达拉特经济开发区", "鄂托克经济开发区", "杭锦经济开发区",
        "伊金霍洛工业园区", "乌审工业园区", "鄂托克前旗上海庙经济开发区", "康巴什产业园", "大路工业园区",
    ];

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4545);

    /// <summary>Writes OUT/S&lt;scale&gt;/gpkg/layers.gpkg and returns its path.</summary>
    public static string Write(int scale, string outRoot, int seed)
    {
        var folder = Path.Combine(outRoot, string.Create(CultureInfo.InvariantCulture, $"S{scale}"), "gpkg");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "layers.gpkg");
        File.Delete(path);
        using var writer = new SampleGeoPackageWriter(path);

        var (parks, centres) = Parks(new Random(seed * 31 + 1));
        writer.Layer("parks", "GEOMETRY", [("park_id", "INTEGER"), ("name", "TEXT"), ("level", "TEXT")],
            parks.Select((g, i) => (g, new object?[] { i + 1, ParkNames[i], i < 2 ? "国家级" : "自治区级" })));
        var udb = UrbanBoundary(new Random(seed * 31 + 2), centres);
        writer.Layer("urban_boundary", "POLYGON", [("udb_id", "INTEGER"), ("name", "TEXT")],
            udb.Select((g, i) => ((Geometry)g, new object?[] { i + 1, $"城镇开发边界-{i + 1}" })));
        var red = Redline(new Random(seed * 31 + 3), Math.Max(1, scale / 10), centres);
        string[] kinds = ["水源涵养", "防风固沙", "生物多样性维护", "水土保持"];
        var redRandom = new Random(seed * 31 + 4);
        writer.Layer("ecological_redline", "POLYGON", [("redline_id", "INTEGER"), ("name", "TEXT"), ("kind", "TEXT")],
            red.Select((g, i) => ((Geometry)g, new object?[] { i + 1, string.Create(CultureInfo.InvariantCulture, $"生态保护红线-{i + 1:000}"), kinds[redRandom.Next(4)] })));
        var farm = Farmland(new Random(seed * 31 + 5), scale * 20, parks);
        string[] dlbm = ["0101", "0102", "0103"];
        var farmRandom = new Random(seed * 31 + 6);
        writer.Layer("permanent_farmland", "POLYGON", [("patch_id", "INTEGER"), ("dlbm", "TEXT"), ("quality_grade", "INTEGER")],
            farm.Select((g, i) => ((Geometry)g, new object?[] { i + 1, dlbm[farmRandom.Next(3)], farmRandom.Next(1, 16) })));
        Parcels(new Random(seed * 31 + 7), scale * 100, parks, writer);
        return path;
    }

    private static Polygon Star(Random random, double cx, double cy, double radius, int vertices, int harmonics = 8, double noise = 0.01)
    {
        var r = new double[vertices];
        Array.Fill(r, 1.0);
        for (var k = 1; k <= harmonics; k++)
        {
            var amplitude = random.NextDouble() * 0.35 / Math.Pow(k, 1.2);
            var phase = random.NextDouble() * 2 * Math.PI;
            for (var i = 0; i < vertices; i++)
            {
                r[i] += amplitude * Math.Cos((k * 2 * Math.PI * i / vertices) + phase);
            }
        }

        var rough = new double[vertices];
        for (var i = 0; i < vertices; i++)
        {
            rough[i] = Gaussian(random) * noise;
        }

        var coordinates = new Coordinate[vertices + 1];
        for (var i = 0; i < vertices; i++)
        {
            double smooth = 0;
            for (var d = -3; d <= 3; d++)
            {
                smooth += rough[(i + d + vertices) % vertices] / 7;
            }

            var radiusHere = Math.Max(r[i] + smooth, 0.25) * radius;
            var theta = 2 * Math.PI * i / vertices;
            coordinates[i] = new Coordinate(cx + (radiusHere * Math.Cos(theta)), cy + (radiusHere * Math.Sin(theta)));
        }

        coordinates[vertices] = coordinates[0].Copy();
        return Factory.CreatePolygon(coordinates);
    }

    private static Polygon FitIn(Polygon polygon, double cx, double cy, double maxRadius)
    {
        var far = polygon.ExteriorRing.Coordinates.Max(c => Math.Sqrt(((c.X - cx) * (c.X - cx)) + ((c.Y - cy) * (c.Y - cy))));
        if (far <= maxRadius)
        {
            return polygon;
        }

        var f = maxRadius / far;
        return Factory.CreatePolygon(polygon.ExteriorRing.Coordinates.Select(c => new Coordinate(cx + ((c.X - cx) * f), cy + ((c.Y - cy) * f))).ToArray());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    private static (List<Geometry> Parks, List<(double X, double Y)> Centres) Parks(Random random)
    {
        var centres = new List<(double X, double Y)>();
        while (centres.Count < 10)
        {
            var c = (X: Uniform(random, 390_000, 610_000), Y: Uniform(random, 4_260_000, 4_440_000));
            if (centres.All(a => Math.Sqrt(((c.X - a.X) * (c.X - a.X)) + ((c.Y - a.Y) * (c.Y - a.Y))) >= 22_000))
            {
                centres.Add(c);
            }
        }

        var parks = new List<Geometry>();
        for (var i = 0; i < 10; i++)
        {
            var (cx, cy) = centres[i];
            if (i == 9)
            {
                var parts = new Polygon[3];
                for (var j = 0; j < 3; j++)
                {
                    double px = cx - 6_000 + (6_000 * j), py = cy + Uniform(random, -800, 800);
                    parts[j] = FitIn(Star(random, px, py, Uniform(random, 1_400, 2_000), random.Next(1000, 1600)), px, py, 2_700);
                }

                parks.Add(Factory.CreateMultiPolygon(parts));
            }
            else
            {
                parks.Add(FitIn(Star(random, cx, cy, Uniform(random, 3_000, 6_000), random.Next(2000, 5001)), cx, cy, 10_000));
            }
        }

        return (parks, centres);
    }

    private static List<Polygon> UrbanBoundary(Random random, List<(double X, double Y)> centres) =>
        [.. new[] { 0, 3, 6, 8 }.Select(i => Star(random, centres[i].X + Uniform(random, -6_000, 6_000), centres[i].Y + Uniform(random, -6_000, 6_000),
            Uniform(random, 9_000, 16_000), random.Next(1500, 3000), noise: 0.004))];

    private static List<Polygon> Redline(Random random, int count, List<(double X, double Y)> centres)
    {
        var circles = new List<(double X, double Y, double R)>();
        bool Free(double x, double y, double r) => circles.All(c => Math.Sqrt(((x - c.X) * (x - c.X)) + ((y - c.Y) * (y - c.Y))) >= r + c.R + 200);
        for (var i = 0; i < Math.Min(count, 3); i++)
        {
            var (px, py) = centres[i * 3];
            while (true)
            {
                var r = Uniform(random, 8_000, 11_000);
                var x = px + ((random.Next(2) == 0 ? -1 : 1) * Uniform(random, 5_000, 7_500));
                var y = py + Uniform(random, -3_000, 3_000);
                if (Free(x, y, r))
                {
                    circles.Add((x, y, r));
                    break;
                }
            }
        }

        var tries = 0;
        while (circles.Count < count)
        {
            tries++;
            var r = Uniform(random, 5_000, 15_000) * Math.Pow(0.97, tries / 200);
            var x = Uniform(random, E0 + r, E1 - r);
            var y = Uniform(random, N0 + r, N1 - r);
            if (Free(x, y, r))
            {
                circles.Add((x, y, r));
            }
        }

        return [.. circles.Select(c => FitIn(Star(random, c.X, c.Y, 0.7 * c.R, random.Next(4000, 16001), noise: 0.006), c.X, c.Y, c.R))];
    }

    private static List<Polygon> Farmland(Random random, int count, List<Geometry> parks)
    {
        const double coarse = 2_000;
        var cells = (int)((E1 - E0) / coarse);
        var zone = new bool[cells, cells];
        foreach (var park in parks)
        {
            var e = park.EnvelopeInternal;
            for (var c = (int)((e.MinX - 1_000 - E0) / coarse); c <= (int)((e.MaxX + 1_000 - E0) / coarse); c++)
            {
                for (var r = (int)((e.MinY - 1_000 - N0) / coarse); r <= (int)((e.MaxY + 1_000 - N0) / coarse); r++)
                {
                    zone[c, r] = true;
                }
            }
        }

        var inZone = (int)Math.Round(count * 0.3);
        var zoneCells = new List<(int C, int R)>();
        var otherCells = new List<(int C, int R)>();
        for (var c = 0; c < cells; c++)
        {
            for (var r = 0; r < cells; r++)
            {
                (zone[c, r] ? zoneCells : otherCells).Add((c, r));
            }
        }

        var k = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(2.0 * inZone / zoneCells.Count)));
        var sub = coarse / k;
        var subcells = zoneCells.SelectMany(z => Enumerable.Range(0, k * k).Select(ab => ((z.C * k) + (ab / k), (z.R * k) + (ab % k)))).ToList();
        var picks = Pick(random, subcells, inZone).Select(p => (p, sub)).Concat(Pick(random, otherCells, count - inZone).Select(p => (p, coarse))).ToList();
        var patches = new List<Polygon>(count);
        foreach (var ((c, r), size) in picks)
        {
            var cx = E0 + (c * size) + (size / 2) + (Uniform(random, -0.1, 0.1) * size);
            var cy = N0 + (r * size) + (size / 2) + (Uniform(random, -0.1, 0.1) * size);
            var maxRadius = 0.39 * size;
            patches.Add(FitIn(Star(random, cx, cy, Uniform(random, 0.35, 0.75) * maxRadius, random.Next(10, 61), harmonics: 4, noise: 0.03), cx, cy, maxRadius));
        }

        return [.. patches.OrderBy(_ => random.Next())];
    }

    private static List<T> Pick<T>(Random random, List<T> items, int count)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return [.. copy.Take(count)];
    }

    private static void Parcels(Random random, int target, List<Geometry> parks, SampleGeoPackageWriter writer)
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
        List<(int ParkId, double X, double Y, int I, int J)> centresInside;
        while (true)
        {
            centresInside = [];
            foreach (var (parkId, part) in parts)
            {
                var e = part.EnvelopeInternal;
                var locator = new NetTopologySuite.Algorithm.Locate.IndexedPointInAreaLocator(part);
                var nx = (int)Math.Ceiling(e.Width / cell) + 2;
                var ny = (int)Math.Ceiling(e.Height / cell) + 2;
                for (var i = 0; i < nx; i++)
                {
                    for (var j = 0; j < ny; j++)
                    {
                        double x = e.MinX - cell + (cell * (i + 0.5)), y = e.MinY - cell + (cell * (j + 0.5));
                        if (locator.Locate(new Coordinate(x, y)) == Location.Interior)
                        {
                            centresInside.Add((parkId, e.MinX - cell, e.MinY - cell, i, j));
                        }
                    }
                }
            }

            if (centresInside.Count >= target)
            {
                break;
            }

            cell *= 0.995;
        }

        // Jittered corners and edge midpoints are functions of the grid node, so neighbours share edges exactly.
        var nodeSalt = (ulong)random.NextInt64();
        double Jitter(int parkId, int i, int j, int salt)
        {
            // SplitMix64 of the node: deterministic across processes (HashCode is randomised per process).
            var z = nodeSalt + ((ulong)(uint)parkId << 48) + ((ulong)(uint)i << 28) + ((ulong)(uint)j << 8) + (ulong)salt;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return ((z >> 11) * (1.0 / (1UL << 53)) * 2) - 1;
        }
        double jc = 0.18 * cell, jm = 0.07 * cell;
        var keep = Enumerable.Range(0, centresInside.Count).ToArray();
        random.Shuffle(keep);
        Array.Sort(keep, 0, target);
        var rows = new List<(Geometry, object?[])>(target);
        for (var n = 0; n < target; n++)
        {
            var (parkId, x0, y0, i, j) = centresInside[keep[n]];
            Coordinate Corner(int a, int b) => new(x0 + (cell * a) + (jc * Jitter(parkId, a, b, 1)), y0 + (cell * b) + (jc * Jitter(parkId, a, b, 2)));
            Coordinate Mid(Coordinate p, Coordinate q, double dx, double dy) => new(((p.X + q.X) / 2) + dx, ((p.Y + q.Y) / 2) + dy);
            var a0 = Corner(i, j);
            var b0 = Corner(i + 1, j);
            var c0 = Corner(i + 1, j + 1);
            var d0 = Corner(i, j + 1);
            var ring = new[]
            {
                a0, Mid(a0, b0, 0, jm * Jitter(parkId, i, j, 3)), b0, Mid(b0, c0, jm * Jitter(parkId, i + 1, j, 4), 0),
                c0, Mid(d0, c0, 0, jm * Jitter(parkId, i, j + 1, 3)), d0, Mid(a0, d0, jm * Jitter(parkId, i, j, 4), 0), a0.Copy(),
            };
            var polygon = Factory.CreatePolygon(ring);
            if (random.NextDouble() < 0.005)
            {
                var centre = polygon.Centroid.Coordinate;
                polygon = Factory.CreatePolygon(ring.Select(c => new Coordinate(centre.X + ((c.X - centre.X) * 1.2), centre.Y + ((c.Y - centre.Y) * 1.2))).ToArray());
            }

            rows.Add((polygon, ParcelAttributes(random, n, parkId, polygon.Area)));
        }

        writer.Layer("parcels", "POLYGON",
        [
            ("parcel_id", "TEXT(10)"), ("park_id", "MEDIUMINT"), ("approval_batch", "TEXT(32)"), ("approved_on", "DATE"),
            ("supply_status", "TEXT(10)"), ("supplied_on", "DATE"), ("agreed_start", "DATE"), ("actual_start", "DATE"),
            ("built_area_m2", "REAL"), ("invested_ratio", "REAL"), ("land_price", "REAL"), ("output_value", "REAL"), ("tax", "REAL"),
        ], rows);
        if (rows.Take(200).Any(r => !new IsValidOp(r.Item1).IsValid))
        {
            throw new InvalidOperationException("generated an invalid parcel");
        }
    }

    private static object?[] ParcelAttributes(Random random, int n, int parkId, double area)
    {
        var p = random.NextDouble();
        var status = p < 0.2 ? "approved" : p < 0.9 ? "supplied" : "none";
        var year = random.Next(2012, 2025);
        var approved = new DateOnly(year, 1, 1).AddDays(random.Next(0, 365));
        var supplied = approved.AddDays(random.Next(30, 700));
        var agreed = supplied.AddDays(random.Next(0, 365));
        var actual = agreed.AddDays(random.Next(-30, 900));
        var isSupplied = status == "supplied";
        var started = isSupplied && random.NextDouble() < 0.75;
        var built = started ? Math.Round(area * Uniform(random, 0.3, 1.5), 2) : 0;
        var output = Math.Round(built * Uniform(random, 500, 5000), 2);
        static string? Date(bool present, DateOnly date) => present ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"P{n + 1:0000000}"), parkId,
            status != "none" ? string.Create(CultureInfo.InvariantCulture, $"鄂府土批〔{year}〕{random.Next(1, 80)}号") : null,
            Date(status != "none", approved), status, Date(isSupplied, supplied), Date(isSupplied, agreed), Date(started, actual),
            built, started ? Math.Round(Uniform(random, 0.05, 1.2), 4) : 0.0, isSupplied ? Math.Round(area * Uniform(random, 200, 600), 2) : 0.0,
            output, Math.Round(output * Uniform(random, 0.01, 0.06), 2),
        ];
    }
}
