using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Measures;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>unserved.geojson</c>: one RFC 7946 feature (lon/lat) per supplied/built parcel and utility network
/// that does not serve it — a parcel lacking two networks appears twice, once per <c>utility</c> — in park,
/// utility, parcel order.
/// </summary>
public static class UnservedParcelsWriter
{
    /// <summary>Writes the file.</summary>
    public static void Write(string path, InfrastructureResult result, int decimals = 7)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lonLat = CrsRegistry.FromEpsg(4326) ?? throw new InvalidOperationException("EPSG:4326 is not registered.");
        var features = result.Parks
            .SelectMany(park => park.Utilities.SelectMany(u => u.Unserved.Select(parcel => (park, u, parcel))))
            .Select(item => new GeoJsonFeature(
                CrsTransform.Create(item.park.Crs, lonLat).Apply(item.parcel.Geometry),
                [
                    new("park_id", item.park.ParkId),
                    new("park_name", item.park.Name),
                    new("utility", LayerRoles.Name(item.u.Utility)),
                    new("utility_zh", LayerRoles.ChineseName(item.u.Utility)),
                    new("required", item.u.Required),
                    new("parcel_id", item.parcel.ParcelId),
                    new("area_m2", Math.Round(item.parcel.AreaM2, 3, MidpointRounding.AwayFromZero)),
                    new("area_mu", Math.Round(AreaUnits.ToMu(item.parcel.AreaM2), 4, MidpointRounding.AwayFromZero)),
                    new("distance_m", item.u.DistanceM),
                    new("analysis_crs", item.park.Crs.Code),
                ]));
        new Rfc7946Writer(decimals).Write(path, features);
    }
}
