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
        var items = result.Parks
            .SelectMany(park => park.Utilities.SelectMany(u => u.Unserved.Select(parcel => (park, u, parcel))))
            .ToArray();

        // Made on every core (one feature per parcel and network: 140,000 at city scale), each in its item's slot.
        var features = new ResultFeature[items.Length];
        Parallel.For(0, items.Length, i => features[i] = Feature(items[i].park, items[i].u, items[i].parcel));
        return new ResultLayer("unserved", Localized.Get("PublishedLayerUnserved"), features, Highlight: false);
    }

    private static ResultFeature Feature(ParkInfrastructure park, UtilityCoverage u, UnservedParcel parcel) => new(
        parcel.Geometry,
        parcel.Crs,
        parcel.AreaM2,
        "unserved",
        u.Required ? "warning" : "info",
        parcel.ParcelId,
        [
            new("park_id", park.ParkId),
            new("park_name", park.Name),
            new("utility", LayerRoles.Name(u.Utility)),
            new("utility_zh", LayerRoles.ChineseName(u.Utility)),
            new("required", u.Required),
            new("parcel_id", parcel.ParcelId),
            new("distance_m", double.IsFinite(parcel.GapM) ? Math.Round(parcel.GapM, 3, MidpointRounding.AwayFromZero) : null),
            new("service_distance_m", u.DistanceM),
            new("analysis_crs", parcel.Crs.Code),
        ]);
}
