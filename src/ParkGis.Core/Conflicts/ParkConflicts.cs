using ParkGis.Core.Crs;

namespace ParkGis.Core.Conflicts;

/// <summary>The conflicts of one park with the control lines and the other parks.</summary>
/// <param name="ParkId">The park id.</param>
/// <param name="Name">The park name (园区名称), empty when unknown.</param>
/// <param name="Crs">The projected CRS the park was analysed in.</param>
/// <param name="AreaM2">Planar park area in m².</param>
/// <param name="Conflicts">One tally per conflict kind.</param>
/// <param name="Patches">Every patch of at least the minimum area, by kind then descending area.</param>
public sealed record ParkConflicts(
    string ParkId,
    string Name,
    CrsDefinition Crs,
    double AreaM2,
    IReadOnlyDictionary<ConflictKind, ConflictTally> Conflicts,
    IReadOnlyList<ConflictPatch> Patches);
