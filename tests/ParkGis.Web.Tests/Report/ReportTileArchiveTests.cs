using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.WebFrames;
using ParkGis.Web.Export;
using ParkGis.Web.Report;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Report;

public sealed class ReportTileArchiveTests
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void A_lower_highest_zoom_planned_on_the_geometry_of_a_higher_one_counts_the_same()
    {
        var layers = Layers();
        var prepared = TilePyramid.Prepare(layers, Options(12));

        foreach (var maxZoom in new[] { 12, 11, 10, 8 })
        {
            var reused = TilePlanner.Estimate(prepared.WithMaxZoom(maxZoom));
            var fresh = TilePlanner.Estimate(TilePyramid.Prepare(layers, Options(maxZoom)));

            Assert.Equal(fresh.TilesPerZoom, reused.TilesPerZoom);
            Assert.Equal((fresh.Tiles, fresh.Bytes), (reused.Tiles, reused.Bytes));
        }
    }

    [Fact]
    public void An_archive_lowered_to_z11_holds_the_tiles_export_writes_at_z11()
    {
        var layers = Layers();
        var z11 = VectorTileExport.Plan(layers, Options(11)).Estimate.Tiles;
        Assert.True(VectorTileExport.Plan(layers, Options(12)).Estimate.Tiles > z11, "z12 must add tiles for the limit to lower the zoom");
        var tiling = ReportTiling.Default with { MinZoom = 5, MaxZoom = 12, LowestMaxZoom = 10, MaxTiles = z11 };
        var scratch = Path.Combine(Directory.CreateTempSubdirectory("parkgis-report-tiles-").FullName, "scratch");
        var folder = Directory.CreateTempSubdirectory("parkgis-tiles-").FullName;

        var archive = ReportTileArchive.Write(layers, tiling, scratch, progress: null);
        VectorTileExport.Write(VectorTileExport.Plan(layers, Options(11) with { MaxTiles = z11 }), folder, WebMapFrame.Wgs84);

        Assert.NotNull(archive);
        Assert.Equal(11, archive.Value.Summary.MaxZoom);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, VectorTileExport.PmTilesFileName)), File.ReadAllBytes(archive.Value.File));
    }

    private static TileOptions Options(int maxZoom) =>
        TileOptions.Default with { MinZoom = 5, MaxZoom = maxZoom, Formats = TileArchiveFormats.PmTiles };

    /// <summary>
    /// A zigzag band across many z12 tiles (its pieces leave and re-enter tiles, so some are rebuilt), a square with a
    /// hole, a row of parcels too small to show below the highest zoom, and a road.
    /// </summary>
    private static List<PublishedLayer> Layers()
    {
        var zigzag = string.Join(", ", Enumerable.Range(0, 41).Select(i => $"{109.5 + (i * 0.01):0.###} {39.5 + (i % 2 * 0.05):0.###}"));
        var back = string.Join(", ", Enumerable.Range(0, 41).Reverse().Select(i => $"{109.5 + (i * 0.01):0.###} {39.52 + (i % 2 * 0.05):0.###}"));
        var band = Wkt.Read($"POLYGON (({zigzag}, {back}, 109.5 39.5))");
        var holed = Wkt.Read("POLYGON ((109.6 39.7, 109.9 39.7, 109.9 39.9, 109.6 39.9, 109.6 39.7), (109.7 39.75, 109.7 39.85, 109.8 39.85, 109.8 39.75, 109.7 39.75))");
        var parcels = Enumerable.Range(0, 30).Select(i => Wkt.Read(
            $"POLYGON (({109.5 + (i * 0.003):0.###} 39.4, {109.502 + (i * 0.003):0.###} 39.4, {109.502 + (i * 0.003):0.###} 39.402, {109.5 + (i * 0.003):0.###} 39.402, {109.5 + (i * 0.003):0.###} 39.4))"));
        var road = Wkt.Read("LINESTRING (109.4 39.3, 109.95 39.95, 110.1 39.6)");
        return
        [
            new PublishedLayer("redline", "生态保护红线", false, false,
                [new PublishedFeature(band, "带", [new("name", "带")]), new PublishedFeature(holed, "环", [new("name", "环")])]),
            new PublishedLayer("parcels", "宗地", false, false,
                [.. parcels.Select((p, i) => new PublishedFeature(p, $"P{i}", [new("parcel_id", $"P{i}"), new("area_m2", 100.0 + i)]))]),
            new PublishedLayer("roads", "道路", false, false, [new PublishedFeature(road, "路", [])]),
        ];
    }
}
