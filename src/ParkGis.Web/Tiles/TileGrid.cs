namespace ParkGis.Web.Tiles;

/// <summary>
/// The tiles of one zoom level seen from the world units of the highest zoom: one unit of this zoom is
/// <see cref="UnitSize"/> of those (a power of two, so every conversion is exact), and each tile reaches
/// <see cref="BufferUnits"/> beyond its edges.
/// </summary>
/// <param name="Zoom">The zoom level.</param>
/// <param name="MaxZoom">The highest zoom, whose units the geometry is stored in.</param>
/// <param name="BufferUnits">Buffer around each tile, in tile units.</param>
internal readonly record struct TileGrid(int Zoom, int MaxZoom, int BufferUnits)
{
    /// <summary>Units of the highest zoom per unit of this zoom.</summary>
    public double UnitSize => Math.ScaleB(1.0, MaxZoom - Zoom);

    /// <summary>Tiles across the world.</summary>
    public int TilesAcross => 1 << Zoom;

    /// <summary>The first tile (column or row) whose buffered square reaches <paramref name="min"/> (stored units).</summary>
    public int FirstTile(double min) => Clamp(Math.Floor(((min / UnitSize) - BufferUnits) / WebMercator.TileExtent));

    /// <summary>The last tile whose buffered square reaches <paramref name="max"/>.</summary>
    public int LastTile(double max) => Clamp(Math.Floor(((max / UnitSize) + BufferUnits) / WebMercator.TileExtent));

    /// <summary>The far (east or south) edge of tile <paramref name="tile"/>'s buffered square, in stored units.</summary>
    public double FarEdge(int tile) => (((double)(tile + 1) * WebMercator.TileExtent) + BufferUnits) * UnitSize;

    /// <summary>The near (west or north) edge of tile <paramref name="tile"/>'s buffered square, in stored units.</summary>
    public double NearEdge(int tile) => (((double)tile * WebMercator.TileExtent) - BufferUnits) * UnitSize;

    private int Clamp(double tile) => (int)Math.Clamp(tile, 0, TilesAcross - 1);
}
