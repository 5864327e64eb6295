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
        string[] header = ["园区", $"{baseline}亩均产值", $"{year}亩均产值", "增长", "+35%", "翻番", "亩均税收", "A/B/C/D", "未评价", "标准地不达标"];
        int[] widths = [28, 14, 14, 10, 7, 7, 10, 12, 8, 14];
        output.WriteLine(string.Concat(header.Select((h, i) => i == 0 ? TextWidth.PadRight(h, widths[i]) : TextWidth.PadLeft(h, widths[i]))));
        foreach (var park in result.Parks)
        {
            var p = park.OutputPerMu;
            string[] cells =
            [
                $"{park.ParkId} {park.Name}",
                F(p.Baseline, "0.0"),
                F(p.Current, "0.0"),
                F(p.Growth * 100, "+0.0;-0.0") + (p.Growth is null ? string.Empty : "%"),
                p.ReachedPlus35 is { } r35 ? (r35 ? "达到" : "未达") : "—",
                p.ReachedDouble is { } r2 ? (r2 ? "达到" : "未达") : "—",
                F(park.TaxPerMu, "0.00"),
                string.Join("/", GradeClassing.Letters.Select(l => park.GradeCounts[l].ToString(CultureInfo.InvariantCulture))),
                park.NotGraded.ToString(CultureInfo.InvariantCulture),
                park.StandardLandFailures.ToString(CultureInfo.InvariantCulture),
            ];
            output.WriteLine(string.Concat(cells.Select((c, i) => i == 0 ? TextWidth.PadRight(c, widths[i]) : TextWidth.PadLeft(c, widths[i]))));
        }

        var failures = result.Parcels.Count(p => p.FailsStandardLand);
        var checkedCount = result.Parcels.Count(p => p.StandardLandChecked);
        output.WriteLine();
        output.WriteLine($"标准地：{checkedCount} 宗工业用地已检查，{failures} 宗不达标。");
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

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
