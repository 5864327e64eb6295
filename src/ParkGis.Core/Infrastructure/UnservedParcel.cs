using NetTopologySuite.Geometries;

namespace ParkGis.Core.Infrastructure;

/// <summary>A supplied/built parcel outside the service distance of a utility network.</summary>
/// <param name="ParcelId">The parcel id.</param>
/// <param name="Geometry">The parcel in the park's analysis CRS.</param>
/// <param name="AreaM2">Planar parcel area in m².</param>
public sealed record UnservedParcel(string ParcelId, Geometry Geometry, double AreaM2);
