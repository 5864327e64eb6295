using ParkGis.Core.Crs;
using ParkGis.Core.Idle;
using ParkGis.Core.Measures;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>idle.geojson</c>: the idle and government-delay parcels (闲置土地及政府原因延迟宗地) as RFC 7946
/// features (lon/lat) with their status, idle days, fee, reclaim flag and area, in parcel order.
/// </summary>
public static class IdleGeoJsonWriter
{
    /// <summary>Writes the file.</summary>
    public static void Write(string path, IdleLandResult result, int decimals = 7)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lonLat = CrsRegistry.FromEpsg(4326) ?? throw new InvalidOperationException("EPSG:4326 is not registered.");
        var features = result.Parcels
            .Where(p => p.Geometry is not null && (IdleStatuses.IsIdle(p.Verdict.Status) || p.Verdict.Status == IdleStatus.GovernmentDelay))
            .Select(p => new GeoJsonFeature(CrsTransform.Create(p.SourceCrs, lonLat).Apply(p.Geometry!),
            [
                new("parcel_id", p.ParcelId),
                new("park_id", p.ParkId),
                new("status", IdleStatuses.Name(p.Verdict.Status)),
                new("status_zh", IdleStatuses.ChineseName(p.Verdict.Status)),
                new("idle_days", p.Verdict.IdleDays),
                new("idle_fee_wan", p.Verdict.IdleFeeWan is { } fee ? SupplyJsonWriter.Round(fee, 4) : null),
                new("reclaim_eligible", p.Verdict.ReclaimEligible),
                new("area_m2", SupplyJsonWriter.Round(p.AreaM2, 3)),
                new("area_mu", SupplyJsonWriter.Round(AreaUnits.ToMu(p.AreaM2), 4)),
            ]));
        new Rfc7946Writer(decimals).Write(path, features);
    }
}
