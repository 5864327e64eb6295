namespace ParkGis.IO.Output;

/// <summary>
/// The GIS file formats result layers can be written in besides GeoJSON (<c>--format</c>): what a bureau's ArcGIS or
/// QGIS opens and what a submission asks for.
/// </summary>
public enum GisFormat
{
    /// <summary>GeoJSON only (RFC 7946, lon/lat): the default.</summary>
    GeoJson,

    /// <summary>ESRI Shapefile in GBK with a .cpg and a .prj in the dataset's CRS (<c>shp</c>).</summary>
    Shapefile,

    /// <summary>OGC GeoPackage, one file per layer (<c>gpkg</c>).</summary>
    GeoPackage,

    /// <summary>ESRI File Geodatabase through GDAL's OpenFileGDB driver, one .gdb folder per layer (<c>gdb</c>).</summary>
    FileGdb,
}
