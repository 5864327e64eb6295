namespace ParkGis.IO.Output;

/// <summary>The option values, file names and GDAL drivers of <see cref="GisFormat"/>.</summary>
public static class GisFormats
{
    /// <summary>The <c>--format</c> values: <c>geojson</c>, <c>shp</c>, <c>gpkg</c>, <c>gdb</c>.</summary>
    public static IReadOnlyList<string> OptionValues { get; } = ["geojson", "shp", "gpkg", "gdb"];

    /// <summary>The format an option value names.</summary>
    public static GisFormat Parse(string value) => value.ToLowerInvariant() switch
    {
        "geojson" => GisFormat.GeoJson,
        "shp" => GisFormat.Shapefile,
        "gpkg" => GisFormat.GeoPackage,
        "gdb" => GisFormat.FileGdb,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a format: use geojson, shp, gpkg or gdb."),
    };

    /// <summary>The files (and, for FileGDB, the folder) one layer of that name becomes; none for GeoJSON.</summary>
    public static IReadOnlyList<string> FilesOf(GisFormat format, string layerName) => format switch
    {
        GisFormat.Shapefile => [.. new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" }.Select(extension => layerName + extension)],
        GisFormat.GeoPackage => [layerName + ".gpkg"],
        GisFormat.FileGdb => [layerName + ".gdb"],
        _ => [],
    };

    /// <summary>The file GDAL is asked to create for a layer.</summary>
    internal static string MainFile(GisFormat format, string layerName) => FilesOf(format, layerName)[0];

    /// <summary>The GDAL driver of a format.</summary>
    internal static string Driver(GisFormat format) => format switch
    {
        GisFormat.Shapefile => "ESRI Shapefile",
        GisFormat.GeoPackage => "GPKG",
        GisFormat.FileGdb => "OpenFileGDB",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "GeoJSON is written by the RFC 7946 writer."),
    };
}
