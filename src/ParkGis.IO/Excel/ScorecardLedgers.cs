using ParkGis.Core.Data;
using ParkGis.Core.Scorecard;

namespace ParkGis.IO.Excel;

/// <summary>
/// The ledger of <c>parkgis scorecard</c> (年度评价表): one row per park in scorecard order — rank, composite score,
/// weight covered, each indicator's value (shares as percentages, stored as 0–1 numbers) and score, and the indicators
/// not computed with the data each one needs.
/// </summary>
public static class ScorecardLedgers
{
    /// <summary>Sheet name of the park table.</summary>
    public const string ParkSheet = "园区年度评价";

    /// <summary>The ledgers.</summary>
    public static IReadOnlyList<LedgerSheet> Of(ParkScorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var columns = new List<LedgerColumn>
        {
            LedgerColumn.Integer("排名"), LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("park_name")), LedgerColumn.Number("综合得分"), LedgerColumn.Percent("计分权重覆盖"),
        };
        foreach (var key in ScorecardIndicators.All)
        {
            columns.Add(ScorecardIndicators.IsShare(key) ? LedgerColumn.Percent(ScorecardIndicators.ChineseName(key)) : LedgerColumn.Number(ScorecardIndicators.ChineseName(key), 4));
            columns.Add(LedgerColumn.Number(ScorecardIndicators.ChineseName(key) + "得分"));
        }

        columns.Add(LedgerColumn.Text("未计算指标（缺少的数据）"));
        var rows = scorecard.Rows.Select(row => (IReadOnlyList<object?>)
        [
            row.Rank, row.ParkId, row.Name, row.Composite is { } c ? Math.Round(c, 2) : null, row.WeightCovered,
            .. ScorecardIndicators.All.SelectMany(key => row.Cells.FirstOrDefault(cell => cell.Indicator == key) is { } cell
                ? new object?[] { cell.Value, cell.Score is { } s ? Math.Round(s, 2) : null }
                : new object?[] { null, null }),
            string.Join("；", row.Cells.Where(cell => cell.Value is null).Select(cell => $"{ScorecardIndicators.ChineseName(cell.Indicator)}：{cell.Missing}")),
        ]).ToList();
        return [new LedgerSheet(ParkSheet, columns, rows)];
    }
}
