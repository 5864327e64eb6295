using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace ParkGis.Cli.Tests;

/// <summary>Every polygon every writer writes is valid, by NTS and by GEOS (through GDAL's SQLite dialect).</summary>
public sealed class OutputValidityTests
{
    private static readonly (string Command, string[] Options)[] Writers =
    [
        ("check", ["--format", "gpkg"]),
        ("supply", ["--as-of", "2026-06-30", "--format", "shp"]),
        ("idle", ["--as-of", "2026-06-30", "--format", "gdb"]),
        ("infrastructure", ["--format", "gpkg"]),
        ("intensity", ["--year", "2025", "--format", "gpkg"]),
        ("export", ["--as-of", "2026-06-30", "--format", "gpkg"]),
        ("export", ["--as-of", "2026-06-30", "--crs", "gcj02", "--simplify", "5", "--precision", "6"]),
        // 0.01° (about 1 km): most parcels collapse entirely (written without geometry); what is left stays valid.
        ("export", ["--crs", "bd09", "--precision", "2"]),
    ];

    /// <summary>The sample with every layer reprojected to CGCS2000 lon/lat (EPSG:4490) GeoJSON.</summary>
    private static string LonLatSample()
    {
        var folder = SampleCopy.Make(name => name.EndsWith(".geojson", StringComparison.Ordinal) || name == "layers.gpkg" || name.StartsWith("parks.", StringComparison.Ordinal));
        var sample = RepositoryPaths.OrdosSample;
        foreach (var file in Directory.GetFiles(sample, "*.geojson"))
        {
            OgrTools.Run("-f", "GeoJSON", "-t_srs", "EPSG:4490", Path.Combine(folder, Path.GetFileName(file)), file);
        }

        OgrTools.Run("-f", "GeoJSON", "-t_srs", "EPSG:4490", Path.Combine(folder, "parks.geojson"), Path.Combine(sample, "parks.shp"));
        foreach (var layer in new[] { "ecological_redline", "permanent_farmland" })
        {
            OgrTools.Run("-f", "GeoJSON", "-t_srs", "EPSG:4490", Path.Combine(folder, layer + ".geojson"), Path.Combine(sample, "layers.gpkg"), layer);
        }

        return folder;
    }

    [OgrToolsFact]
    public void Every_writer_writes_valid_polygons_for_the_sample()
    {
        EveryWriterWritesValidPolygons(RepositoryPaths.OrdosSample);
    }

    [OgrToolsFact]
    public void Every_writer_writes_valid_polygons_for_a_lon_lat_dataset()
    {
        EveryWriterWritesValidPolygons(LonLatSample());
    }

    private static void EveryWriterWritesValidPolygons(string dataset)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        foreach (var (command, extra) in Writers)
        {
            var output = RepositoryPaths.NewTempFolder();
            var run = CliRun.Of([command, dataset, "--out", output, .. extra]);
            Assert.True(run.ExitCode is 0 or 1, $"{command}: {run}");
            var polygons = 0;
            foreach (var file in Directory.GetFiles(output, "*.geojson").Order(StringComparer.Ordinal))
            {
                var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(file), options)!;
                foreach (var feature in collection.Where(f => f.Geometry is IPolygonal))
                {
                    polygons++;
                    var validity = new IsValidOp(feature.Geometry);
                    Assert.True(validity.IsValid, $"{command} {Path.GetFileName(file)}: {validity.ValidationError} in {feature.Geometry.AsText()[..Math.Min(300, feature.Geometry.AsText().Length)]}");
                }

                var (judged, valid) = OgrTools.GeosValidity(file, Path.GetFileNameWithoutExtension(file), "geometry");
                Assert.True(judged == valid, $"{command} {Path.GetFileName(file)}: GEOS finds {judged - valid} of {judged} invalid");
            }

            foreach (var (pattern, column) in new[] { ("*.gpkg", "geom"), ("*.shp", "geometry") })
            {
                foreach (var file in Directory.GetFiles(output, pattern))
                {
                    var (judged, valid) = OgrTools.GeosValidity(file, Path.GetFileNameWithoutExtension(file), column);
                    Assert.True(judged == valid, $"{command} {Path.GetFileName(file)}: GEOS finds {judged - valid} of {judged} invalid");
                }
            }

            foreach (var file in Directory.GetDirectories(output, "*.gdb"))
            {
                var (judged, valid) = OgrTools.GeosValidity(file, Path.GetFileNameWithoutExtension(file), "SHAPE");
                Assert.True(judged == valid, $"{command} {Path.GetFileName(file)}: GEOS finds {judged - valid} of {judged} invalid");
            }

            Assert.True(polygons > 0 || command == "infrastructure", $"{command} wrote no polygon to check");
        }
    }
}
