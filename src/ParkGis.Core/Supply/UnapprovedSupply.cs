using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Supply;

/// <summary>The part of one supplied parcel outside every approval batch (未批先供).</summary>
/// <param name="ParcelId">The parcel.</param>
/// <param name="ParkId">Its park (park_id, else assigned spatially), or empty.</param>
/// <param name="SuppliedOn">Its supply date.</param>
/// <param name="Crs">The analysis CRS.</param>
/// <param name="AreaM2">Area outside ∪approvals, planar m².</param>
/// <param name="Geometry">That land, in <paramref name="Crs"/>.</param>
public sealed record UnapprovedSupply(string ParcelId, string ParkId, DateOnly SuppliedOn, CrsDefinition Crs, double AreaM2, Geometry Geometry);
