using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.WebFrames;
using ParkGis.IO.Datasets;

namespace ParkGis.Cli.Tests;

public sealed class ExportCommandTests
{
    private static readonly string[] ParkNames = ["鄂托克经济开发区", "准格尔经济开发区", "苏里格经济开发区", "蒙苏经济开发区", "鄂尔多斯高新技术产业开发区", "达拉特经济开发区", "杭锦经济开发区", "上海庙经济开发区"];

    [NodeToolsFact]
    public void Every_exported_file_passes_the_independent_check_geojson_validator()
    {
        Assert.True(NodeTools.MissingReason(needsChromium: false) is null, NodeTools.MissingReason(needsChromium: false));
        var plain = RepositoryPaths.NewTempFolder();
        var gaode = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", plain).ExitCode);
        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", gaode, "--crs", "gcj02", "--simplify", "5", "--precision", "6", "--as-of", "2026-06-30").ExitCode);
        var files = Directory.GetFiles(plain, "*.geojson").Concat(Directory.GetFiles(gaode, "*.geojson")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(35, files.Length); // 15 layers + conflicts, twice; + unsupplied, unapproved_supply, idle

        var (exit, stdout, stderr) = NodeTools.Run("validate-geojson.mjs", files);

        Assert.True(exit == 0, $"check-geojson found issues:\n{stdout}\n{stderr}");
        Assert.Equal(files.Length, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void An_export_at_a_precision_that_empties_features_says_so_in_its_summary_file_by_file()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--precision", "2");

        Assert.Equal(1, run.ExitCode);
        var emptiedTotal = 0;
        foreach (var file in Directory.GetFiles(output, "*.geojson"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var emptied = document.RootElement.GetProperty("features").EnumerateArray().Count(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Null);
            var line = run.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith(Path.GetFileName(file) + " ", StringComparison.Ordinal));
            if (emptied > 0)
            {
                Assert.Contains($"其中 {emptied} 个整体塌缩，写为无几何", line, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("塌缩", line, StringComparison.Ordinal);
            }

            emptiedTotal += emptied;
        }

        Assert.True(emptiedTotal > 400, $"{emptiedTotal} features emptied at 0.01°");
        Assert.Contains($"坐标取到 0.01（--precision 2）时，{emptiedTotal} 个要素的几何整体塌缩", run.Stdout, StringComparison.Ordinal);

        var exact = RepositoryPaths.NewTempFolder();
        Assert.DoesNotContain("塌缩", CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", exact).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_one_RFC_7946_file_per_layer_and_result_with_Chinese_attributes_and_areas()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [
                ".parkgis-manifest.json", "approvals.geojson", "conflicts.geojson", "drainage.geojson", "ecological_redline.geojson", "gas.geojson", "heating.geojson",
                "parcels.geojson", "parks.geojson", "permanent_farmland.geojson", "power.geojson", "roads.geojson", "sewage.geojson", "steam.geojson",
                "telecom.geojson", "urban_boundary.geojson", "water_supply.geojson",
            ],
            Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
        using var parks = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "parks.geojson")));
        Assert.False(parks.RootElement.TryGetProperty("crs", out _), "RFC 7946 has no crs member");
        Assert.Equal("WGS84", parks.RootElement.GetProperty(WebMapFrames.MemberName).GetString());
        var names = parks.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.Equal(ParkNames.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        var first = parks.RootElement.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal(first.GetProperty("area_m2").GetDouble() * 15 / 10000, first.GetProperty("area_mu").GetDouble(), 3);
        Assert.Equal("parks", first.GetProperty("kind").GetString());
        using var conflicts = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "conflicts.geojson")));
        Assert.All(conflicts.RootElement.GetProperty("features").EnumerateArray(), f =>
            Assert.Contains(f.GetProperty("properties").GetProperty("severity").GetString(), new[] { "error", "warning" }));
        Assert.Contains("鄂尔多斯", File.ReadAllText(Path.Combine(output, "parks.geojson"), Encoding.UTF8), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_with_an_as_of_date_publishes_the_supply_and_idle_results()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--as-of", "2026-06-30");

        Assert.True(run.ExitCode == 1, run.ToString());
        foreach (var name in new[] { "unsupplied", "unapproved_supply", "idle" })
        {
            using var layer = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, name + ".geojson")));
            Assert.True(layer.RootElement.GetProperty("features").GetArrayLength() > 0, $"{name}.geojson has no features");
        }

        using var idle = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "idle.geojson")));
        var statuses = idle.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("kind").GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["government_delay", "idle_halted", "idle_unstarted"], statuses.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Round_trip_export_then_read_gives_the_same_areas_within_the_rounding()
    {
        var output = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output).ExitCode);

        var original = DatasetReader.Read(RepositoryPaths.OrdosSample);
        var back = DatasetReader.Read(output);

        foreach (var role in new[] { LayerRole.Parks, LayerRole.Parcels, LayerRole.UrbanBoundary, LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.Approvals })
        {
            var source = original.Find(role)!;
            var read = back.Find(role)!;
            var sourceArea = AnalysisCrs.AreaFunction(source.Crs);
            // Written in feature-id order (PublishedLayers), whatever the order in the file.
            var expected = source.Features.Where(f => !f.Geometry.IsEmpty).OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Ordinal).ToList();
            Assert.Equal(expected.Count, read.Features.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                // Measured in the same analysis CRS both ways. Rounding to 7 decimals moves a vertex by at most
                // ~6 mm, so the area may move by at most perimeter × 6 mm.
                var geometry = expected[i].Geometry;
                if (!geometry.IsValid)
                {
                    // An invalid input (the sample's bow-tie P02-011) is written repaired: valid, its area no longer the
                    // shoelace sum of a crossing ring.
                    Assert.True(read.Features[i].Geometry.IsValid, $"{LayerRoles.Name(role)} {expected[i].Id} is written invalid");
                    continue;
                }

                var analysis = AnalysisCrs.For(source.Crs, geometry);
                var before = sourceArea(geometry);
                var after = CrsTransform.Create(read.Crs, analysis).Apply(read.Features[i].Geometry).Area;
                var perimeterM = CrsTransform.Create(source.Crs, analysis).Apply(geometry).Length;
                Assert.True(Math.Abs(before - after) <= perimeterM * 0.006,
                    $"{LayerRoles.Name(role)} {expected[i].Id}: {before.ToString(CultureInfo.InvariantCulture)} m² before, {after.ToString(CultureInfo.InvariantCulture)} after");
                var written = Convert.ToDouble(read.Features[i].Attributes["area_m2"], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(written - before) <= 0.001, $"{LayerRoles.Name(role)} {expected[i].Id}: area_m2 {written} vs {before}");
            }
        }
    }

    [Theory]
    [InlineData("gcj02", "GCJ-02")]
    [InlineData("bd09", "BD-09")]
    public void Chinese_web_frames_shift_every_point_by_the_public_formula(string option, string frameName)
    {
        var wgs = RepositoryPaths.NewTempFolder();
        var shifted = RepositoryPaths.NewTempFolder();
        CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", wgs);

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", shifted, "--crs", option);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("0 个在中国境外的点保持不变", run.Stdout, StringComparison.Ordinal);
        WebMapFrames.TryParse(option, out var frame);
        var before = Positions(Path.Combine(wgs, "parks.geojson"), out _);
        var after = Positions(Path.Combine(shifted, "parks.geojson"), out var member);
        Assert.Equal(frameName, member);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var (x, y, converted) = ChinaWebFrameFormula.FromWgs84(frame, before[i].X, before[i].Y);
            Assert.True(converted);
            Assert.True(Math.Abs(x - after[i].X) < 1e-6 && Math.Abs(y - after[i].Y) < 1e-6, $"point {i}: expected {x},{y}, got {after[i].X},{after[i].Y}");
            Assert.True(Math.Abs(after[i].X - before[i].X) > 1e-3, "a GCJ-02/BD-09 shift in Ordos is hundreds of metres");
        }
    }

    [Fact]
    public void Simplify_keeps_adjacent_parks_gap_free_and_valid_and_reports_the_saving()
    {
        // Two 100 m squares sharing a zigzag edge (0.5 m teeth every 5 m): a 5 m tolerance straightens the edge,
        // and coverage simplification must straighten it the same way on both sides.
        var zigzag = Enumerable.Range(0, 21).Select(i => (X: 500_100 + (i % 2 == 0 ? 0 : 0.5), Y: 4_400_000 + (i * 5.0))).ToList();
        var west = new List<(double X, double Y)> { (500_000, 4_400_000) };
        west.AddRange(zigzag);
        west.Add((500_000, 4_400_100));
        var east = new List<(double X, double Y)>(zigzag);
        east.Add((500_200, 4_400_100));
        east.Add((500_200, 4_400_000));
        var dataset = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(dataset);
        File.WriteAllText(Path.Combine(dataset, "parks.geojson"),
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},\"features\":["
            + Feature("W", "西园", west) + "," + Feature("E", "东园", east) + "]}");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", dataset, "--out", output, "--simplify", "5");

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Contains("简化共节省", run.Stdout, StringComparison.Ordinal);
        var polygons = Polygons(Path.Combine(output, "parks.geojson"));
        Assert.Equal(2, polygons.Count);
        Assert.All(polygons, p => Assert.True(p.IsValid, $"invalid: {p}"));
        Assert.All(polygons, p => Assert.True(p.NumPoints < 10, $"not simplified: {p.NumPoints} points"));
        var overlap = OverlayNGRobust.Overlay(polygons[0], polygons[1], SpatialFunction.Intersection);
        var union = OverlayNGRobust.Overlay(polygons[0], polygons[1], SpatialFunction.Union);
        Assert.Equal(0, overlap.Area, 12);
        Assert.True(union is Polygon { NumInteriorRings: 0 }, $"a gap or split: {union}");
        Assert.Equal(polygons[0].Area + polygons[1].Area, union.Area, 12);
        Assert.True(overlap.Length > 0.0008, $"the shared edge is still shared (about 100 m): {overlap}");
    }

    [Fact]
    public void Tiles_are_written_z8_to_z16_in_the_xyz_scheme_without_empty_tiles()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tiles", "--tile-format", "folder");

        Assert.True(run.ExitCode == 1, run.ToString());
        var tiles = Path.Combine(output, "tiles");
        using var tileJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(tiles, "tiles.json")));
        Assert.Equal(8, tileJson.RootElement.GetProperty("minzoom").GetInt32());
        Assert.Equal(16, tileJson.RootElement.GetProperty("maxzoom").GetInt32());
        Assert.Equal(["8", "9", "10", "11", "12", "13", "14", "15", "16"],
            Directory.GetDirectories(tiles).Select(d => Path.GetFileName(d)!).OrderBy(z => int.Parse(z, CultureInfo.InvariantCulture)).ToArray());
        // Ordos (107–111°E, 38–40.5°N) at z8 is x 204–207, y 95–98 counted from the north (XYZ), not from the south (TMS).
        var z8 = Directory.GetFiles(Path.Combine(tiles, "8"), "*.mvt", SearchOption.AllDirectories);
        Assert.NotEmpty(z8);
        Assert.All(z8, f =>
        {
            Assert.InRange(int.Parse(Path.GetFileName(Path.GetDirectoryName(f))!, CultureInfo.InvariantCulture), 203, 208);
            Assert.InRange(int.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture), 94, 99);
        });
        // A tile with layers but no feature is ~15 bytes per layer; every tile must carry geometry.
        var all = Directory.GetFiles(tiles, "*.mvt", SearchOption.AllDirectories);
        Assert.All(all, f => Assert.True(new FileInfo(f).Length > 60, $"{f} is {new FileInfo(f).Length} bytes: empty"));
        Assert.Contains("瓦片 z8–z16：", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_frame_is_a_usage_error()
    {
        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--crs", "mars");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--crs 只能是 wgs84、gcj02 或 bd09", run.Stderr, StringComparison.Ordinal);
    }

    private static string Feature(string id, string name, List<(double X, double Y)> ring)
    {
        var closed = ring.Append(ring[0]).Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.X},{p.Y}]"));
        return "{\"type\":\"Feature\",\"properties\":{\"park_id\":\"" + id + "\",\"name\":\"" + name + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
            + string.Join(",", closed) + "]]}}";
    }

    private static List<Coordinate> Positions(string path, out string? frame)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        frame = document.RootElement.GetProperty(WebMapFrames.MemberName).GetString();
        var positions = new List<Coordinate>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            Collect(feature.GetProperty("geometry").GetProperty("coordinates"), positions);
        }

        return positions;
    }

    private static void Collect(JsonElement element, List<Coordinate> positions)
    {
        if (element[0].ValueKind == JsonValueKind.Number)
        {
            positions.Add(new Coordinate(element[0].GetDouble(), element[1].GetDouble()));
            return;
        }

        foreach (var child in element.EnumerateArray())
        {
            Collect(child, positions);
        }
    }

    private static List<Polygon> Polygons(string path)
    {
        var factory = new GeometryFactory();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var rings = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
                .Select(r => factory.CreateLinearRing(r.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray()))
                .ToList();
            return factory.CreatePolygon(rings[0], [.. rings.Skip(1)]);
        }).ToList();
    }
}
