using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Conflicts;

/// <summary>One conflict polygon (图斑) of at least the minimum area.</summary>
/// <param name="ParkId">The park it belongs to.</param>
/// <param name="Kind">What it conflicts with.</param>
/// <param name="Geometry">The patch polygon in <paramref name="Crs"/>.</param>
/// <param name="Crs">The analysis CRS (projected, metres).</param>
/// <param name="AreaM2">Planar area in m².</param>
/// <param name="SourceIds">Ids of the features involved (control features or other parks), sorted ordinally.</param>
public sealed record ConflictPatch(
    string ParkId,
    ConflictKind Kind,
    Polygon Geometry,
    CrsDefinition Crs,
    double AreaM2,
    IReadOnlyList<string> SourceIds);
