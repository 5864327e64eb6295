using System.Globalization;
using ParkGis.Core.Data;
using ParkGis.Core.Infrastructure;
using ParkGis.Core.Measures;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis infrastructure</c>: one line per park with the coverage of each network.</summary>
internal static class InfrastructureSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, InfrastructureResult result, string outputFolder)
    {
        var met = result.Parks.Count(p => p.MeetsAll == true);
        stdout.WriteLine(Invariant($"九通一平覆盖 — {result.Parks.Count} 个园区，{met} 个达到九通一平（覆盖率 = 服务距离内的已供/已建宗地面积占比，达标线 {result.Options.MinCoverage:P0}）"));
        stdout.WriteLine("服务距离（米）：" + string.Join("，", UtilityNetworks.All.Select(u => Invariant($"{LayerRoles.ChineseName(u)} {result.Options.DistanceM(u):0.###}"))));
        stdout.WriteLine();
        var header = TextWidth.PadRight("园区", 30) + TextWidth.PadLeft("已供宗地", 10)
            + string.Concat(UtilityNetworks.All.Select(u => TextWidth.PadLeft(LayerRoles.ChineseName(u), 9)))
            + TextWidth.PadLeft("一平", 8) + TextWidth.PadLeft("九通一平", 10);
        stdout.WriteLine(header);
        foreach (var park in result.Parks)
        {
            var title = string.IsNullOrEmpty(park.Name) ? park.ParkId : $"{park.ParkId} {park.Name}";
            var line = TextWidth.PadRight(title, 30) + TextWidth.PadLeft(Invariant($"{park.SuppliedParcels}"), 10);
            foreach (var utility in park.Utilities)
            {
                var cell = !utility.LayerPresent ? "无图层"
                    : !utility.Required ? "不适用"
                    : utility.Coverage is { } c ? Invariant($"{c * 100:0.0}%") + (utility.Meets == true ? string.Empty : "✗")
                    : "—";
                line += TextWidth.PadLeft(cell, 9);
            }

            line += TextWidth.PadLeft(Flag(park.Levelled, "是", "否"), 8) + TextWidth.PadLeft(Flag(park.MeetsAll, "达标", "未达标"), 10);
            stdout.WriteLine(line);
        }

        stdout.WriteLine();
        stdout.WriteLine("✗ = 未达覆盖标准；不适用 = 园区无蒸汽管网；无图层 = 数据集缺该管网图层；一平 — = 未声明（parkgis.json parks.<id>.levelled）");
        foreach (var park in result.Parks)
        {
            var none = park.Utilities.Where(u => u.Required && u.Coverage == 0).Select(u => LayerRoles.ChineseName(u.Utility)).ToList();
            if (none.Count > 0)
            {
                stdout.WriteLine(Invariant($"  {park.ParkId} 无管网覆盖：{string.Join("、", none)}（全部 {park.SuppliedParcels} 宗未覆盖）"));
            }

            foreach (var utility in park.Utilities.Where(u => u.Required && u.Unserved.Count > 0 && u.Coverage > 0))
            {
                var area = utility.Unserved.Sum(u => u.AreaM2);
                var ids = string.Join("、", utility.Unserved.Take(8).Select(u => u.ParcelId)) + (utility.Unserved.Count > 8 ? " …" : string.Empty);
                stdout.WriteLine(Invariant($"  {park.ParkId} {LayerRoles.ChineseName(utility.Utility)}未覆盖 {utility.Unserved.Count} 宗 {AreaUnits.ToHectares(area):N2} 公顷：{ids}"));
            }
        }

        if (result.Issues.Count > 0)
        {
            stdout.WriteLine(Invariant($"数据问题 {result.Issues.Count} 条（详见 infrastructure.json 的 data_issues）"));
        }

        stdout.WriteLine($"结果已写入 {Path.Combine(outputFolder, "infrastructure.json")} 和 {Path.Combine(outputFolder, "unserved.geojson")}");
    }

    private static string Flag(bool? value, string yes, string no) => value switch
    {
        true => yes,
        false => no,
        null => "—",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
