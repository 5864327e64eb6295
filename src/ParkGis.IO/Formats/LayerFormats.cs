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
}
