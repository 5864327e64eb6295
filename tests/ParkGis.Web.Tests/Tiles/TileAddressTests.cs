using FsCheck.Xunit;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Tiles;

public sealed class TileAddressTests
{
    [Theory]
    [InlineData(0, 0, 0, 0ul)]
    [InlineData(1, 0, 0, 1ul)]
    [InlineData(1, 0, 1, 2ul)]
    [InlineData(1, 1, 1, 3ul)]
    [InlineData(1, 1, 0, 4ul)]
    [InlineData(2, 0, 0, 5ul)]
    [InlineData(3, 0, 0, 21ul)]
    [InlineData(3, 7, 0, 84ul)]
    [InlineData(16, 52000, 24600, 4869915285ul)]
    [InlineData(22, 3000000, 1500000, 21149963460949ul)]
    [InlineData(26, 67108863, 0, 6004799503160660ul)]
    public void Tile_ids_follow_the_PMTiles_Hilbert_numbering(int zoom, int x, int y, ulong id)
    {
        // Values computed by the reference reader (npm pmtiles 4.5, zxyToTileId): z1 runs (0,0), (0,1), (1,1), (1,0).
        Assert.Equal(id, new TileAddress(zoom, x, y).Id);
        Assert.Equal(new TileAddress(zoom, x, y), TileAddress.FromId(id));
    }

    [Property(MaxTest = 2000)]
    public bool Every_tile_comes_back_from_its_id(int seed)
    {
        var random = new Random(seed);
        var zoom = random.Next(0, TileAddress.MaxZoom + 1);
        var tile = new TileAddress(zoom, (int)random.NextInt64(1L << zoom), (int)random.NextInt64(1L << zoom));
        return TileAddress.FromId(tile.Id) == tile;
    }

    [Fact]
    public void Ids_of_one_zoom_are_a_permutation_of_its_range()
    {
        var ids = new HashSet<ulong>();
        for (var x = 0; x < 16; x++)
        {
            for (var y = 0; y < 16; y++)
            {
                ids.Add(new TileAddress(4, x, y).Id);
            }
        }

        Assert.Equal(256, ids.Count);
        Assert.Equal(TileAddress.FirstIdOf(4), ids.Min());
        Assert.Equal(TileAddress.FirstIdOf(5) - 1, ids.Max());
    }
}
