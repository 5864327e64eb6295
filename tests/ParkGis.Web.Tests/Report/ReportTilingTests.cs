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

    [Fact]
    public void Attack_report_tiles_over_the_limits_say_in_Chinese_by_default_that_a_lower_highest_zoom_is_tried()
    {
        var tiling = ReportTiling.Default with { MinZoom = 5, MaxZoom = 8, LowestMaxZoom = 7, MaxTiles = 1 };
        var lines = new List<string>();
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var scratch = Path.Combine(Path.GetTempPath(), "parkgis-tests", Guid.NewGuid().ToString("N"));
            var archive = ReportTileArchive.Write([Layer(1, "POLYGON ((108 39, 109 39, 109 40, 108 40, 108 39))")], tiling, scratch, new Collect(lines));

            Assert.Null(archive); // a 1° square is more than one tile at z5–z7 too
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("报告瓦片：z5–z8 超出上限，改以较低的最高级别重试（z5–z8 的矢量瓦片数量将超过上限 1", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("报告瓦片：z5–z7 超出上限", lines[1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.DoesNotContain("over the limits", l, StringComparison.Ordinal)); // the line was English whatever the language
    }

    /// <summary>Collects progress lines as they are reported (System.Progress would post them to the thread pool).</summary>
    private sealed class Collect(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }

    private static PublishedLayer Layer(int count, string wkt)
    {
        var geometry = Wkt.Read(wkt);
        var features = Enumerable.Range(0, count).Select(i => new PublishedFeature((Geometry)geometry.Copy(), "F" + i, [])).ToList();
        return new PublishedLayer("parcels", "宗地", IsResult: false, Highlight: false, features);
    }
}
