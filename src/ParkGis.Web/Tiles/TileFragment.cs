namespace ParkGis.Web.Tiles;

/// <summary>One feature's geometry in one tile, as MVT commands in tile units.</summary>
/// <param name="TileId">The PMTiles id of the tile.</param>
/// <param name="Feature">The feature.</param>
/// <param name="Kind">The MVT geometry type.</param>
/// <param name="Commands">The encoded geometry.</param>
internal sealed record TileFragment(ulong TileId, TiledFeature Feature, TileGeometryKind Kind, uint[] Commands);
