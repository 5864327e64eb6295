using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Web.Export;
using ParkGis.Web.Report;

namespace ParkGis.Web.Tests.Report;

public sealed class ReportTilingTests
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void A_layer_of_more_features_than_the_threshold_is_tiled_and_one_at_the_threshold_is_inline()
    {
        var tiling = ReportTiling.Default with { MaxInlineFeatures = 3 };

        Assert.False(tiling.Tiles(Layer(3, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")));
        Assert.True(tiling.Tiles(Layer(4, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")));
    }

    [Fact]
    public void A_few_features_with_more_vertices_than_the_threshold_are_tiled()
    {
        var tiling = ReportTiling.Default with { MaxInlineVertices = 9 };

        Assert.False(tiling.Tiles(Layer(1, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")));
        Assert.True(tiling.Tiles(Layer(2, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")));
    }

    [Fact]
    public void Tile_over_zero_tiles_every_layer_but_an_empty_one()
    {
        var tiling = ReportTiling.Default with { MaxInlineFeatures = 0 };

        Assert.True(tiling.Tiles(Layer(1, "POINT (1 1)")));
        Assert.False(tiling.Tiles(Layer(0, "POINT (1 1)")));
    }

    private static PublishedLayer Layer(int count, string wkt)
    {
        var geometry = Wkt.Read(wkt);
        var features = Enumerable.Range(0, count).Select(i => new PublishedFeature((Geometry)geometry.Copy(), "F" + i, [])).ToList();
        return new PublishedLayer("parcels", "宗地", IsResult: false, Highlight: false, features);
    }
}
