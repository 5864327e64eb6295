using ParkGis.IO.Configuration;

namespace ParkGis.IO.Datasets;

/// <summary>What a dataset folder holds: the layers found by role and the files no role claims.</summary>
/// <param name="Folder">Full path of the folder.</param>
/// <param name="Layers">One location per role found, in <see cref="ParkGis.Core.Data.LayerRoles.All"/> order.</param>
/// <param name="IgnoredFiles">File names (relative to the folder, ordinal order) that are no layer, no shapefile companion of one and not parkgis.json.</param>
/// <param name="Configuration">The folder's parkgis.json, or null when there is none.</param>
public sealed record DatasetLayout(
    string Folder,
    IReadOnlyList<LayerLocation> Layers,
    IReadOnlyList<string> IgnoredFiles,
    ParkGisConfiguration? Configuration);
