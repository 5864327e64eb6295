using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.IO.Formats;

/// <summary>What a format reader returns for one layer: its CRS, features and the issues met.</summary>
internal sealed record SourceLayer(CrsDefinition Crs, IReadOnlyList<SourceFeature> Features, IReadOnlyList<DataIssue> Issues);
