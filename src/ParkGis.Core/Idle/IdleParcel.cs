using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Idle;

/// <summary>One parcel's idle-land result (宗地闲置认定).</summary>
/// <param name="ParcelId">The parcel id.</param>
/// <param name="ParkId">The park (the one parcel-to-park rule); empty when none.</param>
/// <param name="AreaM2">Planar area in m² in the parcel's analysis CRS.</param>
/// <param name="Verdict">Status, idle days, fee, reclaim.</param>
/// <param name="Geometry">The screened geometry in <paramref name="SourceCrs"/>.</param>
/// <param name="SourceCrs">The CRS of <paramref name="Geometry"/>.</param>
public sealed record IdleParcel(string ParcelId, string ParkId, double AreaM2, IdleVerdict Verdict, Geometry Geometry, CrsDefinition SourceCrs)
{
    /// <summary>Supplied on or before the as-of date (a readable supplied_on).</summary>
    public bool Supplied { get; init; }
}
