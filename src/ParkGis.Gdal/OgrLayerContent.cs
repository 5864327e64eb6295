namespace ParkGis.Gdal;

/// <summary>Everything ParkGis takes from one OGR layer.</summary>
/// <param name="Name">The layer name (OGR_L_GetName).</param>
/// <param name="SpatialReferenceWkt">The layer's CRS as WKT (OSRExportToWkt), or null when it has none.</param>
/// <param name="Epsg">The EPSG code GDAL identifies for that CRS (authority code, else OSRAutoIdentifyEPSG), or null.</param>
/// <param name="HasGeometryField">False for a table without geometry (a CSV without a WKT column).</param>
/// <param name="FieldNames">Attribute field names in order.</param>
/// <param name="Features">The features in source order.</param>
public sealed record OgrLayerContent(
    string Name,
    string? SpatialReferenceWkt,
    int? Epsg,
    bool HasGeometryField,
    IReadOnlyList<string> FieldNames,
    IReadOnlyList<OgrFeatureRecord> Features);
