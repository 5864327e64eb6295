using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Publishing;

/// <summary>Publishes an <see cref="InfrastructureResult"/>: the supplied/built parcels a utility network does not serve (九通未覆盖宗地).</summary>
public static class InfrastructureResults
{
    /// <summary>The <c>unserved</c> layer: one feature per parcel and utility that does not serve it, in park, utility, parcel order.</summary>
    public static ResultLayer Unserved(InfrastructureResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var features = result.Parks
            .SelectMany(park => park.Utilities.SelectMany(u => u.Unserved.Select(parcel => (park, u, parcel))))
            .Select(item => new ResultFeature(
                item.parcel.Geometry,
                item.parcel.Crs,
                item.parcel.AreaM2,
                "unserved",
                item.u.Required ? "warning" : "info",
                item.parcel.ParcelId,
                [
                    new("park_id", item.park.ParkId),
                    new("park_name", item.park.Name),
                    new("utility", LayerRoles.Name(item.u.Utility)),
                    new("utility_zh", LayerRoles.ChineseName(item.u.Utility)),
                    new("required", item.u.Required),
                    new("parcel_id", item.parcel.ParcelId),
                    new("distance_m", double.IsFinite(item.parcel.GapM) ? Math.Round(item.parcel.GapM, 3, MidpointRounding.AwayFromZero) : null),
                    new("service_distance_m", item.u.DistanceM),
                    new("analysis_crs", item.parcel.Crs.Code),
                ]))
            .ToList();
        return new ResultLayer("unserved", Localized.Get("PublishedLayerUnserved"), features, Highlight: false);
    }
}
