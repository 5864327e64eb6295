using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Tiles;

public sealed class TileClipperTests
{
    /// <summary>Zoom 2 stored at zoom 2: one stored unit is one tile unit, tiles are 4096 wide, buffer 80.</summary>
    private static readonly TileGrid Grid = new(2, 2, 80);

    [Fact]
    public void A_square_across_a_tile_corner_is_cut_into_four_buffered_pieces()
    {
        var square = Square(4096 - 1000, 4096 - 1000, 4096 + 1000, 4096 + 1000);

        var pieces = Visit(square);

        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1)], pieces.Keys.Order());
        var northWest = pieces[(0, 0)];
        Assert.Equal((3096, 3096, 4096 + 80, 4096 + 80), (northWest.MinX, northWest.MinY, northWest.MaxX, northWest.MaxY));
        var southEast = pieces[(1, 1)];
        Assert.Equal((4096 - 80, 4096 - 80, 5096, 5096), (southEast.MinX, southEast.MinY, southEast.MaxX, southEast.MaxY));
    }

    [Fact]
    public void A_square_inside_one_tile_but_within_the_buffer_of_its_neighbour_is_in_both()
    {
        var pieces = Visit(Square(4096 - 50, 100, 4096 - 10, 200));

        Assert.Equal([(0, 0), (1, 0)], pieces.Keys.Order());
    }

    [Fact]
    public void A_diagonal_line_reaches_only_the_tiles_it_crosses_not_its_bounding_box()
    {
        var line = TileShape.OfPaths([[100, 100, (4 * 4096) - 100, (4 * 4096) - 100]]);

        var pieces = Visit(line);

        // The diagonal of a 4 × 4 grid crosses the 4 diagonal tiles; near the corners it passes within the buffer of
        // the two neighbours of each corner, but never reaches (0, 3) or (3, 0).
        Assert.Contains((0, 0), pieces.Keys);
        Assert.Contains((3, 3), pieces.Keys);
        Assert.DoesNotContain((0, 3), pieces.Keys);
        Assert.DoesNotContain((3, 0), pieces.Keys);
        Assert.True(pieces.Count <= 10, $"{pieces.Count} tiles for a diagonal of 4");
    }

    [Fact]
    public void A_polygon_leaving_and_reentering_a_tile_is_joined_along_the_tile_edge()
    {
        // A ⊂ whose back lies in tile (0, 0) and whose arms reach into tile (1, 0): Sutherland–Hodgman gives tile
        // (1, 0) one ring, the two arms joined along its west edge x = 4096 − 80; the tile step repairs that
        // (tested with the builder).
        var u = TileShape.OfPolygons([[[3000, 100, 6000, 100, 6000, 1100, 3500, 1100, 3500, 2000, 6000, 2000, 6000, 3000, 3000, 3000]]]);

        var pieces = Visit(u);

        var piece = pieces[(1, 0)];
        Assert.Equal(4096 - 80, piece.MinX);
        var ring = Assert.Single(Assert.Single(piece.Polygons));
        Assert.Equal(4, Enumerable.Range(0, ring.Length / 2).Count(i => ring[2 * i] == 4096 - 80));
    }

    private static TileShape Square(double x0, double y0, double x1, double y1) =>
        TileShape.OfPolygons([[[x0, y0, x1, y0, x1, y1, x0, y1]]]);

    private static Dictionary<(int X, int Y), TileShape> Visit(TileShape shape)
    {
        var pieces = new Dictionary<(int X, int Y), TileShape>();
        Assert.True(TileClipper.Visit(shape, Grid, (x, y, piece) =>
        {
            pieces.Add((x, y), piece);
            return true;
        }));
        return pieces;
    }
}
