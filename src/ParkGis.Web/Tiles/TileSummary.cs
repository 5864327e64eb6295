namespace ParkGis.Web.Tiles;

/// <summary>What <see cref="VectorTileExport"/> wrote.</summary>
/// <param name="MinZoom">Lowest zoom written.</param>
/// <param name="MaxZoom">Highest zoom written.</param>
/// <param name="Tiles">Tile files written (no empty tiles).</param>
/// <param name="Bytes">Their total size.</param>
/// <param name="TilesPerZoom">Tile count per zoom, index 0 = <paramref name="MinZoom"/>.</param>
/// <param name="Elapsed">Time spent building and writing the tiles.</param>
public sealed record TileSummary(int MinZoom, int MaxZoom, long Tiles, long Bytes, IReadOnlyList<long> TilesPerZoom, TimeSpan Elapsed);
