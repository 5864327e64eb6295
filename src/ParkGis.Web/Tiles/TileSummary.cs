namespace ParkGis.Web.Tiles;

/// <summary>What <see cref="VectorTileExport"/> wrote.</summary>
/// <param name="MinZoom">Lowest zoom written.</param>
/// <param name="MaxZoom">Highest zoom written.</param>
/// <param name="Tiles">Tiles written (no empty tiles).</param>
/// <param name="DistinctTiles">Tiles with distinct contents (the archives store each once).</param>
/// <param name="Bytes">Bytes written into the archives and folder, all together.</param>
/// <param name="TilesPerZoom">Tile count per zoom, index 0 = <paramref name="MinZoom"/>.</param>
/// <param name="Outputs">File and folder names written, e.g. <c>tiles.pmtiles</c>.</param>
/// <param name="RepairedPieces">Polygon pieces rebuilt by an exact overlay because rounding to the tile grid left them invalid.</param>
/// <param name="CollapsedParts">Rings, paths or polygon pieces left out because they collapsed on the tile grid.</param>
/// <param name="RepairedFeatures">Features whose published geometry was invalid and was repaired for the tiles.</param>
/// <param name="LostFeatures">Features shown at a zoom (see docs/cli.md) that no tile of that zoom could hold, counted per zoom.</param>
/// <param name="Elapsed">Time spent building and writing the tiles.</param>
public sealed record TileSummary(
    int MinZoom,
    int MaxZoom,
    long Tiles,
    long DistinctTiles,
    long Bytes,
    IReadOnlyList<long> TilesPerZoom,
    IReadOnlyList<string> Outputs,
    long RepairedPieces,
    long CollapsedParts,
    long RepairedFeatures,
    long LostFeatures,
    TimeSpan Elapsed);
