namespace ParkGis.Web.Tiles;

/// <summary>What <c>export --tiles</c> writes the tiles as.</summary>
[Flags]
public enum TileArchiveFormats
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>One PMTiles v3 archive, <c>tiles.pmtiles</c> (static web hosting, MapLibre/OpenLayers/Leaflet).</summary>
    PmTiles = 1,

    /// <summary>One MBTiles file, <c>tiles.mbtiles</c> (QGIS, GDAL, tile servers).</summary>
    MbTiles = 2,

    /// <summary>A folder tree <c>tiles/{z}/{x}/{y}.mvt</c> with <c>tiles/tiles.json</c>.</summary>
    Folder = 4,
}
