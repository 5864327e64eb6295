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

    /// <summary>
    /// One row per 旗区 after the parks (docs/rules.md#scorecard-banners): 园区编号 <c>旗区</c>, the 旗区 in 园区名称,
    /// no rank, composite or scores; the indicators that add up over parks, and in the last column whether its
    /// window supply rate is under the yardstick.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> BannerRows(IReadOnlyList<ScorecardBanner> banners)
    {
        ArgumentNullException.ThrowIfNull(banners);
        return banners.Select(banner => (IReadOnlyList<string>)
        [
            string.Empty,
            "旗区",
            banner.Banner,
            string.Empty,
            string.Empty,
            .. ScorecardIndicators.All.SelectMany(k => new[] { Value(k, BannerValue(banner, k)), string.Empty }),
            banner.Supply?.Window.BelowYardstick == true
                ? string.Create(CultureInfo.InvariantCulture, $"旗区合计（{banner.ParkIds.Count} 个园区），不排名；近五年供地率低于 {banner.Supply.Window.YardstickRate:P0}")
                : string.Create(CultureInfo.InvariantCulture, $"旗区合计（{banner.ParkIds.Count} 个园区），不排名"),
        ]).ToList();
    }

    private static double? BannerValue(ScorecardBanner banner, string key) => key switch
    {
        ScorecardIndicators.ConflictAreaHa => banner.ConflictAreaHa,
        ScorecardIndicators.ConflictPatches => banner.ConflictPatches,
        ScorecardIndicators.SupplyRate => banner.Supply?.Window.SupplyRate,
        ScorecardIndicators.IdleRate => banner.Idle?.IdleRate,
        ScorecardIndicators.IdleFeesWan => banner.Idle?.IdleFeeWan,
        ScorecardIndicators.OutputPerMuWan => banner.Intensity?.OutputPerMu.CurrentAllReporting,
        ScorecardIndicators.TaxPerMuWan => banner.Intensity?.TaxPerMu,
        ScorecardIndicators.OutputPerMuProgress => banner.Intensity?.OutputPerMu.Growth,
        ScorecardIndicators.StandardLandFailures => banner.Intensity?.StandardLandFailures,
        _ => null,
    };

    private static string Value(ScorecardCell cell) => Value(cell.Indicator, cell.Value);

    private static string Value(string indicator, double? value) => value switch
    {
        null => string.Empty,
        { } v when ScorecardIndicators.IsShare(indicator) => (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };
}
