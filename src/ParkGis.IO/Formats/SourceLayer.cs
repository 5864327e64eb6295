using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.IO.Formats;

/// <summary>What a format reader returns for one layer: its CRS, features and the issues met.</summary>
internal sealed record SourceLayer(CrsDefinition Crs, IReadOnlyList<SourceFeature> Features, IReadOnlyList<DataIssue> Issues)
{
    /// <summary>
    /// Every attribute field of the layer in source order, when the format lists them apart from the rows (a
    /// GeoPackage table read for a few columns still has all of them); null to take them from the features.
    /// </summary>
    public IReadOnlyList<string>? FieldNames { get; init; }
}
