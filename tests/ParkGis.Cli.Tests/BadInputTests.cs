using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Broken input through the whole CLI: each case ends in a precise exit-3 error or a data issue while the run goes
/// on — never a stack trace, never a half-written output folder, never a changed input file.
/// </summary>
public sealed class BadInputTests
{
    private const string Gk108Prj =
        """PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string Xian80Prj =
        """PROJCS["Xian_1980_3_Degree_GK_CM_108E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    /// <summary>Case name → (expected exit code, the error code on stderr or the data-issue code in check.json).</summary>
    public static TheoryData<string, int, string> Cases => new()
    {
        { "empty geojson", 3, "PG0104" },
        { "truncated geojson", 3, "PG0104" },
        { "empty shapefile", 3, "PG0104" },
        { "truncated shapefile", 3, "PG0104" },
        { "shapefile without shx", 3, "PG0105" },
        { "shapefile without dbf", 3, "PG0105" },
        { "empty geopackage", 3, "PG0104" },
        { "truncated geopackage", 3, "PG0104" },
        { "empty coordinate txt", 3, "PG0104" },
        { "unknown prj", 3, "PG0202" },
        { "line instead of polygon", 3, "PG0112" },
        { "line beside a polygon", 1, "park_not_analysed" },
        { "infinite coordinate", 3, "PG0203" },
        { "NaN coordinate", 3, "PG0203" },
        { "absurd northing", 3, "PG0203" },
        { "lon lat swapped", 3, "PG0203" },
        { "zone prefix contradicts prj", 3, "PG0204" },
        { "zone prefix contradicts geojson crs", 3, "PG0204" },
        { "duplicate ids", 1, "duplicate_id" },
        { "empty layer", 1, "empty_layer" },
        { "gbk geojson", 1, "not_utf8" },
        { "neither utf8 nor gbk geojson", 3, "PG0106" },
        { "date in a number field", 1, "unparseable_value" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_a_precise_error_or_a_data_issue_and_never_a_crash(string name, int exitCode, string code)
    {
        var root = RepositoryPaths.NewTempFolder();
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        Build(name, data);
        var before = Hashes(data);
        var output = Path.Combine(root, "results", "out");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var run = CliRun.Of("check", data, "--out", output);

        Assert.True(run.ExitCode == exitCode, $"{name}: {run}");
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(data));
        if (exitCode == 3)
        {
            Assert.Contains($"error {code}:", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("  提示: ", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("  位置: ", run.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output), $"{name}: an output folder was left behind");
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!));
        }
        else
        {
            var check = File.ReadAllText(Path.Combine(output, "check.json"));
            Assert.Contains($"\"{code}\"", check, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Lon_lat_swapped_names_the_swap_and_the_feature()
    {
        var data = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(data);
        Build("lon lat swapped", data);

        var run = CliRun.Of("info", data);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("经纬度看起来写反了", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("位置: parks.geojson#2", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gbk_geojson_is_decoded_as_gbk_with_its_chinese_names_intact()
    {
        var data = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(data);
        Build("gbk geojson", data);

        var run = CliRun.Of("info", data, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString()); // a data issue: exit 1
        Assert.Contains("已按 GBK 解码", run.Stdout, StringComparison.Ordinal);
        var output = RepositoryPaths.NewTempFolder();
        CliRun.Of("check", data, "--out", output);
        Assert.Contains("鄂托克经济开发区", File.ReadAllText(Path.Combine(output, "check.json")), StringComparison.Ordinal);
    }

    private static void Build(string name, string data)
    {
        var parks = Path.Combine(data, "parks.geojson");
        switch (name)
        {
            case "empty geojson":
                File.WriteAllText(parks, string.Empty);
                break;
            case "truncated geojson":
                var full = Projected(4545, ("P1", 395_000, 4_386_000), ("P2", 396_000, 4_386_000));
                File.WriteAllText(parks, full[..(full.Length * 2 / 3)]);
                break;
            case "empty shapefile":
                WriteShapefile(data, Gk108Prj);
                File.WriteAllBytes(Path.Combine(data, "parks.shp"), []);
                break;
            case "truncated shapefile":
                WriteShapefile(data, Gk108Prj);
                var shp = File.ReadAllBytes(Path.Combine(data, "parks.shp"));
                File.WriteAllBytes(Path.Combine(data, "parks.shp"), shp[..(shp.Length - 40)]);
                break;
            case "shapefile without shx":
                WriteShapefile(data, Gk108Prj);
                File.Delete(Path.Combine(data, "parks.shx"));
                break;
            case "shapefile without dbf":
                WriteShapefile(data, Gk108Prj);
                File.Delete(Path.Combine(data, "parks.dbf"));
                break;
            case "empty geopackage":
                File.WriteAllBytes(Path.Combine(data, "parks.gpkg"), []);
                break;
            case "truncated geopackage":
                File.WriteAllBytes(Path.Combine(data, "parks.gpkg"), Encoding.ASCII.GetBytes("SQLite format 3\0").Concat(new byte[200]).ToArray());
                break;
            case "empty coordinate txt":
                File.WriteAllText(Path.Combine(data, "parks.txt"), "\r\n");
                break;
            case "unknown prj":
                WriteShapefile(data, Xian80Prj);
                break;
            case "line instead of polygon":
                File.WriteAllText(parks, Projected(4545, ("P1", 395_000, 4_386_000)).Replace(
                    "\"type\":\"Polygon\",\"coordinates\":[[[395000,4386000],[395100,4386000],[395100,4386100],[395000,4386100],[395000,4386000]]]",
                    "\"type\":\"LineString\",\"coordinates\":[[395000,4386000],[395100,4386100]]",
                    StringComparison.Ordinal));
                break;
            case "line beside a polygon":
                File.WriteAllText(parks, Projected(4545, ("P1", 395_000, 4_386_000), ("P2", 396_000, 4_386_000)).Replace(
                    "\"type\":\"Polygon\",\"coordinates\":[[[396000,4386000],[396100,4386000],[396100,4386100],[396000,4386100],[396000,4386000]]]",
                    "\"type\":\"LineString\",\"coordinates\":[[396000,4386000],[396100,4386100]]",
                    StringComparison.Ordinal));
                break;
            case "infinite coordinate":
                File.WriteAllText(parks, Projected(4545, ("P1", 395_000, 4_386_000)).Replace("[395100,4386100]", "[395100,1e999]", StringComparison.Ordinal));
                break;
            case "NaN coordinate":
                File.WriteAllText(Path.Combine(data, "parks.txt"),
                    "[属性描述]\r\n坐标系=2000国家大地坐标系\r\n几度分带=3\r\n带号=36\r\n[地块坐标]\r\n5,1,P1,园区,面,,,,@\r\n"
                    + "J1,1,4386100,395000\r\nJ2,1,4386100,395100\r\nJ3,1,NaN,395100\r\nJ4,1,4386000,395000\r\nJ1,1,4386100,395000\r\n");
                break;
            case "absurd northing":
                File.WriteAllText(parks, Projected(4545, ("P1", 395_000, 4_386_000), ("P2", 395_000, 9_000_000_000)));
                break;
            case "lon lat swapped":
                File.WriteAllText(parks, LonLat(("P1", 109.78, 39.61), ("P2", 39.61, 109.78)));
                break;
            case "zone prefix contradicts prj":
                WriteShapefile(data, Gk108Prj, 37_395_000);
                break;
            case "zone prefix contradicts geojson crs":
                File.WriteAllText(parks, Projected(4524, ("P1", 37_395_000, 4_386_000)));
                break;
            case "duplicate ids":
                File.WriteAllText(parks, Projected(4545, ("P1", 395_000, 4_386_000), ("P1", 396_000, 4_386_000)));
                break;
            case "empty layer":
                File.WriteAllText(parks, Projected(4545, ("P1", 395_000, 4_386_000)));
                File.WriteAllText(Path.Combine(data, "ecological_redline.geojson"), """{"type":"FeatureCollection","features":[]}""");
                break;
            case "gbk geojson":
                File.WriteAllBytes(parks, Encoding.GetEncoding(936).GetBytes(
                    Projected(4545, ("P1", 395_000, 4_386_000)).Replace("\"name\":\"P1\"", "\"name\":\"鄂托克经济开发区\"", StringComparison.Ordinal)));
                break;
            case "neither utf8 nor gbk geojson":
                var json = Projected(4545, ("P1", 395_000, 4_386_000)).Split("\"name\":\"P1\"");
                File.WriteAllBytes(parks, [.. Encoding.UTF8.GetBytes(json[0] + "\"name\":\""), 0x81, 0x20, .. Encoding.UTF8.GetBytes("\"" + json[1])]);
                break;
            case "date in a number field":
                WriteShapefile(data, Gk108Prj);
                var dbfPath = Path.Combine(data, "parks.dbf");
                var dbf = File.ReadAllBytes(dbfPath);
                var headerLength = BitConverter.ToUInt16(dbf, 8);
                var offset = 1;
                for (var field = 32; dbf[field] != 0x0D; field += 32)
                {
                    if (Encoding.ASCII.GetString(dbf, field, 4) == "area")
                    {
                        Assert.True(dbf[field + 11] is (byte)'N' or (byte)'F', "area is a number field");
                        var cell = Encoding.ASCII.GetBytes("2021-03-01".PadLeft(dbf[field + 16]));
                        cell.CopyTo(dbf, headerLength + offset);
                        break;
                    }

                    offset += dbf[field + 16];
                }

                File.WriteAllBytes(dbfPath, dbf);
                break;
            default:
                throw new ArgumentException("unknown case " + name, nameof(name));
        }
    }

    static BadInputTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Projected(int epsg, params (string Id, double X, double Y)[] squares) =>
        Collection(string.Create(CultureInfo.InvariantCulture, $"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"urn:ogc:def:crs:EPSG::{epsg}\"}}}},"), 100, squares);

    private static string LonLat(params (string Id, double X, double Y)[] squares) => Collection(string.Empty, 0.001, squares);

    private static string Collection(string crs, double size, (string Id, double X, double Y)[] squares)
    {
        var features = squares.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"park_id\":\"{s.Id}\",\"name\":\"{s.Id}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{s.X},{s.Y}],[{s.X + size},{s.Y}],[{s.X + size},{s.Y + size}],[{s.X},{s.Y + size}],[{s.X},{s.Y}]]]}}}}"));
        return "{\"type\":\"FeatureCollection\"," + crs + "\"features\":[" + string.Join(",", features) + "]}";
    }

    private static void WriteShapefile(string data, string prj, double x = 395_000)
    {
        var factory = new GeometryFactory();
        var square = factory.CreatePolygon([new(x, 4_386_000), new(x, 4_386_100), new(x + 100, 4_386_100), new(x + 100, 4_386_000), new(x, 4_386_000)]);
        var attributes = new AttributesTable { { "park_id", "P1" }, { "area", 12.5 } };
        Shapefile.WriteAllFeatures([new NetTopologySuite.Features.Feature(square, attributes)], Path.Combine(data, "parks.shp"), prj, Encoding.UTF8);
    }

    private static Dictionary<string, string> Hashes(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(path => Path.GetRelativePath(folder, path), path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), StringComparer.Ordinal);
}
