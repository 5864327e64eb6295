namespace ParkGis.IO.Formats;

/// <summary>Format names as they appear in <c>Layer.Format</c>.</summary>
public static class LayerFormats
{
    /// <summary>GeoJSON (RFC 7946, or with the legacy <c>crs</c> member).</summary>
    public const string GeoJson = "GeoJSON";

    /// <summary>ESRI Shapefile (.shp with .shx, .dbf, .prj, .cpg).</summary>
    public const string Shapefile = "Shapefile";

    /// <summary>OGC GeoPackage (.gpkg).</summary>
    public const string GeoPackage = "GeoPackage";

    /// <summary>ESRI file geodatabase (.gdb folder), read through GDAL's OpenFileGDB driver.</summary>
    public const string FileGdb = "FileGDB";

    /// <summary>AutoCAD DXF, read through GDAL.</summary>
    public const string Dxf = "DXF";

    /// <summary>KML (Google Earth), read through GDAL.</summary>
    public const string Kml = "KML";

    /// <summary>MapInfo TAB, read through GDAL.</summary>
    public const string MapInfo = "MapInfo";

    /// <summary>CSV with the geometry as WKT in a column named WKT (or geometry, geom), read through GDAL.</summary>
    public const string Csv = "CSV";

    /// <summary>The ministry's coordinate TXT (国土资源部/自然资源部 坐标文件, <c>[属性描述]</c> and <c>[地块坐标]</c>).</summary>
    public const string CoordinateTxt = "CoordinateTXT";

    /// <summary>True for the formats read through GDAL.</summary>
    public static bool NeedsGdal(string format) => format is FileGdb or Dxf or Kml or MapInfo or Csv;
}
