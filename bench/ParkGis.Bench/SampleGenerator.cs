using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;

namespace ParkGis.Bench;

/// <summary>
/// Deterministic synthetic Ordos-like city data with every layer the commands use. The check layers are equivalent
/// to ../shared/bench/gen.py's: same layer names, scale rules and statistics (10 parks of 2000–5000 vertices, park 10
/// a 3-part MultiPolygon; 4 urban-boundary polygons; max(1, S/10) pairwise disjoint red-line polygons of 4000–16000
/// vertices, the first three straddling parks 1, 4 and 7; S·20 pairwise disjoint farmland patches of 10–60 vertices,
/// 30 % in the park zones; S·100 parcels tiling the parks as a jittered 8-vertex grid with identical shared edges,
/// 0.5 % enlarged by 20 %), drawn with .NET's seeded <see cref="Random"/>, not NumPy's PCG64, so the numbers differ
/// from gen.py's. Added for the other commands: park attributes (旗区, 主导产业, 一平), approval batches traced along
/// the parcel grid (<see cref="ApprovalBatches"/>), parcel lifecycle and efficiency fields
/// (<see cref="ParcelRecords"/>), economics.csv (<see cref="EconomicsCsvWriter"/>) and the nine utility networks
/// (<see cref="UtilityNetworkGenerator"/>).
/// </summary>
internal static class SampleGenerator
{
    private const double E0 = 300_000, E1 = 700_000, N0 = 4_150_000, N1 = 4_550_000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4545);

    /// <summary>
    /// Writes OUT/S&lt;scale&gt;/gpkg/layers.gpkg and economics.csv (and, with <paramref name="geoJson"/>, the same layers as
    /// OUT/S&lt;scale&gt;/geojson/&lt;layer&gt;.geojson with economics.csv); returns the GeoPackage folder.
    /// </summary>
    public static string Write(int scale, string outRoot, int seed, bool geoJson, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        void Log(string what) => log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:0.0}s] {what}"));
        var root = Path.Combine(outRoot, string.Create(CultureInfo.InvariantCulture, $"S{scale}"));
        var folders = new List<string> { Path.Combine(root, "gpkg") };
        if (geoJson)
        {
            folders.Add(Path.Combine(root, "geojson"));
        }

        foreach (var folder in folders)
        {
            // Only what this generator writes is replaced; the folder may hold other runs' files.
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".gpkg", StringComparison.Ordinal) || f.EndsWith(".geojson", StringComparison.Ordinal) || f.EndsWith("economics.csv", StringComparison.Ordinal)))
            {
                File.Delete(file);
            }
        }

        var sinks = new List<IFeatureSink> { new SampleGeoPackageWriter(Path.Combine(folders[0], "layers.gpkg")) };
        if (geoJson)
        {
            sinks.Add(new SampleGeoJsonWriter(folders[1]));
        }

        using var sink = new TeeSink(sinks);
        var (parks, centres) = Parks(new Random(seed * 31 + 1));
        using (var table = sink.Table("parks", "GEOMETRY",
            [("park_id", "INTEGER"), ("name", "TEXT"), ("level", "TEXT"), ("banner", "TEXT"), ("approved_area_ha", "REAL"), ("leading_industries", "TEXT"), ("levelled", "TEXT")]))
        {
            for (var i = 0; i < parks.Count; i++)
            {
                var p = SyntheticPark.All[i];
                table.Add(parks[i], [p.ParkId, p.Name, p.Level, p.Banner, Math.Round(parks[i].Area / 10_000, 2), string.Join("、", p.LeadingIndustries), p.Levelled]);
            }
        }

        var udb = UrbanBoundary(new Random(seed * 31 + 2), centres);
        using (var table = sink.Table("urban_boundary", "POLYGON", [("udb_id", "INTEGER"), ("name", "TEXT")]))
        {
            for (var i = 0; i < udb.Count; i++)
            {
                table.Add(udb[i], [i + 1, $"城镇开发边界-{i + 1}"]);
            }
        }

        var red = Redline(new Random(seed * 31 + 3), Math.Max(1, scale / 10), centres);
        string[] kinds = ["水源涵养", "防风固沙", "生物多样性维护", "水土保持"];
        var redRandom = new Random(seed * 31 + 4);
        using (var table = sink.Table("ecological_redline", "POLYGON", [("redline_id", "INTEGER"), ("name", "TEXT"), ("kind", "TEXT")]))
        {
            for (var i = 0; i < red.Count; i++)
            {
                table.Add(red[i], [i + 1, string.Create(CultureInfo.InvariantCulture, $"生态保护红线-{i + 1:000}"), kinds[redRandom.Next(4)]]);
            }
        }

        Log($"parks, urban boundary, {red.Count} red-line polygons");
        var farm = Farmland(new Random(seed * 31 + 5), scale * 20, parks);
        string[] dlbm = ["0101", "0102", "0103"];
        var farmRandom = new Random(seed * 31 + 6);
        using (var table = sink.Table("permanent_farmland", "POLYGON", [("patch_id", "INTEGER"), ("dlbm", "TEXT"), ("quality_grade", "INTEGER")]))
        {
            for (var i = 0; i < farm.Count; i++)
            {
                table.Add(farm[i], [i + 1, dlbm[farmRandom.Next(3)], farmRandom.Next(1, 16)]);
            }
        }

        Log($"{farm.Count} farmland patches");
        var parcelRandom = new Random(seed * 31 + 7);
        var grid = ParcelGrid.Build(parcelRandom, scale * 100, parks, Factory);
        var batches = ApprovalBatches.Build(new Random(seed * 31 + 10), grid, SyntheticPark.All);
        batches.Write(sink);
        Log($"{batches.Batches.Count} approval batches over {grid.Cells.Count} grid cells of {grid.CellSize:0.0} m");
        var economic = ParcelRecords.Write(sink, grid, batches, SyntheticPark.All, parcelRandom, new Random(seed * 31 + 8));
        Log($"{grid.Kept.Count} parcels");
        var networkFeatures = UtilityNetworkGenerator.Write(sink, parks, Factory, seed * 31 + 9);
        Log($"{networkFeatures} utility network features");
        var economics = Path.Combine(folders[0], "economics.csv");
        var rows = EconomicsCsvWriter.Write(economics, economic, seed * 31 + 11);
        if (geoJson)
        {
            File.Copy(economics, Path.Combine(folders[1], "economics.csv"), overwrite: true);
        }

        Log($"economics.csv: {rows} rows for {economic.Count} built parcels");
        return folders[0];
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
}
