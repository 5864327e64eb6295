using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Tests;

/// <summary>Layers read through GDAL; every input is made by ogr2ogr from GeoJSON written here.</summary>
public sealed class GdalReadingTests
{
    /// <summary>A 100 m × 100 m square (1 公顷) near Ordos in EPSG:4525 (zone 37 with prefix), and a 200 m × 100 m one.</summary>
    private const string ProjectedParks = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4525"}},"features":[
         {"type":"Feature","properties":{"park_id":"P1","name":"园区一"},"geometry":{"type":"Polygon","coordinates":[[[37395000,4386000],[37395100,4386000],[37395100,4386100],[37395000,4386100],[37395000,4386000]]]}},
         {"type":"Feature","properties":{"park_id":"P2","name":"园区二"},"geometry":{"type":"Polygon","coordinates":[[[37396000,4386000],[37396200,4386000],[37396200,4386100],[37396000,4386100],[37396000,4386000]]]}}]}
        """;

    private const string LonLatParks = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"park_id":"P1","name":"园区一"},"geometry":{"type":"Polygon","coordinates":[[[109.78,39.61],[109.79,39.61],[109.79,39.62],[109.78,39.62],[109.78,39.61]]]}}]}
        """;

    [GdalFact]
    public void A_filegdb_folder_gives_its_layers_by_role_with_the_crs_from_the_source()
    {
        using var work = new TestFolder().Write("src.geojson", ProjectedParks);
        using var dataset = new TestFolder();
        var gdb = dataset.File("zones.gdb");
        Ogr2Ogr.Convert("OpenFileGDB", gdb, work.File("src.geojson"), "-nln", "parks");
        Ogr2Ogr.Convert("OpenFileGDB", gdb, work.File("src.geojson"), "-update", "-nln", "STBHHX");

        var data = DatasetReader.Read(dataset.Path);

        var parks = data.Find(LayerRole.Parks)!;
        Assert.Equal("zones.gdb:parks", parks.Source);
        Assert.Equal(LayerFormats.FileGdb, parks.Format);
        Assert.Equal(4525, parks.Crs.Epsg);
        Assert.Equal(["P1", "P2"], parks.Features.Select(f => f.Id));
        Assert.Equal("园区一", parks.Text(parks.Features[0], "name"));
        Assert.Equal(10_000, parks.Features[0].Geometry.Area, 6);
        Assert.Equal("zones.gdb:STBHHX", data.Find(LayerRole.EcologicalRedline)!.Source);
    }

    [GdalFact]
    public void A_dxf_of_closed_polylines_gives_polygons_in_the_zone_of_their_prefixed_eastings()
    {
        using var work = new TestFolder().Write("src.geojson", ProjectedParks);
        using var dataset = new TestFolder();
        Ogr2Ogr.Convert("DXF", dataset.File("parks.dxf"), work.File("src.geojson"));

        var parks = DatasetReader.Read(dataset.Path).Find(LayerRole.Parks)!;

        Assert.Equal(LayerFormats.Dxf, parks.Format);
        Assert.Equal(4525, parks.Crs.Epsg);
        Assert.Equal([10_000.0, 20_000.0], parks.Features.Select(f => Math.Round(f.Geometry.Area, 6)));
        Assert.All(parks.Features, f => Assert.Equal("Polygon", f.Geometry.GeometryType));
    }

    [GdalFact]
    public void A_kml_is_read_as_wgs84_lon_lat()
    {
        using var work = new TestFolder().Write("src.geojson", LonLatParks);
        using var dataset = new TestFolder();
        Ogr2Ogr.Convert("KML", dataset.File("parks.kml"), work.File("src.geojson"));

        var parks = DatasetReader.Read(dataset.Path).Find(LayerRole.Parks)!;

        Assert.Equal(4326, parks.Crs.Epsg);
        var feature = Assert.Single(parks.Features);
        Assert.Equal(0.0001, feature.Geometry.Area, 9);
        Assert.Equal(109.78, feature.Geometry.EnvelopeInternal.MinX, 9);
    }

    [GdalFact]
    public void A_mapinfo_tab_is_read_with_its_crs_and_fields()
    {
        using var work = new TestFolder().Write("src.geojson", LonLatParks);
        using var dataset = new TestFolder();
        Ogr2Ogr.Convert("MapInfo File", dataset.File("parks.tab"), work.File("src.geojson"));

        var data = DatasetReader.Read(dataset.Path);
        var parks = data.Find(LayerRole.Parks)!;

        Assert.Equal(LayerFormats.MapInfo, parks.Format);
        Assert.Equal(4326, parks.Crs.Epsg);
        Assert.Equal("P1", Assert.Single(parks.Features).Id);
        Assert.Empty(DatasetReader.Discover(dataset.Path).IgnoredFiles);
    }

    [GdalFact]
    public void A_csv_with_a_wkt_column_takes_its_crs_from_parkgis_json()
    {
        using var work = new TestFolder().Write("src.geojson", ProjectedParks.Replace("37395", "395", StringComparison.Ordinal).Replace("37396", "396", StringComparison.Ordinal).Replace("4525", "4546", StringComparison.Ordinal));
        using var dataset = new TestFolder().Write("parkgis.json", """{ "layers": { "parks": { "crs": "EPSG:4546" } } }""");
        Ogr2Ogr.Convert("CSV", dataset.File("parks.csv"), work.File("src.geojson"), "-lco", "GEOMETRY=AS_WKT");

        var parks = DatasetReader.Read(dataset.Path).Find(LayerRole.Parks)!;

        Assert.Equal(4546, parks.Crs.Epsg);
        Assert.Equal(["P1", "P2"], parks.Features.Select(f => f.Id));
        Assert.Equal(20_000, parks.Features[1].Geometry.Area, 6);
    }

    [GdalFact]
    public void A_csv_without_geometry_is_unusable_input_naming_the_wkt_column()
    {
        using var dataset = new TestFolder().Write("parks.csv", "park_id,name\nP1,园区一\n");

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(dataset.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Contains("WKT", error.Hint, StringComparison.Ordinal);
    }

    [GdalFact]
    public void Empty_and_truncated_gdal_files_are_unusable_input_not_crashes()
    {
        using var work = new TestFolder().Write("src.geojson", LonLatParks);
        Ogr2Ogr.Convert("KML", work.File("full.kml"), work.File("src.geojson"));
        var kml = File.ReadAllBytes(work.File("full.kml"));
        Ogr2Ogr.Convert("DXF", work.File("full.dxf"), work.File("src.geojson"));
        var dxf = File.ReadAllBytes(work.File("full.dxf"));
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("parks.kml", []),
            ("parks.kml", kml[..(kml.Length / 2)]),
            ("parks.dxf", []),
            ("parks.dxf", dxf[..(dxf.Length / 3)]),
            ("parks.tab", "!table\n!version 300\n"u8.ToArray()),
        };

        foreach (var (name, bytes) in cases)
        {
            using var dataset = new TestFolder();
            File.WriteAllBytes(dataset.File(name), bytes);

            var error = Record.Exception(() => DatasetReader.Read(dataset.Path));

            var unusable = Assert.IsType<UnusableInputException>(error);
            Assert.True(unusable.Code == ErrorCodes.UnreadableInput, $"{name} ({bytes.Length} bytes): {unusable.Code} {unusable.Message}");
            Assert.Equal(name, unusable.InputName);
        }
    }
}
