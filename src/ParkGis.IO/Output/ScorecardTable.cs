using System.Globalization;
using ParkGis.Core.Scorecard;

namespace ParkGis.IO.Output;

/// <summary>
/// The scorecard as a table of text cells with Chinese headers — what the CSV holds and what an HTML report can
/// render: 排名, 园区编号, 园区名称, 综合得分, 计分权重覆盖, then per indicator its value and score, then the
/// indicators not computed with the data each one needs.
/// </summary>
public static class ScorecardTable
{
    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Header() =>
    [
        "排名", "园区编号", "园区名称", "综合得分", "计分权重覆盖",
        .. ScorecardIndicators.All.SelectMany(k => new[] { ScorecardIndicators.ChineseName(k), ScorecardIndicators.ChineseName(k) + "得分" }),
        "未计算指标（缺少的数据）",
    ];

    /// <summary>One row of cells per park, in scorecard order. Shares as percentages with two decimals; empty cells for unknowns.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(ParkScorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return scorecard.Rows.Select(row => (IReadOnlyList<string>)
        [
            row.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            row.ParkId,
            row.Name,
            row.Composite is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty,
            row.WeightCovered.ToString("0.0%", CultureInfo.InvariantCulture),
            .. row.Cells.SelectMany(cell => new[] { Value(cell), cell.Score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty }),
            string.Join("；", row.Cells.Where(cell => cell.Value is null).Select(cell => $"{ScorecardIndicators.ChineseName(cell.Indicator)}：{cell.Missing}")),
        ]).ToList();
    }

    private static string Value(ScorecardCell cell) => cell.Value switch
    {
        null => string.Empty,
        { } v when ScorecardIndicators.IsShare(cell.Indicator) => (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };
}
