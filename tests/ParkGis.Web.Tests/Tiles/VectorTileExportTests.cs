using NetTopologySuite.Geometries;
using ParkGis.Core.WebFrames;
using ParkGis.Web.Export;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Tiles;

public sealed class VectorTileExportTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Ten_thousand_identical_parcels_make_valid_tiles_holding_every_one_of_them()
    {
        // The stacked-parcels attack of issue 15 (10 000 copies of one parcel): each copy is its own feature.
        var square = Factory.ToGeometry(new Envelope(109.0, 109.001, 39.0, 39.001));
        var parcels = new PublishedLayer("parcels", "宗地", false, false,
            [.. Enumerable.Range(0, 10_000).Select(i => new PublishedFeature(square, $"P{i}", [new("parcel_id", $"P{i}")]))]);
        var folder = Directory.CreateTempSubdirectory("parkgis-tiles-").FullName;

        var summary = VectorTileExport.Write(VectorTileExport.Plan([parcels], TileOptions.Default with { MinZoom = 14 }), folder, WebMapFrame.Wgs84);

        Assert.Equal(0, summary.LostFeatures);
        using var reader = PmTilesReader.Open(Path.Combine(folder, VectorTileExport.PmTilesFileName));
        var x = (int)Math.Floor((109.0005 + 180) / 360 * (1 << 16));
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(39.0005 * Math.PI / 180) + (1 / Math.Cos(39.0005 * Math.PI / 180))) / Math.PI)) / 2 * (1 << 16));
        var layer = Assert.Single(MvtTestDecoder.Decode(TileCompression.Gunzip(reader.ReadTile(16, x, y)!)));
        Assert.Equal(10_000, layer.Features.Count);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (ulong)i), layer.Features.Select(f => f.Id!.Value));
        Assert.All(layer.Features.Take(10), f => Assert.True(MvtTestDecoder.Polygonal(f).IsValid));
    }

    [Fact]
    public void Points_and_lines_are_tiled_as_MVT_points_and_lines()
    {
        var layer = new PublishedLayer("roads", "道路", false, false,
        [
            new PublishedFeature(Factory.CreateLineString([new(109.0, 39.0), new(109.01, 39.01)]), "路", []),
            new PublishedFeature(Factory.CreatePoint(new Coordinate(109.005, 39.002)), "井", []),
        ]);
        var folder = Directory.CreateTempSubdirectory("parkgis-tiles-").FullName;

        var summary = VectorTileExport.Write(VectorTileExport.Plan([layer], TileOptions.Default with { MinZoom = 16, Formats = TileArchiveFormats.Folder }), folder, WebMapFrame.Wgs84);

        var features = Directory.GetFiles(Path.Combine(folder, "tiles"), "*.mvt", SearchOption.AllDirectories)
            .SelectMany(f => MvtTestDecoder.Decode(File.ReadAllBytes(f)).SelectMany(l => l.Features)).ToList();
        Assert.Equal(summary.Tiles, Directory.GetFiles(Path.Combine(folder, "tiles"), "*.mvt", SearchOption.AllDirectories).Length);
        Assert.True(features.Count(f => f.Id == 1) > 3, "a 1.2 km line crosses several z16 tiles");
        Assert.All(features.Where(f => f.Id == 1), f => Assert.Equal(2, f.Type));
        Assert.Equal(1, Assert.Single(features, f => f.Id == 2).Type);
        Assert.True(File.Exists(Path.Combine(folder, "tiles", "tiles.json")));
    }

    [Fact]
    public void Nothing_to_tile_writes_no_archive_and_no_folder()
    {
        var empty = new PublishedLayer("parks", "园区", false, false, []);
        var folder = Directory.CreateTempSubdirectory("parkgis-tiles-").FullName;

        var summary = VectorTileExport.Write(VectorTileExport.Plan([empty], TileOptions.Default with { Formats = TileArchiveFormats.PmTiles | TileArchiveFormats.MbTiles | TileArchiveFormats.Folder }), folder, WebMapFrame.Wgs84);

        Assert.Equal(0, summary.Tiles);
        Assert.Empty(summary.Outputs);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
