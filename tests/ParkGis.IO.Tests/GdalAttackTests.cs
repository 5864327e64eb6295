using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

/// <summary>Issue 15 through GDAL: Z values dropped with an issue, companions GDAL opens itself confined to the dataset.</summary>
public sealed class GdalAttackTests
{
    /// <summary>A 100 m square near Ordos in EPSG:4525 with elevations on every vertex.</summary>
    private const string ParksWithZ = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4525"}},"features":[
         {"type":"Feature","properties":{"park_id":"P1","name":"园区一"},"geometry":{"type":"Polygon","coordinates":[[[37395000,4386000,1010],[37395100,4386000,1011],[37395100,4386100,1012],[37395000,4386100,1013],[37395000,4386000,1010]]]}}]}
        """;

    [GdalFact]
    public void A_3d_layer_read_through_gdal_is_read_in_2d_with_a_z_m_dropped_issue()
    {
        using var dataset = new TestFolder()
            .Write("parks.csv", "park_id,WKT\nP1,\"POLYGON Z ((37395000 4386000 1010, 37395100 4386000 1011, 37395100 4386100 1012, 37395000 4386100 1013, 37395000 4386000 1010))\"\n")
            .Write("parkgis.json", """{ "crs": "EPSG:4525" }""");

        var data = DatasetReader.Read(dataset.Path);

        var park = data.Find(LayerRole.Parks)!.Features.Single();
        Assert.True(double.IsNaN(park.Geometry.Coordinate.Z));
        Assert.Equal(10_000, park.Geometry.Area, 3);
        Assert.Single(data.Issues, i => i.Code == DataIssueCodes.ZmDropped);
    }

    [GdalFact]
    public async Task A_mapinfo_companion_symlinked_outside_the_dataset_is_refused_before_gdal_opens_it()
    {
        using var work = new TestFolder().Write("src.geojson", ParksWithZ);
        using var outside = new TestFolder();
        using var dataset = new TestFolder();
        Ogr2Ogr.Convert("MapInfo File", dataset.File("parks.tab"), work.File("src.geojson"));
        File.Move(dataset.File("parks.dat"), outside.File("parks.dat"));
        File.CreateSymbolicLink(dataset.File("parks.dat"), outside.File("parks.dat"));

        var error = await Task.Run(() => Assert.Throws<UnusableInputException>(() => DatasetReader.Read(dataset.Path))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ErrorCodes.OutsideDataset, error.Code);
        Assert.Equal("parks.dat", error.InputName);
    }
}
