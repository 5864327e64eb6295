using ParkGis.Core.Data;
using ParkGis.Core.Idle;

namespace ParkGis.IO.Excel;

/// <summary>
/// The ledgers of <c>parkgis idle</c> (闲置土地台账): every idle parcel with the dataset's 用地单位, 坐落, 用途, 供地方式,
/// dates and 土地价款 beside ParkGis's finding (闲置原因, 闲置时长, 认定状态, 闲置费, 处置方式); the bureau's own
/// 认定状态 / 处置方式 columns when the parcels layer has them; and the totals per park and per 旗区.
/// </summary>
public static class IdleLedgers
{
    /// <summary>Sheet name of the parcel ledger.</summary>
    public const string ParcelSheet = "闲置土地台账";

    /// <summary>Sheet name of the park table.</summary>
    public const string ParkSheet = "园区闲置汇总";

    /// <summary>Sheet name of the banner table.</summary>
    public const string BannerSheet = "旗区闲置汇总";

    /// <summary>The ledgers.</summary>
    public static IReadOnlyList<LedgerSheet> Of(IdleLandResult result, SourceRecords parcels)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parcels);
        var recordedStatus = parcels.Has(LedgerFields.RecordedStatus);
        var recordedDisposal = parcels.Has(LedgerFields.RecordedDisposal);
        var columns = new List<LedgerColumn>
        {
            LedgerColumn.Text(FieldLabels.Header("parcel_id")), LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("enterprise")), LedgerColumn.Text(FieldLabels.Header("location")), LedgerColumn.Text(FieldLabels.Header("land_use")),
            LedgerColumn.Text(FieldLabels.Header("supply_method")), LedgerColumn.Date(FieldLabels.Header("supplied_on")), LedgerColumn.Date(FieldLabels.Header("agreed_start")), LedgerColumn.Date(FieldLabels.Header("actual_start")),
            LedgerColumn.Date(FieldLabels.Header("halted_since")), LedgerColumn.Number(FieldLabels.Header("area_ha"), 4), LedgerColumn.Number(FieldLabels.Header("area_mu")), LedgerColumn.Number(FieldLabels.Header("land_price_wan")),
            LedgerColumn.Text(FieldLabels.Header("cause")), LedgerColumn.Text("闲置类型"), LedgerColumn.Integer(FieldLabels.Header("idle_days")), LedgerColumn.Number("闲置时长（年）"),
            LedgerColumn.Text(FieldLabels.Header("status")),
        };
        if (recordedStatus)
        {
            columns.Add(LedgerColumn.Text(FieldLabels.Header("idle_status")));
        }

        columns.AddRange([LedgerColumn.Number(FieldLabels.Header("idle_fee_wan"), 4), LedgerColumn.Text(FieldLabels.Header("reclaim_eligible")), LedgerColumn.Text("处置方式"), LedgerColumn.Text(FieldLabels.Header("disposal_article"))]);
        if (recordedDisposal)
        {
            columns.Add(LedgerColumn.Text(FieldLabels.Header("disposal")));
        }

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var parcel in result.Parcels.Where(p => IdleStatuses.IsIdle(p.Verdict.Status)))
        {
            var id = parcel.ParcelId;
            var v = parcel.Verdict;
            var row = new List<object?>
            {
                id, parcel.ParkId, parcels.Text(id, LedgerFields.Enterprise), parcels.Text(id, LedgerFields.Location), parcels.Text(id, LedgerFields.LandUse),
                parcels.Text(id, ParcelFields.SupplyMethod), parcels.Date(id, ParcelFields.SuppliedOn), parcels.Date(id, ParcelFields.AgreedStart),
                parcels.Date(id, ParcelFields.ActualStart), parcels.Date(id, ParcelFields.HaltedSince),
                SupplyLedgers.Ha(parcel.AreaM2), SupplyLedgers.Mu(parcel.AreaM2), parcels.Number(id, ParcelFields.LandPriceWan),
                Cause(v), v.Kind switch { IdleStatuses.Unstarted => "未动工开发", IdleStatuses.Halted => "中止开发建设", _ => null },
                v.IdleDays, Math.Round(v.IdleDays / 365.0, 2), IdleStatuses.ChineseName(v.Status),
            };
            if (recordedStatus)
            {
                row.Add(parcels.Text(id, LedgerFields.RecordedStatus));
            }

            row.AddRange([v.IdleFeeWan is { } fee ? Math.Round(fee, 4) : null, v.ReclaimEligible ? "是" : "否",
                v.Disposal is { } d ? string.Join("；", d.Measures) : null, v.Disposal?.Article]);
            if (recordedDisposal)
            {
                row.Add(parcels.Text(id, LedgerFields.RecordedDisposal));
            }

            rows.Add(row);
        }

        return
        [
            new LedgerSheet(ParcelSheet, columns, rows),
            new LedgerSheet(ParkSheet, SummaryColumns(withPark: true), result.Parks.Select(p => SummaryRow(p, withPark: true)).ToList()),
            new LedgerSheet(BannerSheet, SummaryColumns(withPark: false), result.Banners.Select(p => SummaryRow(p, withPark: false)).ToList()),
        ];
    }

    private static string? Cause(IdleVerdict v) => v.Cause switch
    {
        IdleStatuses.EnterpriseCause => "企业原因",
        IdleStatuses.GovernmentCause => v.GovernmentCauseItem is { } item ? (item == GovernmentCauses.ForceMajeure ? "不可抗力（第八条）" : $"政府原因（第八条第{item}项）") : "政府原因（第八条）",
        _ => null,
    };

    private static LedgerColumn[] SummaryColumns(bool withPark) =>
    [
        .. withPark ? new[] { LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("park_name")) } : [], LedgerColumn.Text(FieldLabels.Header("banner")),
        LedgerColumn.Integer("闲置宗数"), LedgerColumn.Number("闲置面积（公顷）", 4), LedgerColumn.Number("闲置面积（亩）"),
        LedgerColumn.Integer("企业原因宗数"), LedgerColumn.Integer("政府原因宗数"), LedgerColumn.Number(FieldLabels.Header("idle_fee_wan"), 4),
        LedgerColumn.Integer("可无偿收回宗数"), LedgerColumn.Number("可无偿收回面积（亩）"),
        LedgerColumn.Integer("供而未用宗数"), LedgerColumn.Number("供而未用面积（亩）"), LedgerColumn.Integer("无法认定宗数"),
        LedgerColumn.Number(FieldLabels.Header("supplied_ha"), 4), LedgerColumn.Percent("闲置率"),
    ];

    private static IReadOnlyList<object?> SummaryRow(IdleParkSummary s, bool withPark) =>
    [
        .. withPark ? new object?[] { s.ParkId, s.Name } : [], s.Banner,
        s.IdleParcels, SupplyLedgers.Ha(s.IdleAreaM2), SupplyLedgers.Mu(s.IdleAreaM2),
        s.ByEnterprise.Parcels, s.ByGovernment.Parcels, Math.Round(s.IdleFeeWan, 4),
        s.ReclaimParcels, SupplyLedgers.Mu(s.ReclaimAreaM2),
        s.SuppliedNotStartedParcels, SupplyLedgers.Mu(s.SuppliedNotStartedAreaM2), s.UnknownParcels,
        SupplyLedgers.Ha(s.SuppliedAreaM2), s.IdleRate,
    ];
}
