namespace ParkGis.Web.Tiles;

/// <summary>
/// Cuts a shape into the tiles of one zoom it reaches: the range of tiles under its bounding box is halved along its
/// longer side, each half clipped to its buffered edge and shrunk to the tiles its part still reaches, until one tile
/// is left. Each vertex is thus clipped about log₂(tiles) times instead of once per tile, and tiles the shape only
/// passes by in its bounding box are never visited.
/// </summary>
internal static class TileClipper
{
    /// <summary>
    /// Calls <paramref name="leaf"/> with each tile's column, row and the part of <paramref name="shape"/> inside its
    /// buffered square; stops, returning false, when <paramref name="leaf"/> returns false.
    /// </summary>
    public static bool Visit(TileShape shape, TileGrid grid, Func<int, int, TileShape, bool> leaf)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(leaf);
        return shape.IsEmpty || Split(shape, grid, 0, 0, grid.TilesAcross - 1, grid.TilesAcross - 1, leaf);
    }

    private static bool Split(TileShape shape, TileGrid grid, int x0, int y0, int x1, int y1, Func<int, int, TileShape, bool> leaf)
    {
        x0 = Math.Max(x0, grid.FirstTile(shape.MinX));
        y0 = Math.Max(y0, grid.FirstTile(shape.MinY));
        x1 = Math.Min(x1, grid.LastTile(shape.MaxX));
        y1 = Math.Min(y1, grid.LastTile(shape.MaxY));
        if (x0 > x1 || y0 > y1)
        {
            return true;
        }

        if (x0 == x1 && y0 == y1)
        {
            return leaf(x0, y0, shape);
        }

        var alongX = x1 - x0 >= y1 - y0;
        var low = alongX ? x0 : y0;
        var high = alongX ? x1 : y1;
        var middle = low + ((high - low + 1) / 2);
        var axis = alongX ? 0 : 1;
        var near = shape.Clip(axis, grid.FarEdge(middle - 1), keepBelow: true);
        if (!near.IsEmpty && !(alongX ? Split(near, grid, x0, y0, middle - 1, y1, leaf) : Split(near, grid, x0, y0, x1, middle - 1, leaf)))
        {
            return false;
        }

        var far = shape.Clip(axis, grid.NearEdge(middle), keepBelow: false);
        return far.IsEmpty || (alongX ? Split(far, grid, middle, y0, x1, y1, leaf) : Split(far, grid, x0, middle, x1, y1, leaf));
    }
}
