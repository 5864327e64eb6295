using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Infrastructure;

/// <summary>A supplied/built parcel outside the service distance of a utility network.</summary>
/// <param name="ParcelId">The parcel id.</param>
/// <param name="Geometry">The parcel in its analysis CRS.</param>
/// <param name="Crs">The parcel's analysis CRS, where it was measured.</param>
/// <param name="AreaM2">Planar parcel area in m² in that CRS.</param>
/// <param name="GapM">The parcel's distance in metres to the nearest segment of the network, in that CRS.</param>
public sealed record UnservedParcel(string ParcelId, Geometry Geometry, CrsDefinition Crs, double AreaM2, double GapM);
