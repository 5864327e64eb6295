using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// Coordinates are tested against the CRS they claim (issue 15): lon/lat under a Gauss-Krüger zone — declared by a
/// GeoJSON crs member, a .prj, parkgis.json — is PG0203 naming the first feature, where it used to pass as a
/// plausible projection and give every park 0.00 公顷.
/// </summary>
public sealed class CoordinatePlausibilityTests
{
    [Fact]
    public void Degrees_under_a_geojson_crs_member_of_epsg_4545_are_implausible_coordinates_naming_the_first_feature()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(
            """{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}}""", ("""{"park_id":"P1"}""", 108.1, 38.1), ("""{"park_id":"P2"}""", 108.2, 38.1)));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, error.Code);
        Assert.Equal("parks.geojson", error.InputName);
        Assert.Equal("#1", error.Feature);
        Assert.Contains("looks like degrees, but the layer claims the projected EPSG:4545", error.Message, StringComparison.Ordinal);
        Assert.Contains("EPSG:4490", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Degrees_under_a_parkgis_json_layer_crs_are_implausible_coordinates()
    {
        using var folder = new TestFolder()
            .Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"P1"}""", 108.1, 38.1)))
            .Write("parkgis.json", """{ "layers": { "parks": { "crs": "EPSG:4545" } } }""");

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, error.Code);
    }

    [Fact]
    public void Degrees_in_a_shapefile_without_prj_under_the_parkgis_json_default_crs_are_implausible_coordinates()
    {
        using var folder = new TestFolder().Write("parkgis.json", """{ "crs": "EPSG:4545" }""");
        new RawShapefile { Prj = null }.Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(108.1, 38.1, 0.01)]), "P1", "甲").Write(folder.Path);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, error.Code);
        Assert.Equal("parks.shp", error.InputName);
    }

    [Fact]
    public void Degrees_in_a_shapefile_with_a_gauss_kruger_prj_are_implausible_coordinates()
    {
        using var folder = new TestFolder();
        new RawShapefile().Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(108.1, 38.1, 0.01)]), "P1", "甲").Write(folder.Path);

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path)).Code);
    }

    [Theory]
    [InlineData(395_000, 4_386_000, true, "Ordos, zone 36, unprefixed")]
    [InlineData(500_000, 2_000_000, true, "18°N on the central meridian (Hainan's latitude)")]
    [InlineData(10_000, 4_386_000, true, "490 km west of the meridian")]
    [InlineData(395_000, 200_000, false, "1.8°N: south of China")]
    [InlineData(395_000, 6_300_000, false, "57°N: north of China")]
    [InlineData(1_100_000, 4_386_000, false, "600 km east of the meridian")]
    [InlineData(108.1, 38.1, false, "degrees")]
    public void A_gauss_kruger_coordinate_is_plausible_within_china_and_500_km_of_the_meridian(double x, double y, bool plausible, string why)
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(
            """{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}}""", ("""{"park_id":"P1"}""", x, y)));

        var read = Record.Exception(() => DatasetReader.Read(folder.Path));

        Assert.True(plausible == read is null, $"{why}: {read?.Message}");
    }

    [Fact]
    public void A_400_digit_number_without_a_crs_member_is_implausible_coordinates_not_a_missing_crs()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"P1"}""", 395_000, 4_386_000))
            .Replace("395100,", "1" + new string('0', 400) + ",", StringComparison.Ordinal));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, error.Code);
        Assert.Equal("#1", error.Feature);
        Assert.Contains("not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lon_lat_south_of_china_is_implausible_and_hainan_is_not()
    {
        using var south = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"P1"}""", 108.1, 1.5)));
        using var hainan = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"P1"}""", 109.5, 18.2)));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(south.Path));

        Assert.Contains("outside China", error.Message, StringComparison.Ordinal);
        Assert.Single(DatasetReader.Read(hainan.Path).Find(LayerRole.Parks)!.Features);
    }
}
