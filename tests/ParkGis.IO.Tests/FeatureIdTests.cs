using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

public sealed class FeatureIdTests
{
    [Fact]
    public void Duplicate_ids_are_suffixed_in_source_order_and_reported_once_per_id()
    {
        using var folder = new TestFolder().Write("parcels.geojson", TestFolder.GeoJson(null,
            ("""{"parcel_id":"P1"}""", 107.90, 39.1),
            ("""{"parcel_id":"P2"}""", 107.91, 39.1),
            ("""{"parcel_id":"P1"}""", 107.92, 39.1),
            ("""{"parcel_id":"P1"}""", 107.93, 39.1)));

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(["P1", "P2", "P1#2", "P1#3"], dataset.Find(LayerRole.Parcels)!.Features.Select(f => f.Id));
        var issue = Assert.Single(dataset.Issues);
        Assert.Equal(DataIssueCodes.DuplicateId, issue.Code);
        Assert.Equal("parcels", issue.Layer);
        Assert.Contains("#1, #3, #4", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_park_without_park_id_gets_its_ordinal_and_an_issue()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null,
            ("""{"park_id":"A"}""", 107.90, 39.1),
            ("""{"name":"无编号"}""", 107.91, 39.1)));

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(["A", "2"], dataset.Find(LayerRole.Parks)!.Features.Select(f => f.Id));
        var issue = Assert.Single(dataset.Issues);
        Assert.Equal(DataIssueCodes.MissingId, issue.Code);
        Assert.Equal("#2", issue.Feature);
    }

    [Fact]
    public void Control_layers_take_ids_from_common_id_fields_else_ordinals_without_issues()
    {
        using var folder = new TestFolder()
            .Write("STBHHX.geojson", TestFolder.GeoJson(null, ("""{"BSM":"610001"}""", 107.9, 39.1)))
            .Write("CZKFBJ.geojson", TestFolder.GeoJson(null, ("""{"MC":"城镇"}""", 107.9, 39.1)));

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal("610001", dataset.Find(LayerRole.EcologicalRedline)!.Features[0].Id);
        Assert.Equal("1", dataset.Find(LayerRole.UrbanBoundary)!.Features[0].Id);
        Assert.Empty(dataset.Issues);
    }

    [Fact]
    public void Parkgis_json_can_name_the_id_field_of_a_control_layer()
    {
        using var folder = new TestFolder()
            .Write("ecological_redline.geojson", TestFolder.GeoJson(null, ("""{"redline_id":"RL-01","id":9}""", 107.9, 39.1)))
            .Write("parkgis.json", """{ "layers": { "ecological_redline": { "fields": { "id": "redline_id" } } } }""");

        var redline = DatasetReader.Read(folder.Path).Find(LayerRole.EcologicalRedline)!;

        Assert.Equal("RL-01", redline.Features[0].Id);
    }
}
