namespace ParkGis.IO.Configuration;

/// <summary>
/// What <c>parkgis.json</c> says about one layer role: where the layer is, how its fields are named and which
/// CRS to assume. Every member is optional.
/// </summary>
/// <param name="Source">File name relative to the dataset folder (<c>园区范围.shp</c>, <c>data.gpkg</c>), or null to find the layer by its role name.</param>
/// <param name="Layer">Table name inside a GeoPackage source (<c>YJJBNTBHTB</c>), or null.</param>
/// <param name="Fields">
/// Canonical field name → source field name (<c>name</c> → <c>YQMC</c>); becomes <c>Layer.FieldMap</c>. For control
/// layers the canonical <c>id</c> picks the feature-id field (<c>"id": "redline_id"</c>).
/// </param>
/// <param name="CrsEpsg">EPSG code to use instead of what the file says or lacks (<c>"crs": "EPSG:4545"</c>), or null.</param>
public sealed record LayerConfiguration(
    string? Source,
    string? Layer,
    IReadOnlyDictionary<string, string> Fields,
    int? CrsEpsg);
