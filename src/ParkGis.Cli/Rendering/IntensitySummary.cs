using System.Globalization;
using ParkGis.Core.Intensity;

namespace ParkGis.Cli.Rendering;

/// <summary>The stdout table of <c>parkgis intensity</c>: one row per park in Chinese, then what was not computed.</summary>
internal static class IntensitySummary
{
    public static void Write(TextWriter output, IntensityResult result, string destination)
    {
        var year = result.Year?.ToString(CultureInfo.InvariantCulture) ?? "—";
        var baseline = result.BaselineYear.ToString(CultureInfo.InvariantCulture);
        output.WriteLine($"亩均效益 {year}（基准年 {baseline}，金额 万元/亩，面积为实测平面面积）");
        var sameSet = result.Rules.GrowthBasis == GrowthBasis.SameSet;
        output.WriteLine(sameSet
            ? "增长为同口径：只比较两年都有产值的宗地（口径列为宗数；宗数少时增幅受个别企业影响大）；年度亩均产值见 intensity.json current_all_reporting"
            : "增长为各年申报口径：两年的宗地不一定相同");
        output.WriteLine($"亩均评价：{ScopeText(result.Rules.Scope)}排名，工业企业参评，公用设施企业不定等级，物流仓储企业不参评；"
            + (result.ScaleBasis is null ? "无营业收入（revenue_wan），规上规下未分开" : "规上、规下分组排名"));
        WriteTable(output, result.Parks.Select(p => ($"{p.ParkId} {p.Name}", p.OutputPerMu, p.TaxPerMu, p.GradeCounts, p.NotGraded, p.StandardLandFailures)).ToList(), baseline, year, "园区");
        output.WriteLine();
        WriteBanners(output, result);

        var failures = result.Parcels.Count(p => p.FailsStandardLand);
        var checkedCount = result.Parcels.Count(p => p.StandardLandChecked);
        output.WriteLine();
        var incomplete = result.Parcels.Count(p => p.StandardLandChecked && p.StandardLandPassed is null);
        var underStandardLand = result.Parcels.Count(p => p.Regime == StandardLandVersion.StandardLand);
        output.WriteLine($"控制指标/标准地：{checkedCount} 宗有建筑的工业用地已检查（按供地日期适用的指标，其中 {underStandardLand} 宗按标准地），{failures} 宗不达标，{incomplete} 宗无法判定（阈值未配置或容积率可能因层高超过8米加倍计算而达标）。");
        var notComputed = result.Parks.SelectMany(p => p.Indicators).Where(i => i.NotComputedReason is not null)
            .GroupBy(i => (i.ChineseName, i.NotComputedReason)).Select(g => $"  {g.Key.ChineseName}: {g.Key.NotComputedReason}").ToList();
        notComputed.AddRange(result.NotScored.Select(i => $"  {i.ChineseName}（评价）: {i.NotComputedReason}"));
        if (notComputed.Count > 0)
        {
            output.WriteLine("未计算:");
            foreach (var line in notComputed)
            {
                output.WriteLine(line);
            }
        }

        if (result.Issues.Count > 0)
        {
            output.WriteLine($"数据问题: {result.Issues.Count}（见 intensity.json data_issues）");
        }

        output.WriteLine($"结果: {destination}");
    }

    /// <summary>The 旗区 table: the same columns over each 旗区's parks.</summary>
    public static void WriteBanners(TextWriter output, IntensityResult result)
    {
        var year = result.Year?.ToString(CultureInfo.InvariantCulture) ?? "—";
        var baseline = result.BaselineYear.ToString(CultureInfo.InvariantCulture);
        WriteTable(output, result.Banners.Select(b => ($"{b.Banner}（{b.ParkIds.Count} 个园区）", b.OutputPerMu, b.TaxPerMu, b.GradeCounts, b.NotGraded, b.StandardLandFailures)).ToList(), baseline, year, "旗区");
    }

    private static void WriteTable(
        TextWriter output, List<(string Name, OutputPerMuProgress Progress, double? TaxPerMu, IReadOnlyDictionary<string, int> Grades, int NotGraded, int Failures)> rows,
        string baseline, string year, string title)
    {
        string[] header = [title, $"{baseline}亩均产值", $"{year}亩均产值", "增长", "口径", "+35%", "翻番", $"{year}年度亩均", "亩均税收", "A/B/C/D", "未评价", "标准地不达标"];
        int[] widths = [28, 14, 14, 10, 12, 7, 7, 14, 10, 12, 8, 14];
        output.WriteLine(string.Concat(header.Select((h, i) => i == 0 ? TextWidth.PadRight(h, widths[i]) : TextWidth.PadLeft(h, widths[i]))));
        foreach (var row in rows)
        {
            var p = row.Progress;
            string[] cells =
            [
                row.Name,
                F(p.Baseline, "0.0"),
                F(p.Current, "0.0"),
                F(p.Growth * 100, "+0.0;-0.0") + (p.Growth is null ? string.Empty : "%"),
                p.Basis == GrowthBasis.SameSet ? $"同口径{p.ComparedParcels.ToString(CultureInfo.InvariantCulture)}宗" : "各年申报",
                p.ReachedPlus35 is { } r35 ? (r35 ? "达到" : "未达") : "—",
                p.ReachedDouble is { } r2 ? (r2 ? "达到" : "未达") : "—",
                F(p.CurrentAllReporting, "0.0"),
                F(row.TaxPerMu, "0.00"),
                string.Join("/", GradeClassing.Letters.Select(l => row.Grades[l].ToString(CultureInfo.InvariantCulture))),
                row.NotGraded.ToString(CultureInfo.InvariantCulture),
                row.Failures.ToString(CultureInfo.InvariantCulture),
            ];
            output.WriteLine(string.Concat(cells.Select((c, i) => i == 0 ? TextWidth.PadRight(c, widths[i]) : TextWidth.PadLeft(c, widths[i]))));
        }
    }

    private static string ScopeText(GradingScope scope) => scope switch
    {
        GradingScope.City => "全市",
        GradingScope.Banner => "分旗区",
        _ => "分园区",
    };

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
