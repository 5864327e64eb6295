namespace ParkGis.Gdal;

/// <summary>A vector layer to create through OGR.</summary>
/// <param name="Name">The layer name (a shapefile's base name, a GeoPackage table, a FileGDB feature class).</param>
/// <param name="Epsg">The layer's CRS as an EPSG code (x = easting / longitude whatever the CRS's axis order).</param>
/// <param name="GeometryType">An OGR geometry type: 6 multipolygon, 5 multilinestring, 1 point, 0 unknown.</param>
/// <param name="Fields">The attribute fields in order, with the name each has in the file.</param>
/// <param name="LayerOptions">Layer creation options (<c>ENCODING=CP936</c> for a GBK shapefile).</param>
public sealed record OgrLayerDefinition(
    string Name,
    int Epsg,
    int GeometryType,
    IReadOnlyList<(string Name, OgrFieldKind Kind)> Fields,
    IReadOnlyList<string> LayerOptions);
