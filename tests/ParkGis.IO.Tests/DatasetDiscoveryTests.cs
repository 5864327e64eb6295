using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

public sealed class DatasetDiscoveryTests
{
    private static readonly string OneLonLatFeature = TestFolder.GeoJson(null, ("""{"id":1}""", 107.9, 39.1));

    [Fact]
    public void Roles_are_found_by_base_name_case_insensitively_and_by_standard_layer_codes()
    {
        using var folder = new TestFolder()
            .Write("PARKS.GeoJSON", OneLonLatFeature)
            .Write("stbhhx.json", OneLonLatFeature)
            .Write("YJJBNTBHTB.geojson", OneLonLatFeature)
            .Write("CZKFBJ.geojson", OneLonLatFeature);

        var layout = DatasetReader.Discover(folder.Path);

        Assert.Equal(
            [LayerRole.Parks, LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary],
            layout.Layers.Select(layer => layer.Role));
        Assert.Equal("stbhhx.json", layout.Layers[1].Source);
    }

    [Fact]
    public void Two_files_claiming_one_role_is_a_duplicate_role_error_naming_both()
    {
        using var folder = new TestFolder().Write("parks.geojson", OneLonLatFeature).Write("Parks.json", OneLonLatFeature);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.DuplicateRole, error.Code);
        Assert.Contains("Parks.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("parks.geojson", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_and_a_role_name_for_the_same_role_are_duplicates()
    {
        using var folder = new TestFolder().Write("ecological_redline.geojson", OneLonLatFeature).Write("STBHHX.geojson", OneLonLatFeature);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Discover(folder.Path));

        Assert.Equal(ErrorCodes.DuplicateRole, error.Code);
    }

    [Fact]
    public void Unknown_files_are_listed_as_ignored_and_parkgis_json_is_not_a_layer()
    {
        using var folder = new TestFolder()
            .Write("parks.geojson", OneLonLatFeature)
            .Write("notes.txt", "hello")
            .Write("railways.geojson", OneLonLatFeature) // not a role (roads is one since issue 9)
            .Write("parkgis.json", """{ "layers": {} }""");

        var layout = DatasetReader.Discover(folder.Path);

        Assert.Single(layout.Layers);
        Assert.Equal(["notes.txt", "railways.geojson"], layout.IgnoredFiles);
        Assert.NotNull(layout.Configuration);
    }

    [Fact]
    public void Missing_folder_is_dataset_not_found()
    {
        var missing = Path.Combine(Path.GetTempPath(), "parkgis-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(missing));

        Assert.Equal(ErrorCodes.DatasetNotFound, error.Code);
    }

    [Fact]
    public void A_folder_may_mix_geojson_shapefile_and_geopackage()
    {
        using var folder = new TestFolder()
            .Write("parks.geojson", TestFolder.GeoJson("\"EPSG:4545\"", ("""{"park_id":"A"}""", 395_000, 4_386_000)))
            .WriteShapefile("parcels.shp", TestFolder.Gbk, TestFolder.Cgcs2000Gk108Prj, (TestFolder.Square(395_000, 4_386_000), new() { ["parcel_id"] = "P1" }))
            .WriteGeoPackage("layers.gpkg", 4545, ("STBHHX", ["BSM TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["R1"])]));

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal("GeoJSON", dataset.Find(LayerRole.Parks)!.Format);
        Assert.Equal("Shapefile", dataset.Find(LayerRole.Parcels)!.Format);
        var redline = dataset.Find(LayerRole.EcologicalRedline)!;
        Assert.Equal("GeoPackage", redline.Format);
        Assert.Equal("layers.gpkg:STBHHX", redline.Source);
        Assert.Equal("R1", redline.Features[0].Id);
    }

    [Fact]
    public void Progress_reports_one_line_per_layer_in_role_order()
    {
        using var folder = new TestFolder().Write("parcels.geojson", OneLonLatFeature).Write("parks.geojson", OneLonLatFeature);
        var lines = new List<string>();

        DatasetReader.Read(folder.Path, new SynchronousProgress(lines.Add));

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("read parks from parks.geojson: 1 feature ", lines[0], StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
