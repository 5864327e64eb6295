using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Data;
using ParkGis.Core.Localization;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Publishing;

/// <summary>
/// Publishes a <see cref="SupplyLedgerResult"/>: the 批而未供 land per batch and the land supplied without approval
/// (未批先供) as layers, the supply table per park, and the 供地率 per park for the report's chart.
/// </summary>
public static class SupplyResults
{
    /// <summary>
    /// The <c>unsupplied</c> layer: one feature per batch with land left unsupplied (批而未供) — its polygons of at least
    /// the minimum area; the areas are the batch's whole 批而未供, slivers included.
    /// </summary>
    public static ResultLayer Unsupplied(SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Each batch's land is an overlay of its own, made on first use: all of them on all cores first.
        var listed = result.Batches.Where(b => MayHoldListedLand(b, result.Options.MinAreaM2)).ToList();
        Parallel.ForEach(listed, new ParallelOptions { CancellationToken = result.Cancellation }, b => _ = b.Unsupplied);
        var features = new List<ResultFeature>();
        foreach (var b in listed)
        {
            var parts = LayerOverlay.PolygonParts(b.Unsupplied).Where(p => p.Area >= result.Options.MinAreaM2).ToList();
            if (parts.Count == 0)
            {
                continue;
            }

            Geometry geometry = parts.Count == 1 ? parts[0] : parts[0].Factory.CreateMultiPolygon([.. parts]);
            features.Add(new ResultFeature(
                geometry,
                b.Crs,
                b.UnsuppliedM2,
                "unsupplied",
                "warning",
                b.BatchId,
                [
                    new("batch_id", b.BatchId),
                    new("approval_no", b.ApprovalNo),
                    new("approved_on", PublishedValues.Date(b.ApprovedOn)),
                    new("banner", b.Banner),
                    new("unsupplied_m2", PublishedValues.Round(b.UnsuppliedM2, 3)),
                    new("unsupplied_mu", PublishedValues.Round(AreaUnits.ToMu(b.UnsuppliedM2), 4)),
                    new("unsupplied_ha", PublishedValues.Round(AreaUnits.ToHectares(b.UnsuppliedM2), 6)),
                    new("approved_m2", PublishedValues.Round(b.ApprovedM2, 3)),
                    new("supply_rate", PublishedValues.Round(b.SupplyRate, 6)),
                    new("as_of", PublishedValues.Date(result.AsOf)),
                    new("analysis_crs", b.Crs.Code),
                ]));
        }

        return new ResultLayer("unsupplied", Localized.Get("PublishedLayerUnsupplied"), features, Highlight: false);
    }

    /// <summary>
    /// Whether a batch's 批而未供 land may hold a polygon of at least <paramref name="minAreaM2"/>. Its pieces of supplied
    /// parcels lie inside the batch, so the land's polygons add up to the batch's area less their union's
    /// (<see cref="BatchSupply.UnsuppliedM2"/>) but for overlay rounding — a millionth of the batch's area is far above
    /// it. A batch whose remainder is below the minimum by that margin (one supplied whole) lists nothing, and its
    /// overlay is never made.
    /// </summary>
    internal static bool MayHoldListedLand(BatchSupply batch, double minAreaM2) =>
        batch.UnsuppliedM2 + (1e-6 * batch.ApprovedM2) >= minAreaM2;

    /// <summary>The <c>unapproved_supply</c> layer: the land of each listed parcel outside every approval batch (未批先供).</summary>
    public static ResultLayer UnapprovedSupply(SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var features = result.Unapproved
            .Select(u => new ResultFeature(
                u.Geometry,
                u.Crs,
                u.AreaM2,
                "unapproved_supply",
                "error",
                u.ParcelId,
                [
                    new("parcel_id", u.ParcelId),
                    new("park_id", u.ParkId),
                    new("supplied_on", PublishedValues.Date(u.SuppliedOn)),
                    new("as_of", PublishedValues.Date(result.AsOf)),
                    new("analysis_crs", u.Crs.Code),
                ]))
            .ToList();
        return new ResultLayer("unapproved_supply", Localized.Get("PublishedLayerUnapprovedSupply"), features, Highlight: true);
    }

    /// <summary>One row per park: approved, supplied and unsupplied land in 亩 and the supply rate.</summary>
    public static FindingsTable Table(SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Parks.Select(p => (IReadOnlyList<string>)
        [
            p.Id, p.Name, Mu(p.ApprovedM2), Mu(p.SuppliedM2), Mu(p.UnsuppliedM2),
            p.SupplyRate is { } rate ? rate.ToString("P1", CultureInfo.InvariantCulture) : "—",
        ]).ToList();
        var title = Localized.Format("TableSupplyTitle", PublishedValues.Date(result.AsOf));
        return new FindingsTable(title, [
            FieldLabels.Label("park_id")!, FieldLabels.Label("park_name")!, Localized.Get("TableApprovedMu"), Localized.Get("TableSuppliedMu"),
            Localized.Get("TableUnsuppliedMu"), Localized.Get("TableSupplyRate"),
        ], rows);
    }

    /// <summary>供地率 per park over all approved land inside it, for the chart.</summary>
    public static IReadOnlyList<ParkSupplyRate> Rates(SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Parks.Select(p => new ParkSupplyRate(p.Id, p.Name, p.ApprovedM2, p.SuppliedM2)).ToList();
    }

    private static string Mu(double areaM2) => AreaUnits.ToMu(areaM2).ToString("0.00", CultureInfo.InvariantCulture);
}
