namespace ParkGis.Web.Tiles;

/// <summary>What the tiles will take, worked out before any is written.</summary>
/// <param name="Tiles">Tiles with at least one feature (exact: the tiles each feature's clipped geometry reaches).</param>
/// <param name="Bytes">Estimated MVT bytes before compression: per feature in a tile its attribute values (as if none were shared) and one vertex per 4 tile units of its outline at most, 2 bytes each; per tile the layer headers.</param>
/// <param name="TilesPerZoom">Tile count per zoom, from the lowest.</param>
public sealed record TileEstimate(long Tiles, long Bytes, IReadOnlyList<long> TilesPerZoom);
