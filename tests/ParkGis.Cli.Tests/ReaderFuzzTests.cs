using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using ParkGis.Gdal;
using ParkGis.Tests.Fixtures;
using Xunit.Abstractions;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Random bytes and random truncations of every file kind ParkGis reads (GeoJSON, .shp/.shx/.dbf, GeoPackage and its
/// geometry blobs, coordinate TXT, and KML through GDAL when libgdal is present), fed to <c>parkgis check</c> in a
/// child process limited to 2 GB of address space (<c>ulimit -v 2000000</c>; managed heap 512 MB): the
/// reader must answer every case with exit 0, 1 or 3 — never exit 4 (a defect), never an abort or a kill, never more
/// memory than that. FsCheck generates the cases from a fixed seed so that a failure is reproducible: every
/// (file kind, mutation) pair gets the same number of cases, each with its own random seed for the bytes.
/// </summary>
/// <remarks>
/// The default run takes a few seconds (<see cref="DefaultCases"/> cases). CI (<c>CI=true</c>) soaks
/// <see cref="CiCases"/>; <c>PARKGIS_FUZZ_CASES</c> and <c>PARKGIS_FUZZ_SEED</c> choose another number or seed.
/// </remarks>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 100;
    private const int CiCases = 1200;
    private const ulong DefaultSeed = 20_250_615;
    private const long AddressSpaceKiB = 2_000_000;

    /// <summary>What is done to the valid file of a kind.</summary>
    public enum Mutation
    {
        Truncate,
        FlipBytes,
        HostileInteger,
        RandomBytes,

        /// <summary>Digits changed into other digits, signs, points, exponents or long runs: text formats stay parseable, numbers go wild.</summary>
        EditDigits,
    }

    [Fact]
    public void Random_bytes_and_truncations_of_every_file_kind_never_crash_the_reader_nor_exceed_2_gb()
    {
        var kinds = new List<string> { "geojson", "shp", "shx", "dbf", "gpkg", "gpkg-blob", "txt" };
        if (GdalLibrary.IsAvailable)
        {
            // First, so that libgdal is loaded (once per process) while the child's address space is still mostly free.
            kinds.Insert(0, "kml");
        }

        var count = int.TryParse(Environment.GetEnvironmentVariable("PARKGIS_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal) ? CiCases : DefaultCases;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("PARKGIS_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var pairs = kinds.SelectMany(kind => Enum.GetValues<Mutation>().Select(mutation => (Kind: kind, Mutation: mutation))).ToList();
        var perPair = Math.Max(1, count / pairs.Count);
        var seeds = Gen.Sample(Gen.Choose(0, int.MaxValue), perPair * pairs.Count, new Rnd(seed), 50).ToArray();
        Assert.Equal(perPair * pairs.Count, seeds.Length);
        var cases = pairs.SelectMany((pair, p) => Enumerable.Range(0, perPair).Select(k => new FuzzCase(pair.Kind, pair.Mutation, seeds[(p * perPair) + k]))).ToList();

        var root = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(root);
        var templates = FuzzCase.Templates(Path.Combine(root, "templates"));
        var folders = cases.Select((fuzzCase, i) => fuzzCase.Write(Path.Combine(root, i.ToString("D5", CultureInfo.InvariantCulture)), templates)).ToList();
        var list = Path.Combine(root, "cases.txt");
        File.WriteAllLines(list, folders);

        var (exitCode, lines, stderr, timedOut) = RunChild(list, TimeSpan.FromMinutes(Math.Max(3, cases.Count / 20)));

        var finished = new Dictionary<int, (int Code, string Error)>();
        var lastStarted = -1;
        foreach (var line in lines)
        {
            var parts = line.Split(' ', 4);
            if (parts[0] == "start")
            {
                lastStarted = int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else if (parts[0] == "exit")
            {
                finished[int.Parse(parts[1], CultureInfo.InvariantCulture)] = (int.Parse(parts[2], CultureInfo.InvariantCulture), parts.Length > 3 ? parts[3] : string.Empty);
            }
        }

        var replay = $" (replay: PARKGIS_FUZZ_SEED={seed} PARKGIS_FUZZ_CASES={count})";
        foreach (var kind in kinds)
        {
            var codes = finished.Where(entry => cases[entry.Key].Kind == kind).GroupBy(entry => entry.Value.Code == 3 ? entry.Value.Error.Split(':')[0] : "exit " + entry.Value.Code.ToString(CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} × {g.Count()}"));
            output.WriteLine($"{kind}: {string.Join(", ", codes)}");
        }

        Assert.False(timedOut, $"the child hung in case {Describe(cases, lastStarted)}{replay}");
        Assert.True(exitCode == 0, $"the child died (exit {exitCode}) in case {Describe(cases, lastStarted)}{replay}: {stderr}");
        Assert.Equal(cases.Count, finished.Count);
        var bad = finished.Where(entry => entry.Value.Code is not (0 or 1 or 3)).Select(entry => $"{Describe(cases, entry.Key)} → exit {entry.Value.Code}: {entry.Value.Error}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad) + replay);
        Directory.Delete(root, recursive: true);
    }

    private static string Describe(List<FuzzCase> cases, int index) =>
        index >= 0 && index < cases.Count ? string.Create(CultureInfo.InvariantCulture, $"#{index} {cases[index]}") : "(none started)";

    /// <summary>Runs the fuzz host under <c>ulimit -v</c>; the managed heap is capped below the limit so that the runtime can start.</summary>
    private static (int ExitCode, List<string> Lines, string Stderr, bool TimedOut) RunChild(string list, TimeSpan timeout)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-c", string.Create(CultureInfo.InvariantCulture, $"ulimit -v {AddressSpaceKiB} && exec \"$0\" \"$@\""),
            dotnet, Path.Combine(AppContext.BaseDirectory, "ParkGis.Cli.Tests.dll"), "fuzz-host", list,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Workstation GC with a 512 MB heap in a 512 MB region range: the runtime's own address-space reservations
        // then leave room under the 2 GB limit for libgdal and its libraries.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x20000000";
        start.Environment["DOTNET_GCRegionRange"] = "0x20000000";
        start.Environment["DOTNET_TieredPGO"] = "0";
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.WaitForExit();
        lock (lines)
        {
            return (exited ? process.ExitCode : -1, [.. lines], stderr.Result, !exited);
        }
    }

    /// <summary>One case: a file kind, a mutation and the seed of its random bytes.</summary>
    private sealed record FuzzCase(string Kind, Mutation Mutation, int Seed)
    {
        private static readonly int[] HostileIntegers = [int.MaxValue, 0x7ffffff0, 0x20000000, -1, int.MinValue, 0, 65_535, 1 << 24];

        /// <summary>The valid files of every kind (name and bytes; the first is the one a case mutates), written once.</summary>
        public static Dictionary<string, (string Name, byte[] Bytes)[]> Templates(string scratch)
        {
            Directory.CreateDirectory(scratch);
            var shp = ValidShapefile().Write(scratch);
            (string, byte[]) Part(string extension) => (Path.GetFileName(Path.ChangeExtension(shp, extension)), File.ReadAllBytes(Path.ChangeExtension(shp, extension)));
            var gpkg = Path.Combine(scratch, "parks.gpkg");
            ValidGeoPackage(gpkg);
            var package = ("parks.gpkg", File.ReadAllBytes(gpkg));
            return new Dictionary<string, (string Name, byte[] Bytes)[]>(StringComparer.Ordinal)
            {
                ["geojson"] = [("parks.geojson", Encoding.UTF8.GetBytes(ValidGeoJson()))],
                ["shp"] = [Part(".shp"), Part(".shx"), Part(".dbf"), Part(".prj"), Part(".cpg")],
                ["shx"] = [Part(".shx"), Part(".shp"), Part(".dbf"), Part(".prj"), Part(".cpg")],
                ["dbf"] = [Part(".dbf"), Part(".shp"), Part(".shx"), Part(".prj"), Part(".cpg")],
                ["gpkg"] = [package],
                ["gpkg-blob"] = [package],
                ["txt"] = [("parks.txt", Encoding.UTF8.GetBytes(ValidCoordinateTxt()))],
                ["kml"] = [("parks.kml", Encoding.UTF8.GetBytes(ValidKml()))],
            };
        }

        /// <summary>Writes the files of the kind into <paramref name="folder"/>, the first one mutated; returns the folder.</summary>
        public string Write(string folder, Dictionary<string, (string Name, byte[] Bytes)[]> templates)
        {
            Directory.CreateDirectory(folder);
            var random = new Random(Seed);
            var files = templates[Kind];
            for (var i = 0; i < files.Length; i++)
            {
                var (name, bytes) = files[i];
                var path = Path.Combine(folder, name);
                if (i > 0 || Kind == "gpkg-blob")
                {
                    File.WriteAllBytes(path, bytes);
                }
                else
                {
                    File.WriteAllBytes(path, Mutated(random, bytes));
                }
            }

            if (Kind == "gpkg-blob")
            {
                MutateBlob(Path.Combine(folder, files[0].Name), random);
            }

            return folder;
        }

        private byte[] Mutated(Random random, byte[] valid)
        {
            switch (Mutation)
            {
                case Mutation.Truncate:
                    return valid[..random.Next(valid.Length)];
                case Mutation.FlipBytes:
                    var flipped = (byte[])valid.Clone();
                    for (var i = random.Next(1, 17); i > 0; i--)
                    {
                        flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                    }

                    return flipped;
                case Mutation.HostileInteger:
                    var patched = (byte[])valid.Clone();
                    for (var i = random.Next(1, 4); i > 0; i--)
                    {
                        var at = random.Next(Math.Max(1, patched.Length - 3)) & ~3;
                        var value = HostileIntegers[random.Next(HostileIntegers.Length)];
                        if (random.Next(2) == 0)
                        {
                            BinaryPrimitives.WriteInt32LittleEndian(patched.AsSpan(Math.Min(at, patched.Length - 4)), value);
                        }
                        else
                        {
                            BinaryPrimitives.WriteInt32BigEndian(patched.AsSpan(Math.Min(at, patched.Length - 4)), value);
                        }
                    }

                    return patched;
                case Mutation.EditDigits:
                    var edited = new List<byte>(valid);
                    var digits = Enumerable.Range(0, edited.Count).Where(i => edited[i] is >= (byte)'0' and <= (byte)'9').ToList();
                    for (var i = random.Next(1, 9); i > 0 && digits.Count > 0; i--)
                    {
                        var at = digits[random.Next(digits.Count)];
                        string[] replacements = ["0", "9", "-", ".", "e", "e999", "-1", "99999999999999999999", "00000000", "1e-400", "nan"];
                        var replacement = Encoding.ASCII.GetBytes(random.Next(3) == 0 ? replacements[random.Next(replacements.Length)] : ((char)('0' + random.Next(10))).ToString());
                        edited.RemoveAt(at);
                        edited.InsertRange(at, replacement);
                        digits = Enumerable.Range(0, edited.Count).Where(k => edited[k] is >= (byte)'0' and <= (byte)'9').ToList();
                    }

                    return [.. edited];
                default:
                    var bytes = new byte[random.Next(4096)];
                    random.NextBytes(bytes);
                    return bytes;
            }
        }

        /// <summary>Mutates the geometry blob of one row inside an otherwise valid GeoPackage.</summary>
        private void MutateBlob(string path, Random random)
        {
            var blob = RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4545);
            var mutated = Mutated(random, blob);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "PRAGMA synchronous = OFF; UPDATE parks SET geom = $blob WHERE fid = 2";
            update.Parameters.AddWithValue("$blob", mutated);
            update.ExecuteNonQuery();
        }

        private static string ValidGeoJson() =>
            """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}},"features":[
            {"type":"Feature","properties":{"park_id":"P1","name":"甲","n":15010000000000000001},"geometry":{"type":"Polygon","coordinates":[[[395000,4386000,5],[395000,4386100,5],[395100,4386100,6],[395100,4386000,6],[395000,4386000,5]],[[395010,4386010],[395020,4386010],[395020,4386020],[395010,4386010]]]}},
            {"type":"Feature","properties":{"park_id":"P2","name":"乙"},"geometry":{"type":"MultiPolygon","coordinates":[[[[396000,4386000],[396000,4386100],[396100,4386100],[396000,4386000]]]]}}]}
            """;

        private static RawShapefile ValidShapefile()
        {
            var file = new RawShapefile { ShapeType = RawShapefile.PolygonZ, Cpg = "CP936", TextEncoding = RawShapefile.Gbk };
            file.Fields.Add(("area", 'N', 12, 2));
            file.Fields.Add(("since", 'D', 8, 0));
            double[] hole = [395_010, 4_386_010, 395_020, 4_386_010, 395_020, 4_386_020, 395_010, 4_386_010];
            return file
                .Add(RawShapefile.PolygonContent(RawShapefile.PolygonZ, [RawShapefile.Square(395_000, 4_386_000), hole], [1, 2, 3, 4, 1, 5, 6, 7, 5], [0, 0, 0, 0, 0, 0, 0, 0, 0]), "P1", "鄂托克", "10000.00", "20240301")
                .Add(RawShapefile.PolygonContent(RawShapefile.PolygonZ, [RawShapefile.Square(396_000, 4_386_000)], [1, 2, 3, 4, 1]), "P2", "准格尔", "9999.5", "20231231");
        }

        private static void ValidGeoPackage(string path)
        {
            const string Wkt = """PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";
            RawGeoPackage.Create(path, (4545, "EPSG", 4545, Wkt));
            RawGeoPackage.AddTable(path, "parks", 4545, ["park_id TEXT", "area REAL", "since DATE"],
                (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000), 4545), ["P1", 10_000.0, "2024-03-01"]),
                (RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4545), ["P2", 9_999.5, "2023-12-31"]),
                (null, ["P3", null, null]));
        }

        private static string ValidCoordinateTxt() =>
            "[属性描述]\r\n坐标系=2000国家大地坐标系\r\n几度分带=3\r\n带号=37\r\n[地块坐标]\r\n"
            + "5,1.0,P1,甲,面,,,,@\r\nJ1,1,4387100,37396000\r\nJ2,1,4387100,37396100\r\nJ3,1,4387000,37396100\r\nJ4,1,4387000,37396000\r\nJ1,1,4387100,37396000\r\n"
            + "4,0.5,P2,乙,面,,,,@\r\nJ1,1,4387100,37397000\r\nJ2,1,4387100,37397100\r\nJ3,1,4387000,37397100\r\nJ1,1,4387100,37397000\r\n";

        private static string ValidKml() =>
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>parks</name>
            <Placemark><name>P1</name><ExtendedData><Data name="park_id"><value>P1</value></Data></ExtendedData>
            <Polygon><outerBoundaryIs><LinearRing><coordinates>109.78,39.61,0 109.79,39.61,0 109.79,39.62,0 109.78,39.62,0 109.78,39.61,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
            <Placemark><name>P2</name><ExtendedData><Data name="park_id"><value>P2</value></Data></ExtendedData>
            <Polygon><outerBoundaryIs><LinearRing><coordinates>109.80,39.61 109.81,39.61 109.81,39.62 109.80,39.61</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
            </Document></kml>
            """;
    }
}
