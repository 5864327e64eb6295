using ParkGis.Web.Export;
using ParkGis.Web.Tiles;
using NetTopologySuite.Geometries;

namespace ParkGis.Web.Tests.Tiles;

public sealed class MvtEncodingTests
{
    [Fact]
    public void Geometry_commands_match_the_examples_of_the_MVT_2_1_spec()
    {
        var encoder = new MvtGeometryEncoder();

        encoder.AddPoints([25, 17]);
        Assert.Equal([9u, 50, 34], encoder.ToArray());

        encoder.Reset();
        encoder.AddPoints([5, 7, 3, 2]);
        Assert.Equal([17u, 10, 14, 3, 9], encoder.ToArray());

        encoder.Reset();
        encoder.AddPath([2, 2, 2, 10, 10, 10]);
        Assert.Equal([9u, 4, 4, 18, 0, 16, 16, 0], encoder.ToArray());

        encoder.Reset();
        encoder.AddPath([2, 2, 2, 10, 10, 10]);
        encoder.AddPath([1, 1, 3, 5]);
        Assert.Equal([9u, 4, 4, 18, 0, 16, 16, 0, 9, 17, 17, 10, 4, 8], encoder.ToArray());

        encoder.Reset();
        encoder.AddRing([3, 6, 8, 12, 20, 34]);
        Assert.Equal([9u, 6, 12, 18, 10, 12, 24, 44, 15], encoder.ToArray());
    }

    [Fact]
    public void A_tile_holds_one_layer_per_published_layer_with_ids_attributes_and_shared_keys_and_values()
    {
        var factory = new GeometryFactory();
        var square = factory.ToGeometry(new Envelope(109.0, 109.001, 39.0, 39.001));
        var parks = new PublishedLayer("parks", "园区", false, false,
        [
            new PublishedFeature(square, "甲", [new("name", "甲<园>=\u001b[2J\n"), new("level", 3), new("area_m2", 12.5), new("open", true), new("note", null), new("debt", -7L)]),
            new PublishedFeature(square, "乙", [new("name", "乙"), new("level", 3), new("when", new DateOnly(2026, 6, 30))]),
        ]);
        var roads = new PublishedLayer("roads", "道路", false, false,
            [new PublishedFeature(factory.CreateLineString([new(109.0, 39.0), new(109.001, 39.001)]), "路", [new("name", "路")])]);
        var pyramid = TilePyramid.Prepare([parks, roads], TileOptions.Default with { MinZoom = 16 });
        var grid = pyramid.Grid(16);
        var builder = new TileFragmentBuilder();
        var fragments = new List<TileFragment>();
        foreach (var feature in pyramid.Features)
        {
            TileClipper.Visit(feature.Shape!, grid, (x, y, piece) =>
            {
                fragments.Add(builder.Build(feature, piece, grid, x, y, 1)!);
                return true;
            });
        }

        var first = fragments.Where(f => f.TileId == fragments[0].TileId).ToArray();

        var layers = MvtTestDecoder.Decode(new MvtTileEncoder().Encode(pyramid.Layers, first));

        Assert.Equal(["parks", "roads"], layers.Select(l => l.Name));
        Assert.All(layers, l => Assert.Equal((2, 4096), (l.Version, l.Extent)));
        var (a, b) = (layers[0].Features[0], layers[0].Features[1]);
        Assert.Equal((1ul, 3), (a.Id!.Value, a.Type));
        Assert.Equal(2ul, b.Id);
        Assert.Equal("甲<园>=\u001b[2J\n", a.Properties["name"]);
        Assert.Equal(3ul, a.Properties["level"]);
        Assert.Equal(12.5, a.Properties["area_m2"]);
        Assert.Equal(true, a.Properties["open"]);
        Assert.Equal(-7L, a.Properties["debt"]);
        Assert.False(a.Properties.ContainsKey("note"), "MVT has no null: the attribute is left off");
        Assert.Equal("2026-06-30", b.Properties["when"]);
        Assert.Equal(2, layers[1].Features[0].Type);
        Assert.Equal(1ul, layers[1].Features[0].Id);
    }
}
