using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

public sealed class BenchDatasetTests
{
    private const string S100GeoPackage = "/tmp/parkgis-bench-data/S100/gpkg";

    [BenchDataFact(S100GeoPackage)]
    public void Bench_geopackage_s100_has_five_layers_ten_parks_and_ten_thousand_parcels()
    {
        var dataset = DatasetReader.Read(S100GeoPackage);

        Assert.Equal(5, dataset.Layers.Count);
        Assert.Equal(10, dataset.Find(LayerRole.Parks)!.Features.Count);
        Assert.Equal(10_000, dataset.Find(LayerRole.Parcels)!.Features.Count);
        Assert.All(dataset.Layers.Values, layer => Assert.Equal(4545, layer.Crs.Epsg));
    }

    private const string S100GeoJson = "/tmp/parkgis-bench-data/S100/geojson";

    [BenchDataFact(S100GeoJson)]
    public void Bench_geojson_s100_reads_the_same_counts_in_cgcs2000_lon_lat()
    {
        var dataset = DatasetReader.Read(S100GeoJson);

        Assert.Equal(5, dataset.Layers.Count);
        Assert.Equal(10, dataset.Find(LayerRole.Parks)!.Features.Count);
        Assert.Equal(10_000, dataset.Find(LayerRole.Parcels)!.Features.Count);
        Assert.All(dataset.Layers.Values, layer => Assert.Equal(4490, layer.Crs.Epsg));
        Assert.Equal("鄂尔多斯高新技术产业开发区", dataset.Find(LayerRole.Parks)!.Text(dataset.Find(LayerRole.Parks)!.Features[0], "name"));
    }
}
