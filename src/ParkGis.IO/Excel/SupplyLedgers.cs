using ParkGis.Core.Data;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;

namespace ParkGis.IO.Excel;

/// <summary>
/// The ledgers of <c>parkgis supply</c> (批供台账): 批而未供 per batch with the approvals layer's 批次名称 / 电子监管号,
/// 未批先供 parcels with the parcels layer's 用地单位 / 坐落 / 用途 / 供地方式, and the supply per park and per 旗区.
/// Areas in 公顷 and 亩 rounded to 1e-6 as the JSON rounds them.
/// </summary>
public static class SupplyLedgers
{
    /// <summary>Sheet name of the batch ledger.</summary>
    public const string BatchSheet = "批而未供台账";

    /// <summary>Sheet name of the 未批先供 ledger.</summary>
    public const string UnapprovedSheet = "未批先供台账";

    /// <summary>Sheet name of the park table.</summary>
    public const string ParkSheet = "园区供地汇总";

    /// <summary>Sheet name of the banner table.</summary>
    public const string BannerSheet = "旗区供地汇总";

    /// <summary>The ledgers.</summary>
    public static IReadOnlyList<LedgerSheet> Of(SupplyLedgerResult result, SourceRecords approvals, SourceRecords parcels)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(parcels);
        LedgerColumn[] batchColumns =
        [
            LedgerColumn.Text(FieldLabels.Header("batch_id")), LedgerColumn.Text(FieldLabels.Header("batch_name")), LedgerColumn.Text(FieldLabels.Header("approval_no")), LedgerColumn.Text(FieldLabels.Header("supervision_no")),
            LedgerColumn.Date(FieldLabels.Header("approved_on")), LedgerColumn.Text(FieldLabels.Header("banner")),
            LedgerColumn.Number(FieldLabels.Header("approved_ha"), 4), LedgerColumn.Number(FieldLabels.Header("supplied_ha"), 4), LedgerColumn.Number(FieldLabels.Header("unsupplied_ha"), 4),
            LedgerColumn.Number(FieldLabels.Header("approved_mu")), LedgerColumn.Number(FieldLabels.Header("supplied_mu")), LedgerColumn.Number(FieldLabels.Header("unsupplied_mu")),
            LedgerColumn.Percent(FieldLabels.Header("supply_rate")), LedgerColumn.Text(FieldLabels.Header("analysis_crs")),
        ];
        var batches = result.Batches.Select(b => (IReadOnlyList<object?>)
        [
            b.BatchId, approvals.Text(b.BatchId, LedgerFields.BatchName), b.ApprovalNo, approvals.Text(b.BatchId, LedgerFields.SupervisionNo),
            b.ApprovedOn, b.Banner,
            Ha(b.ApprovedM2), Ha(b.SuppliedM2), Ha(b.UnsuppliedM2), Mu(b.ApprovedM2), Mu(b.SuppliedM2), Mu(b.UnsuppliedM2),
            b.SupplyRate, b.Crs.Code,
        ]).ToList();

        LedgerColumn[] unapprovedColumns =
        [
            LedgerColumn.Text(FieldLabels.Header("parcel_id")), LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("enterprise")), LedgerColumn.Text(FieldLabels.Header("location")), LedgerColumn.Text(FieldLabels.Header("land_use")),
            LedgerColumn.Text(FieldLabels.Header("supply_method")), LedgerColumn.Date(FieldLabels.Header("supplied_on")), LedgerColumn.Text(FieldLabels.Header("supervision_no")),
            LedgerColumn.Number("未批先供面积（公顷）", 4), LedgerColumn.Number("未批先供面积（亩）"), LedgerColumn.Text(FieldLabels.Header("analysis_crs")),
        ];
        var unapproved = result.Unapproved.Select(u => (IReadOnlyList<object?>)
        [
            u.ParcelId, u.ParkId, parcels.Text(u.ParcelId, LedgerFields.Enterprise), parcels.Text(u.ParcelId, LedgerFields.Location),
            parcels.Text(u.ParcelId, LedgerFields.LandUse), parcels.Text(u.ParcelId, Core.Idle.ParcelFields.SupplyMethod), u.SuppliedOn,
            parcels.Text(u.ParcelId, LedgerFields.SupervisionNo), Ha(u.AreaM2), Mu(u.AreaM2), u.Crs.Code,
        ]).ToList();

        return
        [
            new LedgerSheet(BatchSheet, batchColumns, batches),
            new LedgerSheet(UnapprovedSheet, unapprovedColumns, unapproved),
            new LedgerSheet(ParkSheet, AreaColumns(FieldLabels.Header("park_id"), withName: true), result.Parks.Select(p => AreaRow(p, withName: true)).ToList()),
            new LedgerSheet(BannerSheet, AreaColumns(FieldLabels.Header("banner"), withName: false), result.Banners.Select(p => AreaRow(p, withName: false)).ToList()),
        ];
    }

    private static LedgerColumn[] AreaColumns(string idHeader, bool withName) =>
    [
        LedgerColumn.Text(idHeader), .. withName ? new[] { LedgerColumn.Text(FieldLabels.Header("park_name")), LedgerColumn.Text(FieldLabels.Header("banner")) } : [],
        LedgerColumn.Number(FieldLabels.Header("approved_ha"), 4), LedgerColumn.Number(FieldLabels.Header("supplied_ha"), 4), LedgerColumn.Number(FieldLabels.Header("unsupplied_ha"), 4),
        LedgerColumn.Number(FieldLabels.Header("approved_mu")), LedgerColumn.Number(FieldLabels.Header("supplied_mu")), LedgerColumn.Number(FieldLabels.Header("unsupplied_mu")),
        LedgerColumn.Percent(FieldLabels.Header("supply_rate")),
    ];

    private static IReadOnlyList<object?> AreaRow(AreaSupply a, bool withName) =>
    [
        a.Id, .. withName ? new object?[] { a.Name, a.Banner } : [],
        Ha(a.ApprovedM2), Ha(a.SuppliedM2), Ha(a.UnsuppliedM2), Mu(a.ApprovedM2), Mu(a.SuppliedM2), Mu(a.UnsuppliedM2), a.SupplyRate,
    ];

    /// <summary>公顷 of an area in m², rounded to 1e-6 as the JSON writes it.</summary>
    internal static double Ha(double m2) => Output.JsonOutput.Round(AreaUnits.ToHectares(m2));

    /// <summary>亩 of an area in m², rounded to 1e-6 as the JSON writes it.</summary>
    internal static double Mu(double m2) => Output.JsonOutput.Round(AreaUnits.ToMu(m2));
}
