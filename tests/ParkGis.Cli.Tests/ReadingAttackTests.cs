using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;
using ParkGis.Tests.Fixtures;

namespace ParkGis.Cli.Tests;

/// <summary>
/// The input-reading attacks of issue 15 through the whole CLI: each ends in a precise exit-3 error (code, file and
/// feature, hint, nothing written, inputs unchanged) or a data issue in check.json — never "0.00 公顷, exit 0" from
/// data that was not looked at, never a silently dropped park, never exit 4.
/// </summary>
public sealed class ReadingAttackTests
{
    private const string Gk108Wkt = """PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";

    private const string Cgcs2000Wkt = """GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]""";

    private const string Crs4545 = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},";

    /// <summary>Attack → the error code and where it points (exit 3).</summary>
    public static TheoryData<string, string, string> FatalCases => new()
    {
        { "degrees under a geojson crs member of epsg 4545", "PG0203", "parks.geojson#1" },
        { "degrees in a geopackage with srs_id 4545", "PG0203", "parks.gpkg:parks#1" },
        { "degrees under a lying organization_coordsys_id", "PG0203", "parks.gpkg:parks#1" },
        { "degrees under the parkgis.json crs", "PG0203", "parks.shp#1" },
        { "infinite coordinate written as a 400-digit number", "PG0203", "parks.geojson#1" },
        { "dbf with fewer records than shapes", "PG0104", "parks.shp#3" },
        { "dbf with zero records", "PG0104", "parks.shp#1" },
        { "negative numParts", "PG0104", "parks.shp#1" },
        { "numPoints 0x7ffffff0", "PG0104", "parks.shp#1" },
        { "record length 0x20000000", "PG0104", "parks.shp#1" },
        { "geopackage blob with bad magic", "PG0104", "parks.gpkg:parks#2" },
        { "coordinate txt with 几度分带=7", "PG0202", "parks.txt" },
        { "coordinate txt with 带号=三十七", "PG0202", "parks.txt" },
        { "fifo named parks.geojson", "PG0110", "parks.geojson" },
        { "symlink to /dev/zero", "PG0111", "parks.geojson" },
    };

    /// <summary>Attack → the data-issue code check.json must carry (the run goes on).</summary>
    public static TheoryData<string, string> IssueCases => new()
    {
        { "point record in a polygon shapefile", "wrong_geometry_type" },
        { "cpg saying utf-8 over gbk text", "encoding_mismatch" },
        { "geopackage blob with another srid", "srid_mismatch" },
        { "polygonz shapefiles", "z_m_dropped" },
        { "polygonm shapefile", "z_m_dropped" },
        { "xyz and xyzm geopackages", "z_m_dropped" },
        { "3-d geojson positions", "z_m_dropped" },
        { "utf-16 geojson", "not_utf8" },
    };

    [Theory]
    [MemberData(nameof(FatalCases))]
    public async Task An_input_attack_is_a_precise_error_with_nothing_written(string attack, string code, string at)
    {
        var (data, output) = Folders();
        Build(attack, data);
        var before = Hashes(data);

        var run = await RunWithin("check", data, "--out", output);

        Assert.True(run.ExitCode == 3, $"{attack}: {run}");
        Assert.Contains($"error {code}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"  位置: {at}\n", run.Stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  提示: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), $"{attack}: an output folder was written");
        Assert.Equal(before, Hashes(data));
    }

    [Theory]
    [MemberData(nameof(IssueCases))]
    public async Task An_input_attack_that_leaves_the_data_usable_is_a_data_issue_and_the_run_goes_on(string attack, string code)
    {
        var (data, output) = Folders();
        Build(attack, data);

        var run = await RunWithin("check", data, "--out", output);

        Assert.True(run.ExitCode is 0 or 1, $"{attack}: {run}");
        Assert.Contains($"\"code\": \"{code}\"", File.ReadAllText(Path.Combine(output, "check.json")), StringComparison.Ordinal);
    }

    /// <summary>
    /// Attack → what its message says in Chinese, the default, and the English that message held until the twelfth
    /// round (English interpolated into a Chinese template, or an English sentence on its own).
    /// </summary>
    public static TheoryData<string, string, string> ChineseMessageCases => new()
    {
        { "truncated shp", "parks.shp 已被截断：文件头声明", "is truncated" },
        { "multipatch shp header", "parks.shp 已损坏：文件头声明的形状类型为 31，即 MultiPatch，ParkGis 不读取这种类型。", "which ParkGis does not read" },
        { "record of shape type 77", "parks.shp 已损坏：记录 #1 的形状类型为 77，这不是 Shapefile 的形状类型。", "is not a shapefile shape type" },
        { "negative numParts", "记录 #1 声明了 -3 个部分", "declares -3 parts" },
        { "record too short for its part header", "记录 #1 的部分记录头需要 44 字节", "a part header" },
        { "dbf with fewer records than shapes", "parks.shp 有超过 2 个图形，但其属性表 parks.dbf 只有 2 条记录：记录 #3 没有属性。", "has no attributes" },
        { "geojson with a number for a feature", "要素 #1 不是 JSON 对象", "is not a JSON object" },
        { "coordinate txt with a non-number X", "X 坐标 \"四百万\" 不是数字", "is not a number" },
        { "parkgis.json that is an array", "parkgis.json 的内容必须是一个 JSON 对象。", "must contain a JSON object" },
        { "parkgis.json with a misspelt layer role", "parkgis.json：\"parkz\" 不是图层角色。", "is not a layer role" },
        { "parkgis.json with an unknown layer member", "parkgis.json：layers.parks.colour 不是已知成员。", "is not a known member" },
        { "parkgis.json with a crs that is not an epsg code", "请写成 \"EPSG:4545\"。", "Write it as" },
        { "cpg naming an encoding the text is not in", "parks.cpg 声明的编码为 UTF-8", "says UTF-8" },
        { "date in a dbf number field", "（是日期写进了数字字段吗？）", "a date in a number field" },
    };

    [Theory]
    [MemberData(nameof(ChineseMessageCases))]
    public async Task Attack_a_reading_attack_is_explained_in_Chinese_by_default(string attack, string chinese, string english)
    {
        var (data, output) = Folders();
        Build(attack, data);

        var run = await RunWithin("check", data, "--out", output);

        Assert.True(run.ExitCode is 0 or 1 or 3, $"{attack}: {run}");
        // An error is told on stderr (progress lines wrap); a data issue in check.json (stdout wraps it too).
        var told = run.Stderr.ReplaceLineEndings("\n").Replace("\nparkgis:           ", string.Empty, StringComparison.Ordinal);
        if (run.ExitCode != 3)
        {
            using var check = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "check.json")));
            told = string.Join('\n', check.RootElement.GetProperty("data_issues").EnumerateArray().Select(i => i.GetProperty("message").GetString()));
        }

        Assert.True(told.Contains(chinese, StringComparison.Ordinal), $"{attack}: {told}\n{run}");
        Assert.False(told.Contains(english, StringComparison.Ordinal), $"{attack}: {told}\n{run}");
    }

    [Fact]
    public async Task Z_values_no_longer_crash_the_overlay_and_areas_are_measured_in_2d()
    {
        var (data, output) = Folders();
        Build("polygonz shapefiles", data);

        var run = await RunWithin("check", data, "--out", output);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Contains("面积 1.00 公顷", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"占永久基本农田\s+0\.2500\s", run.Stdout);
    }

    [Fact]
    public async Task Numeric_ids_beyond_int64_keep_their_digits_in_check_json()
    {
        var (data, output) = Folders();
        File.WriteAllText(Path.Combine(data, "parks.geojson"), "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":["
            + Feature("15010000000000000001", 395_000) + "," + Feature("15010000000000000002", 396_000) + "]}");

        var run = await RunWithin("check", data, "--out", output);

        var check = File.ReadAllText(Path.Combine(output, "check.json"));
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Contains("\"15010000000000000001\"", check, StringComparison.Ordinal);
        Assert.Contains("\"15010000000000000002\"", check, StringComparison.Ordinal);
        Assert.DoesNotContain("E+19", check + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("duplicate_id", check, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("absolute source", "/etc/shadow")]
    [InlineData("../ source", "../outside/economics.csv")]
    [InlineData("symlinked economics.csv", null)]
    public async Task An_economics_table_outside_the_dataset_is_refused_without_printing_its_content(string attack, string? source)
    {
        var root = RepositoryPaths.NewTempFolder();
        var data = Path.Combine(root, "data");
        CopyFolder(RepositoryPaths.OrdosSample, data);
        Directory.CreateDirectory(Path.Combine(root, "outside"));
        File.WriteAllText(Path.Combine(root, "outside", "economics.csv"), "root:SECRET-HASH:19000:0:99999:7:::\n");
        File.Delete(Path.Combine(data, "economics.csv"));
        if (source is null)
        {
            File.CreateSymbolicLink(Path.Combine(data, "economics.csv"), Path.Combine(root, "outside", "economics.csv"));
        }
        else
        {
            var configuration = File.ReadAllText(Path.Combine(data, "parkgis.json"));
            File.WriteAllText(Path.Combine(data, "parkgis.json"), configuration.Replace("\"layers\": {", "\"economics\": { \"source\": \"" + source + "\" },\n  \"layers\": {", StringComparison.Ordinal));
        }

        var output = Path.Combine(root, "out");
        var run = await RunWithin("intensity", data, "--out", output, "--year", "2025");

        Assert.True(run.ExitCode == 3, $"{attack}: {run}");
        Assert.Contains("error PG0111: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>Runs the CLI in-process on another thread, so that a regression to a hang fails after a minute instead of never.</summary>
    private static Task<CliRun> RunWithin(params string[] args) => Task.Run(() => CliRun.Of(args)).WaitAsync(TimeSpan.FromSeconds(60));

    private static (string Data, string Output) Folders()
    {
        var root = RepositoryPaths.NewTempFolder();
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(root, "results"));
        return (data, Path.Combine(root, "results", "out"));
    }

    private static void Build(string attack, string data)
    {
        var parks = Path.Combine(data, "parks.geojson");
        var gpkg = Path.Combine(data, "parks.gpkg");
        switch (attack)
        {
            case "degrees under a geojson crs member of epsg 4545":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[" + Feature("P1", 108.1, 38.1, 0.01) + "]}");
                break;
            case "degrees in a geopackage with srs_id 4545":
                RawGeoPackage.Create(gpkg, (4545, "EPSG", 4545, Gk108Wkt));
                RawGeoPackage.AddTable(gpkg, "parks", 4545, ["park_id TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(108.1, 38.1, 0.01), 4545), ["P1"]));
                break;
            case "degrees under a lying organization_coordsys_id":
                RawGeoPackage.Create(gpkg, (100, "EPSG", 4545, Cgcs2000Wkt));
                RawGeoPackage.AddTable(gpkg, "parks", 100, ["park_id TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(108.1, 38.1, 0.01), 100), ["P1"]));
                break;
            case "degrees under the parkgis.json crs":
                File.WriteAllText(Path.Combine(data, "parkgis.json"), """{ "crs": "EPSG:4545" }""");
                new RawShapefile { Prj = null }.Add(Polygon(108.1, 38.1, 0.01), "P1", "甲").Write(data);
                break;
            case "infinite coordinate written as a 400-digit number":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\",\"features\":[" + Feature("P1", 395_000).Replace("395100,", "1" + new string('0', 400) + ",", StringComparison.Ordinal) + "]}");
                break;
            case "dbf with fewer records than shapes":
                var three = ThreeParks();
                three.Rows.RemoveAt(2);
                three.Write(data);
                break;
            case "dbf with zero records":
                var none = ThreeParks();
                none.Rows.Clear();
                none.Write(data);
                break;
            case "negative numParts":
                RawShapefile.PatchShp(ThreeParks().Write(data), RawShapefile.FirstContent + 36, -3);
                break;
            case "numPoints 0x7ffffff0":
                RawShapefile.PatchShp(ThreeParks().Write(data), RawShapefile.FirstContent + 40, 0x7ffffff0);
                break;
            case "record length 0x20000000":
                RawShapefile.PatchShp(ThreeParks().Write(data), RawShapefile.FirstContent - 4, 0x20000000, bigEndian: true);
                break;
            case "geopackage blob with bad magic":
                var bad = RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4545);
                bad[0] = (byte)'W';
                RawGeoPackage.Create(gpkg, (4545, "EPSG", 4545, Gk108Wkt));
                RawGeoPackage.AddTable(gpkg, "parks", 4545, ["park_id TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000), 4545), ["P1"]), (bad, ["P2"]));
                break;
            case "coordinate txt with 几度分带=7":
                File.WriteAllText(Path.Combine(data, "parks.txt"), CoordinateTxt().Replace("几度分带=3", "几度分带=7", StringComparison.Ordinal));
                break;
            case "coordinate txt with 带号=三十七":
                File.WriteAllText(Path.Combine(data, "parks.txt"), CoordinateTxt().Replace("带号=37", "带号=三十七", StringComparison.Ordinal));
                break;
            case "fifo named parks.geojson":
                using (var process = Process.Start(new ProcessStartInfo("mkfifo", [parks]))!)
                {
                    process.WaitForExit();
                    Assert.Equal(0, process.ExitCode);
                }

                break;
            case "symlink to /dev/zero":
                File.CreateSymbolicLink(parks, "/dev/zero");
                break;
            case "point record in a polygon shapefile":
                var withPoint = ThreeParks();
                withPoint.Records[1] = RawShapefile.PointContent(396_050, 4_386_050);
                withPoint.Write(data);
                break;
            case "cpg saying utf-8 over gbk text":
                new RawShapefile { Cpg = "UTF-8", TextEncoding = RawShapefile.Gbk }.Add(Polygon(395_000, 4_386_000), "P1", "鄂托克经济开发区").Write(data);
                break;
            case "geopackage blob with another srid":
                RawGeoPackage.Create(gpkg, (4545, "EPSG", 4545, Gk108Wkt), (4490, "EPSG", 4490, Cgcs2000Wkt));
                RawGeoPackage.AddTable(gpkg, "parks", 4545, ["park_id TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000), 4490), ["P1"]));
                break;
            case "polygonz shapefiles":
                // A 100 m park (1 公顷) whose east quarter is farmland; both layers PolygonZ with varying elevations.
                double[] z = [1010, 1011, 1012, 1013, 1010];
                new RawShapefile { ShapeType = RawShapefile.PolygonZ }
                    .Add(RawShapefile.PolygonContent(RawShapefile.PolygonZ, [RawShapefile.Square(395_000, 4_386_000)], z, [0, 0, 0, 0, 0]), "P1", "甲").Write(data);
                var farmland = new RawShapefile { ShapeType = RawShapefile.PolygonZ };
                farmland.Fields.Clear();
                farmland.Fields.Add(("id", 'C', 10, 0));
                farmland.Add(RawShapefile.PolygonContent(RawShapefile.PolygonZ, [RawShapefile.Square(395_075, 4_385_900, 200)], [900, 901, 902, 903, 900]), "F1")
                    .Write(data, "permanent_farmland");
                break;
            case "polygonm shapefile":
                new RawShapefile { ShapeType = RawShapefile.PolygonM }
                    .Add(RawShapefile.PolygonContent(RawShapefile.PolygonM, [RawShapefile.Square(395_000, 4_386_000)], m: [1, 2, 3, 4, 1]), "P1", "甲").Write(data);
                break;
            case "xyz and xyzm geopackages":
                RawGeoPackage.Create(gpkg, (4545, "EPSG", 4545, Gk108Wkt));
                RawGeoPackage.AddTable(gpkg, "parks", 4545, ["park_id TEXT"],
                    (RawGeoPackage.Blob("POLYGON Z ((395000 4386000 5, 395000 4386100 6, 395100 4386100 7, 395100 4386000 8, 395000 4386000 5))", 4545, Ordinates.XYZ), ["P1"]));
                var redline = Path.Combine(data, "ecological_redline.gpkg");
                RawGeoPackage.Create(redline, (4545, "EPSG", 4545, Gk108Wkt));
                RawGeoPackage.AddTable(redline, "ecological_redline", 4545, ["id TEXT"],
                    (RawGeoPackage.Blob("POLYGON ZM ((395050 4385950 1 2, 395050 4386050 3 4, 395150 4386050 5 6, 395150 4385950 7 8, 395050 4385950 1 2))", 4545, Ordinates.XYZM), ["R1"]));
                break;
            case "3-d geojson positions":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[" + Feature("P1", 395_000).Replace("4386000]", "4386000,1001.5]", StringComparison.Ordinal) + "]}");
                break;
            case "utf-16 geojson":
                File.WriteAllBytes(parks, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[" + Feature("P1", 395_000) + "]}")]);
                break;
            case "truncated shp":
                var whole = ThreeParks().Write(data);
                using (var file = new FileStream(whole, FileMode.Open))
                {
                    file.SetLength(200);
                }

                break;
            case "multipatch shp header":
                RawShapefile.PatchShp(ThreeParks().Write(data), 32, 31);
                break;
            case "record of shape type 77":
                RawShapefile.PatchShp(ThreeParks().Write(data), RawShapefile.FirstContent, 77);
                break;
            case "record too short for its part header":
                var shortRecord = ThreeParks();
                shortRecord.Records[0] = shortRecord.Records[0][..20];
                shortRecord.Write(data);
                break;
            case "geojson with a number for a feature":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[1]}");
                break;
            case "coordinate txt with a non-number X":
                File.WriteAllText(Path.Combine(data, "parks.txt"), CoordinateTxt().Replace("J2,1,4387100", "J2,1,四百万", StringComparison.Ordinal));
                break;
            case "parkgis.json that is an array":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[" + Feature("P1", 395_000) + "]}");
                File.WriteAllText(Path.Combine(data, "parkgis.json"), "[1]");
                break;
            case "parkgis.json with a misspelt layer role":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[" + Feature("P1", 395_000) + "]}");
                File.WriteAllText(Path.Combine(data, "parkgis.json"), """{ "layers": { "parkz": { "source": "parks.geojson" } } }""");
                break;
            case "parkgis.json with an unknown layer member":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[" + Feature("P1", 395_000) + "]}");
                File.WriteAllText(Path.Combine(data, "parkgis.json"), """{ "layers": { "parks": { "colour": 1 } } }""");
                break;
            case "parkgis.json with a crs that is not an epsg code":
                File.WriteAllText(parks, "{\"type\":\"FeatureCollection\"," + Crs4545 + "\"features\":[" + Feature("P1", 395_000) + "]}");
                File.WriteAllText(Path.Combine(data, "parkgis.json"), """{ "crs": "CGCS2000" }""");
                break;
            case "cpg naming an encoding the text is not in":
                new RawShapefile { Cpg = "UTF-8", TextEncoding = RawShapefile.Gbk }.Add(Polygon(395_000, 4_386_000), "P1", "鄂托克经济开发区").Write(data);
                break;
            case "date in a dbf number field":
                var dated = new RawShapefile();
                dated.Fields.Add(("appr_ha", 'N', 12, 2));
                dated.Add(Polygon(395_000, 4_386_000), "P1", "甲", "2024-01-01").Write(data);
                break;
            default:
                throw new ArgumentException("unknown attack " + attack, nameof(attack));
        }
    }

    private static RawShapefile ThreeParks() => new RawShapefile()
        .Add(Polygon(395_000, 4_386_000), "P1", "甲")
        .Add(Polygon(396_000, 4_386_000), "P2", "乙")
        .Add(Polygon(397_000, 4_386_000), "P3", "丙");

    private static byte[] Polygon(double x, double y, double size = 100) =>
        RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(x, y, size)]);

    private static string Feature(string id, double x, double y = 4_386_000, double size = 100) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"type\":\"Feature\",\"properties\":{{\"park_id\":{(id.StartsWith('P') ? "\"" + id + "\"" : id)},\"name\":\"园区\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{x},{y}],[{x + size},{y}],[{x + size},{y + size}],[{x},{y + size}],[{x},{y}]]]}}}}");

    private static string CoordinateTxt() =>
        "[属性描述]\r\n坐标系=2000国家大地坐标系\r\n几度分带=3\r\n带号=37\r\n[地块坐标]\r\n5,1.0,P1,园区,面,,,,@\r\n"
        + "J1,1,4387100,37396000\r\nJ2,1,4387100,37396100\r\nJ3,1,4387000,37396100\r\nJ4,1,4387000,37396000\r\nJ1,1,4387100,37396000\r\n";

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static Dictionary<string, string> Hashes(string folder) => Directory.EnumerateFileSystemEntries(folder)
        .ToDictionary(path => Path.GetFileName(path), path => IsRegular(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "special", StringComparer.Ordinal);

    /// <summary>A regular file to hash; a FIFO (length 0) or a symlink is compared by name only, never opened.</summary>
    private static bool IsRegular(string path) => new FileInfo(path) is { LinkTarget: null, Length: > 0 };
}
