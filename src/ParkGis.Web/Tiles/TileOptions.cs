namespace ParkGis.Web.Tiles;

/// <summary>Settings of the vector tiles (矢量瓦片) of <c>export --tiles</c>.</summary>
/// <param name="MinZoom">Lowest zoom written.</param>
/// <param name="MaxZoom">Highest zoom written; every feature is in its tiles there, however small.</param>
/// <param name="MaxTiles">The run stops before writing anything when the tile count would exceed this.</param>
/// <param name="MaxBytes">… or when the tiles would take more bytes than this.</param>
/// <param name="Formats">The archives (and/or folder tree) to write.</param>
public sealed record TileOptions(int MinZoom, int MaxZoom, long MaxTiles, long MaxBytes, TileArchiveFormats Formats)
{
    /// <summary>Highest zoom accepted (0.02 m per tile unit in Ordos; MBTiles readers stop at 22 too).</summary>
    public const int HighestZoom = 22;

    /// <summary>How far (tile units of 4096 per tile) each tile reaches beyond its edges: 80 = 5 screen pixels.</summary>
    public const int BufferUnits = 80;

    /// <summary>z8–z16, at most 200 000 tiles and 2 GiB, PMTiles and MBTiles.</summary>
    public static TileOptions Default { get; } = new(8, 16, 200_000, 2L << 30, TileArchiveFormats.PmTiles | TileArchiveFormats.MbTiles);

    /// <summary>
    /// Douglas–Peucker tolerance at <paramref name="zoom"/>, in tile units: 2 (1/8 screen pixel) below the highest
    /// zoom, 1 (the grid step) at it, where viewers zoom further in on the same tiles.
    /// </summary>
    public double SimplifyToleranceUnits(int zoom) => zoom >= MaxZoom ? 1 : 2;
}
