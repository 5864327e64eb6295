namespace ParkGis.Web.Tiles;

/// <summary>
/// One entry of a PMTiles v3 directory: tiles <paramref name="TileId"/> … <paramref name="TileId"/> +
/// <paramref name="RunLength"/> − 1 all hold the bytes at <paramref name="Offset"/> (from the start of the tile data),
/// or, when <paramref name="RunLength"/> is 0, a leaf directory at <paramref name="Offset"/> (from the start of the
/// leaf directories) whose first entry is <paramref name="TileId"/>.
/// </summary>
/// <param name="TileId">The first tile id (<see cref="TileAddress.Id"/>).</param>
/// <param name="Offset">Where the bytes start.</param>
/// <param name="Length">How many bytes (more than 0).</param>
/// <param name="RunLength">Consecutive tile ids with the same bytes; 0 for a leaf directory.</param>
public readonly record struct PmTilesEntry(ulong TileId, ulong Offset, uint Length, uint RunLength);
