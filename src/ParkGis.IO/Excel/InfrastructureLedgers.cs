using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;

namespace ParkGis.IO.Excel;

/// <summary>
/// The ledgers of <c>parkgis infrastructure</c> (九通一平): one row per supplied parcel a required network does not
/// reach (未覆盖宗地台账) with its gap to the network and the dataset's 用地单位, and one row per park with the coverage
/// of every network.
/// </summary>
public static class InfrastructureLedgers
{
    /// <summary>Sheet name of the unserved-parcel ledger.</summary>
    public const string UnservedSheet = "未覆盖宗地台账";

    /// <summary>Sheet name of the park table.</summary>
    public const string ParkSheet = "园区配套汇总";

    /// <summary>The ledgers.</summary>
    public static IReadOnlyList<LedgerSheet> Of(InfrastructureResult result, SourceRecords parcels)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parcels);
        LedgerColumn[] unservedColumns =
        [
            LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("park_name")), LedgerColumn.Text(FieldLabels.Header("utility_zh")), LedgerColumn.Text(FieldLabels.Header("parcel_id")), LedgerColumn.Text(FieldLabels.Header("enterprise")),
            LedgerColumn.Number("宗地面积（亩）"), LedgerColumn.Number(FieldLabels.Header("distance_m"), 1), LedgerColumn.Number(FieldLabels.Header("service_distance_m"), 0),
        ];
        var unserved = new List<IReadOnlyList<object?>>();
        foreach (var park in result.Parks)
        {
            foreach (var utility in park.Utilities)
            {
                unserved.AddRange(utility.Unserved.Select(u => (IReadOnlyList<object?>)
                [
                    park.ParkId, park.Name, LayerRoles.ChineseName(utility.Utility), u.ParcelId, parcels.Text(u.ParcelId, LedgerFields.Enterprise),
                    SupplyLedgers.Mu(u.AreaM2), Math.Round(u.GapM, 1), utility.DistanceM,
                ]));
            }
        }

        var utilities = result.Parks.SelectMany(p => p.Utilities.Select(u => u.Utility)).Distinct().ToList();
        var parkColumns = new List<LedgerColumn>
        {
            LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("park_name")), LedgerColumn.Integer("已供宗地数"), LedgerColumn.Number(FieldLabels.Header("supplied_mu")),
        };
        parkColumns.AddRange(utilities.Select(u => LedgerColumn.Percent(LayerRoles.ChineseName(u) + "覆盖率")));
        parkColumns.AddRange([LedgerColumn.Percent("平均覆盖率"), LedgerColumn.Text("管网达标"), LedgerColumn.Text(FieldLabels.Header("levelled")), LedgerColumn.Text("九通一平达标")]);
        var parks = result.Parks.Select(p => (IReadOnlyList<object?>)
        [
            p.ParkId, p.Name, p.SuppliedParcels, SupplyLedgers.Mu(p.SuppliedAreaM2),
            .. utilities.Select(u => (object?)p.Utilities.FirstOrDefault(c => c.Utility == u)?.Coverage),
            p.MeanCoverage, YesNo(p.MeetsNetworks), YesNo(p.Levelled), YesNo(p.MeetsAll),
        ]).ToList();
        return [new LedgerSheet(UnservedSheet, unservedColumns, unserved), new LedgerSheet(ParkSheet, parkColumns, parks)];
    }

    private static string YesNo(bool? value) => value switch { true => "是", false => "否", null => "无法判断" };
}
