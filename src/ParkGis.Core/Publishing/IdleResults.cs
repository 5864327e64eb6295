using System.Globalization;
using ParkGis.Core.Data;
using ParkGis.Core.Idle;
using ParkGis.Core.Localization;
using ParkGis.Core.Measures;

namespace ParkGis.Core.Publishing;

/// <summary>Publishes an <see cref="IdleLandResult"/>: idle parcels (every cause) as the <c>idle</c> layer, and a table per park.</summary>
public static class IdleResults
{
    /// <summary>The <c>idle</c> layer: parcels that are idle (闲置土地), government-caused ones as warnings (no fee, 第十二条).</summary>
    public static ResultLayer Layer(IdleLandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var features = result.Parcels
            .Where(p => IdleStatuses.IsIdle(p.Verdict.Status))
            .Select(p => new ResultFeature(
                p.Geometry,
                p.SourceCrs,
                p.AreaM2,
                IdleStatuses.Name(p.Verdict.Status),
                p.Verdict.Status == IdleStatus.GovernmentDelay ? "warning" : "error",
                p.ParcelId,
                [
                    new("parcel_id", p.ParcelId),
                    new("park_id", p.ParkId),
                    new("status", IdleStatuses.Name(p.Verdict.Status)),
                    new("status_zh", IdleStatuses.ChineseName(p.Verdict.Status)),
                    new("idle_days", p.Verdict.IdleDays),
                    new("idle_fee_wan", PublishedValues.Round(p.Verdict.IdleFeeWan, 4)),
                    new("reclaim_eligible", p.Verdict.ReclaimEligible),
                    new("cause", p.Verdict.Cause),
                    new("kind", p.Verdict.Kind),
                    new("disposal_article", p.Verdict.Disposal?.Article),
                    new("as_of", PublishedValues.Date(result.AsOf)),
                ]))
            .ToList();
        return new ResultLayer("idle", Localized.Get("PublishedLayerIdle"), features, Highlight: true);
    }

    /// <summary>One row per park: idle parcels, area in 亩, fees in 万元, reclaimable parcels, 供而未用.</summary>
    public static FindingsTable Table(IdleLandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Parks.Select(p => (IReadOnlyList<string>)
        [
            p.ParkId, p.Name, Count(p.IdleParcels), Mu(p.IdleAreaM2), p.IdleFeeWan.ToString("0.00", CultureInfo.InvariantCulture),
            Count(p.ReclaimParcels), Count(p.GovernmentDelayParcels), Count(p.SuppliedNotStartedParcels),
        ]).ToList();
        var title = Localized.Format("TableIdleTitle", PublishedValues.Date(result.AsOf));
        return new FindingsTable(title, [
            FieldLabels.Label("park_id")!, FieldLabels.Label("park_name")!, Localized.Get("TableIdleParcels"), Localized.Get("TableIdleMu"),
            Localized.Get("TableIdleFeeWan"), Localized.Get("TableReclaimParcels"), Localized.Get("TableGovernmentCause"), Localized.Get("TableSuppliedNotStarted"),
        ], rows);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Mu(double areaM2) => AreaUnits.ToMu(areaM2).ToString("0.00", CultureInfo.InvariantCulture);
}
