using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

public sealed class ParkGisConfigurationTests
{
    [Fact]
    public void Parkgis_json_maps_a_role_to_another_file_and_renames_fields()
    {
        using var folder = new TestFolder()
            .Write("园区范围.geojson", TestFolder.GeoJson(null, ("""{"YQBH":"Q1","YQMC":"鄂托克经济开发区"}""", 107.9, 39.1)))
            .Write("parkgis.json", """
                { "layers": { "parks": { "source": "园区范围.geojson", "fields": { "park_id": "YQBH", "name": "YQMC" } } } }
                """);

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal("园区范围.geojson", parks.Source);
        Assert.Equal("YQMC", parks.FieldMap["name"]);
        Assert.Equal("Q1", parks.Features[0].Id);
        Assert.Equal("鄂托克经济开发区", parks.Text(parks.Features[0], "name"));
    }

    [Fact]
    public void Parkgis_json_picks_a_geopackage_table_for_a_role()
    {
        using var folder = new TestFolder()
            .WriteGeoPackage("data.gpkg", 4545, ("基本农田", ["BSM TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["F1"])]))
            .Write("parkgis.json", """{ "layers": { "permanent_farmland": { "source": "data.gpkg", "layer": "基本农田" } } }""");

        var farmland = DatasetReader.Read(folder.Path).Find(LayerRole.PermanentFarmland)!;

        Assert.Equal("data.gpkg:基本农田", farmland.Source);
        Assert.Equal("F1", farmland.Features[0].Id);
    }

    [Fact]
    public void Malformed_parkgis_json_is_invalid_configuration_with_a_hint()
    {
        using var folder = new TestFolder().Write("parkgis.json", """{ "layers": { "parks": """);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.InvalidConfiguration, error.Code);
        Assert.Equal("parkgis.json", error.InputName);
        Assert.NotNull(error.Hint);
    }

    [Theory]
    [InlineData("""{ "layers": { "parks": { "source": "missing.shp" } } }""", "missing.shp")]
    [InlineData("""{ "layers": { "parks": { "source": "data.gpkg", "layer": "nope" } } }""", "nope")]
    [InlineData("""{ "layers": { "railways": { "source": "data.gpkg" } } }""", "railways")] // roads became a role (issue 9)
    [InlineData("""{ "layers": { "parks": { "sauce": "data.gpkg" } } }""", "sauce")]
    public void Parkgis_json_naming_something_that_does_not_exist_is_invalid_configuration(string json, string named)
    {
        using var folder = new TestFolder()
            .WriteGeoPackage("data.gpkg", 4545, ("parks", ["park_id TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["A"])]))
            .Write("parkgis.json", json);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.InvalidConfiguration, error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_source_wins_over_a_file_named_after_the_role()
    {
        using var folder = new TestFolder()
            .Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"old"}""", 107.9, 39.1)))
            .Write("new_parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"new"}""", 107.9, 39.1)))
            .Write("parkgis.json", """{ "layers": { "parks": "new_parks.geojson" } }""");

        var layout = DatasetReader.Discover(folder.Path);
        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal("new", parks.Features[0].Id);
        Assert.Equal(["parks.geojson"], layout.IgnoredFiles);
    }

    [Fact]
    public void Top_level_crs_applies_only_to_layers_whose_files_have_none()
    {
        using var folder = new TestFolder()
            .Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"A"}""", 395_227.7, 4_386_938.2)))
            .Write("parcels.geojson", TestFolder.GeoJson("\"EPSG:4546\"", ("""{"parcel_id":"P"}""", 395_227.7, 4_386_938.2)))
            .Write("parkgis.json", """{ "crs": "EPSG:4545" }""");

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(4545, dataset.Find(LayerRole.Parks)!.Crs.Epsg);
        Assert.Equal(4546, dataset.Find(LayerRole.Parcels)!.Crs.Epsg);
    }
}
