using System.Text.Json;
using NetTopologySuite.Geometries;
using ParkGis.Web.Tiles;

namespace ParkGis.Cli.Tests;

/// <summary>
/// <c>export --tiles</c> read back with code that did not write the tiles: the PMTiles archive with the reference
/// readers from npm (pmtiles, @mapbox/vector-tile), the MBTiles file with SQLite and GDAL.
/// </summary>
public sealed class TileExportTests
{
    private static readonly GeometryFactory Factory = new();

    [NodeToolsFact]
    public void Every_feature_of_every_published_layer_of_the_sample_is_in_its_z16_tile_and_its_z12_tile_when_2_px_wide()
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--as-of", "2026-06-30", "--tiles", "--tile-format", "pmtiles,mbtiles,folder");
        Assert.True(run.ExitCode == 1, run.ToString());

        var tiles = AssertEveryFeatureInItsTiles(output, run.Stdout, minimumLayers: 18);

        var mbtiles = TileReading.MbTiles(Path.Combine(output, VectorTileExport.MbTilesFileName));
        foreach (var ((z, x, y), tile) in tiles)
        {
            Assert.Equal(tile.Bytes, mbtiles[(z, x, y)]);
            Assert.Equal(tile.Bytes, File.ReadAllBytes(Path.Combine(output, "tiles", $"{z}", $"{x}", $"{y}.mvt")));
        }
    }

    [BenchTilesFact]
    public void Every_feature_of_the_S100_bench_data_is_in_its_z16_tile_and_its_z12_tile_when_2_px_wide_read_by_GDAL_too()
    {
        // Issue 19: on this data the old tiles had none of the 2 000 farmland patches, 10 red-line and 4 urban-boundary
        // polygons. Here every feature is looked up with the reference readers at z16 and z12, and GDAL's MVT reader
        // reads every z12 tile of the MBTiles file: each feature 2 px or wider is in the tile holding a point inside it,
        // with its attributes, and every polygon GDAL decodes is valid on the tile grid.
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("export", BenchTilesFactAttribute.Dataset, "--out", output, "--tiles");
        Assert.True(run.ExitCode is 0 or 1, run.ToString());

        AssertEveryFeatureInItsTiles(output, run.Stdout, minimumLayers: 6);

        var mbtiles = Path.Combine(output, VectorTileExport.MbTilesFileName);
        var features = TileReading.ExportedFeatures(output);
        var found = new HashSet<(string Layer, ulong Id, int X, int Y)>();
        foreach (var layer in features.Select(f => f.Layer).Distinct())
        {
            using var document = JsonDocument.Parse(OgrTools.Run("-f", "GeoJSON", "/vsistdout/", mbtiles, "-oo", "ZOOM_LEVEL=12", "-oo", "CLIP=NO", "-preserve_fid", layer));
            foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
            {
                var fid = feature.GetProperty("id").GetInt64();
                var (x, y) = ((int)(fid & 4095), (int)((fid >> 12) & 4095));
                var id = feature.GetProperty("properties").GetProperty("mvt_id").GetUInt64();
                found.Add((layer, id, x, y));
                var geometry = feature.GetProperty("geometry");
                if (geometry.GetProperty("type").GetString() is "Polygon" or "MultiPolygon")
                {
                    var polygon = GdalPolygonOnTheGrid(geometry, 12, x, y);
                    Assert.True(polygon.IsValid, $"{layer} #{id} in 12/{x}/{y} is not valid as GDAL reads it: {polygon}");
                }
            }
        }

        var missing = features
            .Where(f => TileReading.Pixels(f.Geometry, 12) >= 2 && !BelowTheGrid(f.Geometry, 12))
            .Select(f => (f.Layer, f.Id, Tile: TileReading.TileOf(f.Geometry, 12)))
            .Where(f => !found.Contains((f.Layer, f.Id, f.Tile.X, f.Tile.Y)))
            .Select(f => $"{f.Layer} #{f.Id} not in 12/{f.Tile.X}/{f.Tile.Y}")
            .ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} features missing from GDAL's reading:\n" + string.Join("\n", missing.Take(20)));
        Assert.Equal(2000, features.Count(f => f.Layer == "permanent_farmland"));
    }

    [NodeToolsFact]
    public void The_PMTiles_archive_reads_back_with_the_reference_reader_and_holds_the_MBTiles_tiles()
    {
        var output = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tiles").ExitCode);
        var pmtiles = Path.Combine(output, VectorTileExport.PmTilesFileName);
        var mbtiles = TileReading.MbTiles(Path.Combine(output, VectorTileExport.MbTilesFileName));

        var (exit, stdout, stderr) = NodeTools.Run("read-tiles.mjs", "header", pmtiles);

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var header = document.RootElement.GetProperty("header");
        Assert.Equal(3, header.GetProperty("specVersion").GetInt32());
        Assert.Equal((8, 16), (header.GetProperty("minZoom").GetInt32(), header.GetProperty("maxZoom").GetInt32()));
        Assert.Equal((2, 2, 1), (header.GetProperty("internalCompression").GetInt32(), header.GetProperty("tileCompression").GetInt32(), header.GetProperty("tileType").GetInt32()));
        Assert.True(header.GetProperty("clustered").GetBoolean());
        Assert.Equal(mbtiles.Count, header.GetProperty("numAddressedTiles").GetInt32());
        Assert.InRange(header.GetProperty("minLon").GetDouble(), 106, 112);
        Assert.InRange(header.GetProperty("maxLat").GetDouble(), 37, 42);
        var metadata = document.RootElement.GetProperty("metadata");
        var layers = metadata.GetProperty("vector_layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Contains("permanent_farmland", layers);
        Assert.Contains("conflicts", layers);
        Assert.Equal("WGS84", metadata.GetProperty("coordinate_frame").GetString());
        var sample = mbtiles.Keys.Where((_, i) => i % 7 == 0).ToList();
        var tiles = ReadWithReferenceReaders(pmtiles, sample);
        Assert.All(sample, key => Assert.Equal(mbtiles[key], tiles[key].Bytes));
    }

    [Fact]
    public void Two_runs_write_byte_identical_archives()
    {
        var first = RepositoryPaths.NewTempFolder();
        var second = RepositoryPaths.NewTempFolder();

        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", first, "--tiles").ExitCode);
        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", second, "--tiles").ExitCode);

        foreach (var name in new[] { VectorTileExport.PmTilesFileName, VectorTileExport.MbTilesFileName })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, name))), $"{name} differs between runs");
        }
    }

    [Fact]
    public void A_1_KB_park_spanning_20_by_4_degrees_stops_with_PG0410_before_writing_anything()
    {
        // The attack of issue 15: one park 20° × 4° wide made export --tiles write 1,270,901 files (5 GB).
        var dataset = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(dataset);
        File.WriteAllText(Path.Combine(dataset, "parks.geojson"),
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"park_id":"P99","name":"巨型园区"},"geometry":{"type":"Polygon","coordinates":[[[100,36],[120,36],[120,40],[100,40],[100,36]]]}}]}""");
        Assert.True(new FileInfo(Path.Combine(dataset, "parks.geojson")).Length < 1024);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", dataset, "--out", output, "--tiles");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0410:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("200,000", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("巨型园区", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("一个就在 z", run.Stderr, StringComparison.Ordinal); // was an English sentence inside the Chinese message
        Assert.DoesNotContain("alone reaches", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("提示:", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "nothing is written");
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + "*"));
    }

    [Theory]
    [InlineData("300")]
    [InlineData("1000")]
    public void A_tile_limit_passed_by_many_small_features_names_the_highest_max_zoom_that_fits_and_it_does(string maxTiles)
    {
        // The sample's parcels at z14–z16: no one feature is the cause, so none is blamed; the hint's zoom is counted as the
        // highest zoom (every feature shown there, however small), so a run with it writes the tiles it announced.
        var refused = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--tiles", "--max-tiles", maxTiles);

        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.DoesNotContain("一个就在", refused.Stderr, StringComparison.Ordinal);
        var hint = System.Text.RegularExpressions.Regex.Match(refused.Stderr, @"请把 --max-zoom 降到 (\d+)（z8–z\1 共 ([\d,]+) 个瓦片，在上限之内）");
        Assert.True(hint.Success, refused.Stderr);

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tiles", "--max-tiles", maxTiles, "--max-zoom", hint.Groups[1].Value);

        Assert.True(run.ExitCode == 1, run.ToString());
        var written = System.Text.RegularExpressions.Regex.Match(run.Stdout, $@"瓦片 z8–z{hint.Groups[1].Value}：(\d+) 个");
        Assert.True(written.Success, run.Stdout);
        // The plan counts the tiles a feature's clipped box reaches; a tile whose piece collapses on the grid is not written.
        var announced = long.Parse(hint.Groups[2].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(long.Parse(written.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), announced * 9 / 10, announced);
    }

    [Fact]
    public void A_size_limit_below_what_the_tiles_take_stops_before_writing_anything()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tiles", "--max-tiles-mb", "1");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0410:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--max-tiles-mb", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "nothing is written");
    }

    [Fact]
    public void Attack_export_tiles_in_the_default_language_prints_its_tile_lines_in_Chinese()
    {
        var zh = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--tile-format", "mbtiles", "--min-zoom", "8", "--max-zoom", "9");
        Assert.True(zh.ExitCode == 1, zh.ToString());
        Assert.Matches(@"(?m)^  瓦片 z8–z9：\d+ 个（\d+ 个内容不同），[0-9.]+ KB，写入 tiles\.mbtiles，用时 [0-9.]+ 秒（各级瓦片数：\d+ \d+）$", zh.Stdout);
        Assert.Matches(@"(?m)^  瓦片几何：\d+ 个部分在瓦片网格上重建为有效几何，\d+ 个部分塌缩，\d+ 个无效要素已修复，\d+ 个要素在某一级别上消失$", zh.Stdout);
        Assert.DoesNotContain("tile geometry", zh.Stdout, StringComparison.Ordinal); // both lines were English whatever the language

        var en = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--tile-format", "mbtiles", "--min-zoom", "8", "--max-zoom", "9", "--lang", "en");
        Assert.Matches(@"(?m)^  tiles z8–z9: \d+ tiles \(\d+ distinct\), [0-9.]+ KB in tiles\.mbtiles, [0-9.]+ s \(per zoom: \d+ \d+\)$", en.Stdout);
        Assert.Matches(@"(?m)^  tile geometry: \d+ pieces rebuilt valid on the tile grid, \d+ parts collapsed, \d+ invalid features repaired, \d+ features lost at a zoom$", en.Stdout);
    }

    [Fact]
    public void A_tile_limit_can_be_raised_and_zooms_narrowed()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tile-format", "mbtiles", "--min-zoom", "10", "--max-zoom", "12", "--max-tiles", "100000");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("瓦片 z10–z12：", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, VectorTileExport.PmTilesFileName)), "only the asked format");
        var metadata = TileReading.MbTilesMetadata(Path.Combine(output, VectorTileExport.MbTilesFileName));
        Assert.Equal(("10", "12", "pbf"), (metadata["minzoom"], metadata["maxzoom"], metadata["format"]));
        Assert.All(TileReading.MbTiles(Path.Combine(output, VectorTileExport.MbTilesFileName)).Keys, k => Assert.InRange(k.Z, 10, 12));
    }

    [Fact]
    public void Tiles_in_GCJ_02_say_so_and_are_shifted_like_the_GeoJSON()
    {
        var wgs = RepositoryPaths.NewTempFolder();
        var gaode = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", wgs, "--tile-format", "mbtiles", "--max-zoom", "10").ExitCode);

        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", gaode, "--crs", "gcj02", "--tile-format", "mbtiles", "--max-zoom", "10");

        Assert.True(run.ExitCode == 1, run.ToString());
        var before = TileReading.MbTilesMetadata(Path.Combine(wgs, VectorTileExport.MbTilesFileName));
        var after = TileReading.MbTilesMetadata(Path.Combine(gaode, VectorTileExport.MbTilesFileName));
        Assert.Equal(("WGS84", "GCJ-02"), (before["coordinate_frame"], after["coordinate_frame"]));
        var west = double.Parse(before["bounds"].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        var shiftedWest = double.Parse(after["bounds"].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(shiftedWest - west, 0.001, 0.02);
    }

    [Theory]
    [InlineData("--min-zoom", "17", "--min-zoom must not be above --max-zoom")]
    [InlineData("--max-zoom", "23", "--max-zoom must be a zoom level from 0 to 22")]
    [InlineData("--tile-format", "geojson", "--tile-format must list pmtiles, mbtiles and/or folder")]
    [InlineData("--max-tiles", "0", "--max-tiles must be 1 or more")]
    public void Impossible_tile_options_are_usage_errors(string option, string value, string message)
    {
        var run = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--tiles", option, value, "--lang", "en");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiles_never_delete_a_file_the_tool_did_not_write()
    {
        // issue 15: export --tiles deleted tiles/ recursively, including files that were not its own.
        var output = RepositoryPaths.NewTempFolder();
        Assert.Equal(1, CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tile-format", "folder").ExitCode);
        var mine = Path.Combine(output, "tiles", "README.txt");
        File.WriteAllText(mine, "my notes");
        var style = Path.Combine(output, "tiles", "styles", "style.json");
        Directory.CreateDirectory(Path.GetDirectoryName(style)!);
        File.WriteAllText(style, "{}");

        var again = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tile-format", "folder", "--overwrite");

        // The tiles folder is ParkGis's own tree: files it did not write there stop the run (PG0401) and stay as they are.
        Assert.True(again.ExitCode == 3, again.ToString());
        Assert.Contains("error PG0401:", again.Stderr, StringComparison.Ordinal);
        Assert.Equal("my notes", File.ReadAllText(mine));
        Assert.Equal("{}", File.ReadAllText(style));
        Assert.True(File.Exists(Path.Combine(output, "tiles", "tiles.json")));
    }

    /// <summary>
    /// A polygon with less area than one square tile unit at <paramref name="zoom"/> (at z16 about 0.013 m² in Ordos;
    /// the Mercator stretch is left out, which only makes this stricter): nothing of it can be left on the grid.
    /// </summary>
    private static bool BelowTheGrid(Geometry lonLat, int zoom)
    {
        var unitsPerDegree = 4096.0 * Math.Pow(2, zoom) / 360;
        return lonLat is IPolygonal && lonLat.Area * unitsPerDegree * unitsPerDegree < 1;
    }

    /// <summary>
    /// Looks every exported feature up, with the reference readers, in the z16 tile holding a point inside it and,
    /// when it is 2 px or wider at z12, in that zoom's tile: it must be there with its attributes, unless it has less
    /// area than one tile unit (such features are counted as lost on stdout). Every geometry read must be valid.
    /// </summary>
    private static Dictionary<(int Z, int X, int Y), ReadTile> AssertEveryFeatureInItsTiles(string output, string stdout, int minimumLayers)
    {
        var features = TileReading.ExportedFeatures(output);
        Assert.True(features.Select(f => f.Layer).Distinct().Count() >= minimumLayers, "every layer and result");
        var wanted = new List<(ExportedFeature Feature, int Z, int X, int Y)>();
        foreach (var feature in features)
        {
            var (x16, y16) = TileReading.TileOf(feature.Geometry, 16);
            wanted.Add((feature, 16, x16, y16));
            if (TileReading.Pixels(feature.Geometry, 12) >= 2)
            {
                var (x12, y12) = TileReading.TileOf(feature.Geometry, 12);
                wanted.Add((feature, 12, x12, y12));
            }
        }

        var tiles = ReadWithReferenceReaders(Path.Combine(output, VectorTileExport.PmTilesFileName), wanted.Select(w => (w.Z, w.X, w.Y)));
        var missing = new List<string>();
        var belowTheGrid = 0;
        foreach (var (feature, z, x, y) in wanted)
        {
            var found = tiles[(z, x, y)].Layers.GetValueOrDefault(feature.Layer)?.FirstOrDefault(f => f.Id == feature.Id);
            if (found is null)
            {
                if (BelowTheGrid(feature.Geometry, z))
                {
                    belowTheGrid++;
                }
                else
                {
                    missing.Add($"{feature.Layer} #{feature.Id} not in {z}/{x}/{y}");
                }

                continue;
            }

            Assert.Equal(feature.Properties.Keys.Order(StringComparer.Ordinal), found.Properties.Keys.Order(StringComparer.Ordinal));
            Assert.All(feature.Properties, p => Assert.True(TileReading.SameValue(p.Value, found.Properties[p.Key]), $"{feature.Layer} #{feature.Id} {p.Key}: {p.Value} vs {found.Properties[p.Key]}"));
        }

        Assert.True(missing.Count == 0, $"{missing.Count} lookups failed:\n" + string.Join("\n", missing.Take(20)));
        var lostLine = System.Text.RegularExpressions.Regex.Match(stdout, @"(\d+) (?:features lost at a zoom|个要素在某一级别上消失)");
        Assert.True(lostLine.Success, "the tile geometry line on stdout:\n" + stdout);
        var lost = int.Parse(lostLine.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(belowTheGrid <= lost, $"{belowTheGrid} features under one tile unit missing, {lost} reported lost");
        AssertEveryGeometryValid(tiles.Values);
        return tiles;
    }

    /// <summary>A polygon GDAL read (EPSG:3857 metres) back on the integer grid of tile z/x/y.</summary>
    private static Geometry GdalPolygonOnTheGrid(JsonElement geometry, int z, int x, int y)
    {
        const double halfWorld = 20037508.342789244;
        var unitsAcross = 4096.0 * Math.Pow(2, z);
        Coordinate Point(JsonElement p) => new(
            Math.Round(((p[0].GetDouble() + halfWorld) / (2 * halfWorld) * unitsAcross) - (4096.0 * x)),
            Math.Round(((halfWorld - p[1].GetDouble()) / (2 * halfWorld) * unitsAcross) - (4096.0 * y)));
        Polygon Polygon(JsonElement rings)
        {
            var linear = rings.EnumerateArray().Select(r => Factory.CreateLinearRing([.. r.EnumerateArray().Select(Point)])).ToList();
            return Factory.CreatePolygon(linear[0], [.. linear.Skip(1)]);
        }

        var coordinates = geometry.GetProperty("coordinates");
        return geometry.GetProperty("type").GetString() == "Polygon"
            ? Polygon(coordinates)
            : Factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(Polygon)]);
    }

    private static Dictionary<(int Z, int X, int Y), ReadTile> ReadWithReferenceReaders(string archive, IEnumerable<(int Z, int X, int Y)> tiles)
    {
        var requests = Path.Combine(RepositoryPaths.NewTempFolder() + ".json");
        File.WriteAllText(requests, JsonSerializer.Serialize(tiles.Distinct().Select(t => new { z = t.Z, x = t.X, y = t.Y })));
        var (exit, stdout, stderr) = NodeTools.Run("read-tiles.mjs", "tiles", archive, requests);
        Assert.True(exit == 0, stderr);
        var result = new Dictionary<(int, int, int), ReadTile>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var key = (root.GetProperty("z").GetInt32(), root.GetProperty("x").GetInt32(), root.GetProperty("y").GetInt32());
            if (!root.GetProperty("found").GetBoolean())
            {
                result.Add(key, new ReadTile([], new Dictionary<string, List<ReadFeature>>()));
                continue;
            }

            var layers = new Dictionary<string, List<ReadFeature>>(StringComparer.Ordinal);
            foreach (var layer in root.GetProperty("layers").EnumerateObject())
            {
                Assert.Equal((4096, 2), (layer.Value.GetProperty("extent").GetInt32(), layer.Value.GetProperty("version").GetInt32()));
                layers.Add(layer.Name, layer.Value.GetProperty("features").EnumerateArray().Select(f => new ReadFeature(
                    f.GetProperty("id").GetUInt64(),
                    f.GetProperty("type").GetInt32(),
                    f.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
                    f.GetProperty("rings").EnumerateArray().Select(r => r.EnumerateArray().Select(p => (p[0].GetInt64(), p[1].GetInt64())).ToList()).ToList())).ToList());
            }

            result.Add(key, new ReadTile(Convert.FromBase64String(root.GetProperty("bytes").GetString()!), layers));
        }

        return result;
    }

    /// <summary>Every polygon valid (rings by the MVT winding rule, the first exterior), every line of two points or more.</summary>
    private static void AssertEveryGeometryValid(IEnumerable<ReadTile> tiles)
    {
        foreach (var feature in tiles.SelectMany(t => t.Layers.Values).SelectMany(f => f))
        {
            switch (feature.Type)
            {
                case 3:
                    var polygons = new List<(LinearRing Shell, List<LinearRing> Holes)>();
                    foreach (var ring in feature.Rings)
                    {
                        long area = 0;
                        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
                        {
                            area += (ring[j].X * ring[i].Y) - (ring[i].X * ring[j].Y);
                        }

                        var linear = Factory.CreateLinearRing([.. ring.Append(ring[0]).Select(p => new Coordinate(p.X, p.Y))]);
                        if (area > 0)
                        {
                            polygons.Add((linear, []));
                        }
                        else
                        {
                            Assert.True(polygons.Count > 0 && area < 0, $"feature #{feature.Id}: a ring of no area or a hole before any exterior ring");
                            polygons[^1].Holes.Add(linear);
                        }
                    }

                    Geometry geometry = Factory.CreateMultiPolygon([.. polygons.Select(p => Factory.CreatePolygon(p.Shell, [.. p.Holes]))]);
                    Assert.True(geometry.IsValid, $"feature #{feature.Id} is not valid: {geometry}");
                    break;
                case 2:
                    Assert.All(feature.Rings, r => Assert.True(r.Distinct().Count() >= 2, $"feature #{feature.Id}: a line of one point"));
                    break;
                default:
                    Assert.Equal(1, feature.Type);
                    break;
            }
        }
    }

    private sealed record ReadTile(byte[] Bytes, Dictionary<string, List<ReadFeature>> Layers);

    private sealed record ReadFeature(ulong Id, int Type, Dictionary<string, JsonElement> Properties, List<List<(long X, long Y)>> Rings);
}
