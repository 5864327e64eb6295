using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.IO.Formats;

/// <summary>What a format reader needs to read one layer.</summary>
/// <param name="RoleName">Role name, used as the layer of data issues.</param>
/// <param name="FilePath">Full path of the file.</param>
/// <param name="InputName">User-facing name for messages: <c>parks.shp</c>, <c>layers.gpkg:parcels</c>.</param>
/// <param name="TableName">GeoPackage table, or null for single-layer formats.</param>
/// <param name="CrsOverrideEpsg">EPSG code that replaces the file's own CRS (parkgis.json layer <c>crs</c>).</param>
/// <param name="DefaultCrsEpsg">EPSG code for a file without CRS (parkgis.json top-level <c>crs</c>).</param>
/// <param name="Columns">
/// The source fields the caller needs, or null for all. A hint: formats that can skip columns (GeoPackage) read
/// only these; the others read every field.
/// </param>
/// <param name="Reach">
/// For a control layer cut to the parks' reach: the test of a feature's box in the layer's CRS (false: out of reach),
/// or null for that CRS; null to build every feature. A hint: formats that can read a feature's box without building
/// it (GeoPackage, shapefile) give each feature out of reach an <see cref="UnbuiltFeature"/> stand-in.
/// </param>
internal sealed record LayerReadRequest(
    string RoleName, string FilePath, string InputName, string? TableName, int? CrsOverrideEpsg, int? DefaultCrsEpsg, IReadOnlyCollection<string>? Columns = null,
    Func<CrsDefinition, Func<Envelope, bool>?>? Reach = null)
{
    /// <summary>Whether the column <paramref name="name"/> is to be read (every column when <see cref="Columns"/> is null).</summary>
    public bool Wants(string name) => Columns is null || Columns.Contains(name, StringComparer.OrdinalIgnoreCase);
}
