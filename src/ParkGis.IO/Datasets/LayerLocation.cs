using ParkGis.Core.Data;
using ParkGis.IO.Configuration;

namespace ParkGis.IO.Datasets;

/// <summary>Where a layer of a dataset is, before it is read.</summary>
/// <param name="Role">The role the layer plays.</param>
/// <param name="Source">User-facing name relative to the dataset: <c>parks.shp</c>, <c>layers.gpkg:parcels</c>.</param>
/// <param name="Format">Format name (<see cref="Formats.LayerFormats"/>).</param>
/// <param name="FilePath">Full path of the file.</param>
/// <param name="TableName">Table inside a GeoPackage, null for other formats.</param>
/// <param name="Configuration">What parkgis.json says about the role, or null.</param>
public sealed record LayerLocation(
    LayerRole Role,
    string Source,
    string Format,
    string FilePath,
    string? TableName,
    LayerConfiguration? Configuration);
