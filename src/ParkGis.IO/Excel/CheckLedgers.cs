using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;

namespace ParkGis.IO.Excel;

/// <summary>
/// The ledgers of <c>parkgis check</c> (冲突图斑台账): one row per conflict patch (the patches of check.json and
/// conflicts.geojson, in their order) and one row per park and conflict kind with its totals.
/// </summary>
public static class CheckLedgers
{
    /// <summary>Sheet name of the patch ledger.</summary>
    public const string PatchSheet = "冲突图斑台账";

    /// <summary>Sheet name of the park table.</summary>
    public const string ParkSheet = "园区冲突汇总";

    /// <summary>The ledgers.</summary>
    public static IReadOnlyList<LedgerSheet> Of(ConflictCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        LedgerColumn[] patchColumns =
        [
            LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("park_name")), LedgerColumn.Text(FieldLabels.Header("kind_zh")), LedgerColumn.Text(FieldLabels.Header("severity")), LedgerColumn.Integer("图斑序号"),
            LedgerColumn.Number(FieldLabels.Header("area_m2")), LedgerColumn.Number(FieldLabels.Header("area_ha"), 4), LedgerColumn.Number(FieldLabels.Header("area_mu")),
            LedgerColumn.Text(FieldLabels.Header("source_ids")), LedgerColumn.Text(FieldLabels.Header("analysis_crs")),
        ];
        var patches = new List<IReadOnlyList<object?>>();
        foreach (var park in result.Parks)
        {
            var n = 0;
            foreach (var patch in park.Patches)
            {
                patches.Add(
                [
                    park.ParkId, park.Name, ConflictKinds.ChineseName(patch.Kind), ConflictKinds.Severity(patch.Kind) == "error" ? "禁止占用" : "需协调", ++n,
                    Math.Round(patch.AreaM2, 6), SupplyLedgers.Ha(patch.AreaM2), SupplyLedgers.Mu(patch.AreaM2),
                    string.Join("、", patch.SourceIds), patch.Crs.Code,
                ]);
            }
        }

        LedgerColumn[] parkColumns =
        [
            LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("park_name")), LedgerColumn.Number("园区面积（公顷）", 4), LedgerColumn.Text(FieldLabels.Header("kind_zh")),
            LedgerColumn.Text("是否检查"), LedgerColumn.Integer("图斑数"), LedgerColumn.Number("冲突面积（公顷）", 4), LedgerColumn.Number("冲突面积（亩）"),
            LedgerColumn.Integer("未计入碎图斑数"), LedgerColumn.Number("未计入碎图斑面积（平方米）"),
        ];
        var parks = new List<IReadOnlyList<object?>>();
        foreach (var park in result.Parks)
        {
            foreach (var kind in ConflictKinds.All)
            {
                var tally = park.Conflicts.TryGetValue(kind, out var t) ? t : ConflictTally.NotChecked;
                parks.Add(
                [
                    park.ParkId, park.Name, SupplyLedgers.Ha(park.AreaM2), ConflictKinds.ChineseName(kind), tally.Checked ? "是" : "否（缺图层）",
                    tally.Patches, SupplyLedgers.Ha(tally.AreaM2), SupplyLedgers.Mu(tally.AreaM2), tally.SuppressedCount, Math.Round(tally.SuppressedAreaM2, 6),
                ]);
            }
        }

        return [new LedgerSheet(PatchSheet, patchColumns, patches), new LedgerSheet(ParkSheet, parkColumns, parks)];
    }
}
