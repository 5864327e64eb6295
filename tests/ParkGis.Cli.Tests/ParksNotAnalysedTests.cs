using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Parks that cannot be analysed never pass for a clean run: one such park is listed as not analysed and the run exits
/// at least 1; when no park at all can be analysed, the run is unusable input (PG0112) — in every command that reports
/// per park.
/// </summary>
public sealed class ParksNotAnalysedTests
{
    [Theory]
    [MemberData(nameof(SampleCopy.AnalysisCommands), MemberType = typeof(SampleCopy))]
    public void A_park_that_is_a_LineString_is_listed_as_not_analysed_and_the_run_exits_1(string command, string[] options)
    {
        var data = SampleWithParks((id, polygon) => id == "P08" ? polygon.Factory.CreateLineString(polygon.Coordinates[..3]) : polygon);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of([command, data, "--out", output, .. options]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("未分析的园区 1 个", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("parks#P08: 园区 P08", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("LineString", run.Stdout, StringComparison.Ordinal);
        var written = Directory.EnumerateFiles(output)
            .Where(f => (f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)) && !Path.GetFileName(f).StartsWith('.'))
            .ToList();
        Assert.All(written, file => Assert.Contains("park_not_analysed", File.ReadAllText(file), StringComparison.Ordinal));
        if (command == "check")
        {
            using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "check.json")));
            Assert.DoesNotContain("P08", check.RootElement.GetProperty("parks").EnumerateArray().Select(p => p.GetProperty("park_id").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(SampleCopy.AnalysisCommands), MemberType = typeof(SampleCopy))]
    public void No_park_that_can_be_analysed_exits_3_naming_the_parks_layer_and_the_reasons(string command, string[] options)
    {
        var data = SampleWithParks((_, polygon) => polygon.Centroid);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of([command, data, "--out", output, .. options]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("详情: parks.geojson 中的 8 个园区都无法分析", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("P01: 几何类型为 Point，不是面", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  位置: parks.geojson#P01", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "nothing is written");
    }

    [Fact]
    public void An_empty_parks_layer_exits_3_instead_of_reporting_0_parks()
    {
        var data = TinyDataset.Write(parks: TinyDataset.Square("P1", "园区", 500_000, 4_400_000, 100));
        File.WriteAllText(Path.Combine(data, "parks.geojson"),
            """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}},"features":[]}""");

        var run = CliRun.Of("check", data, "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("详情: 园区图层 parks.geojson 没有要素", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("0 个园区", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_invalid_parks_are_analysed_with_fix()
    {
        // A bow-tie is unusable input without --fix and a repaired park with it.
        var data = TinyDataset.Write(parks: TinyDataset.Square("P1", "园区", 500_000, 4_400_000, 100));
        var path = Path.Combine(data, "parks.geojson");
        File.WriteAllText(path, File.ReadAllText(path).Replace("[500100,4400000],[500100,4400100]", "[500100,4400100],[500100,4400000]", StringComparison.Ordinal));

        var plain = CliRun.Of("check", data, "--out", RepositoryPaths.NewTempFolder());
        var fixedRun = CliRun.Of("check", data, "--out", RepositoryPaths.NewTempFolder(), "--fix");

        Assert.True(plain.ExitCode == 3 && plain.Stderr.Contains("加 --fix 修复无效几何", StringComparison.Ordinal), plain.ToString());
        Assert.True(fixedRun.ExitCode == 1 && fixedRun.Stdout.Contains("1 个园区", StringComparison.Ordinal), fixedRun.ToString());
    }

    /// <summary>A copy of the sample whose parks.shp is replaced by parks.geojson with each park's geometry changed.</summary>
    private static string SampleWithParks(Func<string, Geometry, Geometry> change)
    {
        var data = SampleCopy.Make(name => name.StartsWith("parks.", StringComparison.Ordinal));

        var features = Shapefile.ReadAllFeatures(Path.Combine(RepositoryPaths.OrdosSample, "parks.shp"));
        var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        foreach (var (feature, index) in features.Select((f, i) => (f, i)))
        {
            var properties = feature.Attributes.GetNames().ToDictionary(n => n, n => feature.Attributes[n]);
            var geometry = change((string)feature.Attributes["park_id"], feature.Geometry);
            json.Append(index == 0 ? string.Empty : ",")
                .Append("{\"type\":\"Feature\",\"properties\":").Append(JsonSerializer.Serialize(properties))
                .Append(",\"geometry\":").Append(GeoJsonGeometry(geometry)).Append('}');
        }

        File.WriteAllText(Path.Combine(data, "parks.geojson"), json.Append("]}").ToString());
        return data;
    }

    private static string GeoJsonGeometry(Geometry geometry)
    {
        static string Ring(Coordinate[] ring) => "[" + string.Join(",", ring.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.X:R},{c.Y:R}]"))) + "]";
        static string Polygon(Polygon p) => "[" + string.Join(",", new[] { p.Shell }.Concat(p.Holes).Select(r => Ring(r.Coordinates))) + "]";
        return geometry switch
        {
            Point p => string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{p.X:R},{p.Y:R}]}}"),
            LineString l => $"{{\"type\":\"LineString\",\"coordinates\":{Ring(l.Coordinates)}}}",
            Polygon p => $"{{\"type\":\"Polygon\",\"coordinates\":{Polygon(p)}}}",
            MultiPolygon m => $"{{\"type\":\"MultiPolygon\",\"coordinates\":[{string.Join(",", m.Geometries.Cast<Polygon>().Select(Polygon))}]}}",
            _ => throw new ArgumentException(geometry.GeometryType, nameof(geometry)),
        };
    }
}
