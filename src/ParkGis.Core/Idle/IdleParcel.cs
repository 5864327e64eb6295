using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Idle;

/// <summary>One parcel's idle-land result (宗地闲置认定).</summary>
/// <param name="ParcelId">The parcel id.</param>
/// <param name="ParkId">The park: park_id, else assigned spatially; empty when none.</param>
/// <param name="AreaM2">Planar area in m² in the parcel's analysis CRS; 0 when its geometry was left out (a data issue says why).</param>
/// <param name="Verdict">Status, idle days, fee, reclaim.</param>
/// <param name="Geometry">The geometry in <paramref name="SourceCrs"/>, or null when it was left out.</param>
/// <param name="SourceCrs">The CRS of <paramref name="Geometry"/>.</param>
public sealed record IdleParcel(string ParcelId, string ParkId, double AreaM2, IdleVerdict Verdict, Geometry? Geometry, CrsDefinition SourceCrs);
