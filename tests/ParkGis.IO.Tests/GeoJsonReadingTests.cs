using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

public sealed class GeoJsonReadingTests
{
    [Fact]
    public void Geojson_without_crs_member_is_wgs84_lon_lat_per_rfc_7946()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"A","name":"鄂托克经济开发区"}""", 107.9, 39.1)));

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal(4326, parks.Crs.Epsg);
        Assert.Equal("GeoJSON", parks.Format);
        Assert.Equal("parks.geojson", parks.Source);
        Assert.Equal("鄂托克经济开发区", parks.Text(parks.Features[0], "name"));
        Assert.Equal(4326, parks.Features[0].Geometry.SRID);
    }

    [Theory]
    [InlineData("""{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}}""", 4490)]
    [InlineData("""{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}}""", 4545)]
    [InlineData("\"EPSG:4545\"", 4545)]
    [InlineData("""{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}""", 4326)]
    public void Legacy_crs_member_sets_the_layer_crs(string crsMember, int expectedEpsg)
    {
        var (x, y) = expectedEpsg == 4545 ? (395_000.0, 4_386_000.0) : (107.9, 39.1);
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(crsMember, ("""{"park_id":"A"}""", x, y)));

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal(expectedEpsg, parks.Crs.Epsg);
    }

    [Fact]
    public void Projected_geojson_without_crs_and_eight_digit_eastings_uses_the_zone_prefix()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"A"}""", 37_395_227.7, 4_386_938.2)));

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal(4525, parks.Crs.Epsg);
    }

    [Fact]
    public void Projected_geojson_without_crs_and_six_digit_eastings_is_missing_crs_with_a_hint()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"A"}""", 395_227.7, 4_386_938.2)));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.MissingCrs, error.Code);
        Assert.Equal("parks.geojson", error.InputName);
        Assert.Contains("parkgis.json", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Parkgis_json_crs_sets_the_crs_of_projected_geojson()
    {
        using var folder = new TestFolder()
            .Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"A"}""", 395_227.7, 4_386_938.2)))
            .Write("parkgis.json", """{ "layers": { "parks": { "crs": "EPSG:4545" } } }""");

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal(4545, parks.Crs.Epsg);
    }

    [Fact]
    public void Truncated_geojson_is_unreadable_input_naming_the_file()
    {
        var text = TestFolder.GeoJson(null, ("""{"park_id":"A"}""", 107.9, 39.1), ("""{"park_id":"B"}""", 108.0, 39.1));
        using var folder = new TestFolder().Write("parks.geojson", text[..(text.Length / 2)]);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("parks.geojson", error.InputName);
        Assert.NotNull(error.Hint);
    }

    [Theory]
    [InlineData("""{"park_id":"A","name":"园区\ud83d"}""", @"\ud83d", "a cut emoji: its high half alone")]
    [InlineData("""{"park_id":"A","name":"\udc00园区"}""", @"\udc00", "a low half alone")]
    public void A_lone_surrogate_escape_is_unreadable_input_naming_the_escape_not_a_wrong_json_type(string properties, string escape, string reason)
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, (properties, 107.9, 39.1)));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.True(error.Message.Contains(escape, StringComparison.Ordinal), reason + ": " + error.Message);
        Assert.DoesNotContain("JSON 类型", error.Message, StringComparison.Ordinal);
        Assert.Equal("parks.geojson", error.InputName);
    }

    [Fact]
    public void A_surrogate_pair_escape_is_one_character()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"A","name":"园区\ud83d\ude00"}""", 107.9, 39.1)));

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal("园区😀", parks.Text(parks.Features[0], "name"));
    }

    [Fact]
    public void Properties_keep_source_order_and_natural_types()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null,
            ("""{"park_id":7,"name":"园区","area":12.5,"national":true,"note":null,"tags":["a"]}""", 107.9, 39.1)));

        var feature = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!.Features[0];

        Assert.Equal(["park_id", "name", "area", "national", "note", "tags"], feature.Attributes.Keys);
        Assert.Equal(7L, feature.Attributes["park_id"]);
        Assert.Equal("园区", feature.Attributes["name"]);
        Assert.Equal(12.5, feature.Attributes["area"]);
        Assert.Equal(true, feature.Attributes["national"]);
        Assert.Null(feature.Attributes["note"]);
        Assert.Equal("[\"a\"]", feature.Attributes["tags"]);
        Assert.Equal("7", feature.Id);
    }

    [Fact]
    public void Null_geometry_becomes_an_empty_geometry()
    {
        using var folder = new TestFolder().Write("parks.geojson",
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"park_id":"A"},"geometry":null}]}""");

        var feature = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!.Features[0];

        Assert.True(feature.Geometry.IsEmpty);
    }

    [Fact]
    public void Multipolygon_with_coordinates_before_type_is_read()
    {
        using var folder = new TestFolder().Write("parks.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"park_id":"A"},
             "geometry":{"coordinates":[[[[100,30],[100,31],[101,31],[101,30],[100,30]]],[[[102,30],[102,31],[103,31],[103,30],[102,30]]]],"type":"MultiPolygon"}}]}
            """);

        var geometry = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!.Features[0].Geometry;

        Assert.Equal("MultiPolygon", geometry.GeometryType);
        Assert.Equal(2.0, geometry.Area, 9);
    }

    [Fact]
    public void An_unclosed_ring_is_closed_and_reported_as_invalid_geometry()
    {
        using var folder = new TestFolder().Write("parks.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"park_id":"A"},
             "geometry":{"type":"Polygon","coordinates":[[[100,30],[100,31],[101,31],[101,30]]]}}]}
            """);

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(1.0, dataset.Find(LayerRole.Parks)!.Features[0].Geometry.Area, 9);
        var issue = Assert.Single(dataset.Issues);
        Assert.Equal(DataIssueCodes.InvalidGeometry, issue.Code);
        Assert.Equal("#1", issue.Feature);
    }

    [Fact]
    public void A_geojson_that_is_not_a_feature_collection_is_unreadable_input()
    {
        using var folder = new TestFolder().Write("parks.json", """{"type":"Topology","objects":{}}""");

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("parks.json", error.InputName);
    }
}
