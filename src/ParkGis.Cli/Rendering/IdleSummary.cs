using System.Globalization;
using ParkGis.Core.Idle;
using ParkGis.Core.Measures;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis idle</c>: per park the idle parcels, area in 亩 and fees in 万元, and 供而未用.</summary>
internal static class IdleSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, IdleLandResult result, string outputFolder)
    {
        var t = result.Totals;
        stdout.WriteLine(Invariant($"闲置土地（截至 {result.AsOf:yyyy-MM-dd}）— {result.Parcels.Count} 宗，闲置 {t.IdleParcels} 宗 {AreaUnits.ToMu(t.IdleAreaM2):N2} 亩，闲置费 {t.IdleFeeWan:N2} 万元，可无偿收回 {t.ReclaimParcels} 宗 {AreaUnits.ToMu(t.ReclaimAreaM2):N2} 亩"));
        stdout.WriteLine(string.Join("  ", result.StatusCounts.Select(s => Invariant($"{IdleStatuses.ChineseName(s.Status)} {s.Count}"))));
        stdout.WriteLine();
        stdout.WriteLine(TextWidth.PadRight("园区", 34) + TextWidth.PadLeft("闲置(宗)", 10) + TextWidth.PadLeft("闲置(亩)", 12)
            + TextWidth.PadLeft("闲置费(万元)", 14) + TextWidth.PadLeft("可收回(宗)", 12) + TextWidth.PadLeft("政府原因(宗)", 14)
            + TextWidth.PadLeft("供而未用(宗)", 14) + TextWidth.PadLeft("供而未用(亩)", 14));
        foreach (var park in result.Parks)
        {
            var label = park.ParkId.Length == 0 ? "（不在任何园区）" : string.IsNullOrEmpty(park.Name) ? park.ParkId : $"{park.Name}（{park.ParkId}）";
            WriteRow(stdout, label, park);
        }

        WriteRow(stdout, "合计", t);
        stdout.WriteLine();
        stdout.WriteLine(Invariant($"供而未用（已供地未动工，不论时长）合计 {t.SuppliedNotStartedParcels} 宗，{AreaUnits.ToMu(t.SuppliedNotStartedAreaM2):N2} 亩 / {AreaUnits.ToHectares(t.SuppliedNotStartedAreaM2):N4} 公顷"));
        if (result.Issues.Count > 0)
        {
            stdout.WriteLine(Invariant($"数据问题 {result.Issues.Count} 条（详见 idle.json 的 data_issues）："));
            foreach (var issue in result.Issues.Take(10))
            {
                var where = IssueLocation.Of(issue);
                stdout.WriteLine($"  [{issue.Code}] {where}: {issue.Message}");
            }

            if (result.Issues.Count > 10)
            {
                stdout.WriteLine(Invariant($"  … 另有 {result.Issues.Count - 10} 条"));
            }
        }

        stdout.WriteLine($"结果已写入 {outputFolder}（idle.json、idle.geojson）");
    }

    private static void WriteRow(TextWriter stdout, string label, IdleParkSummary s) =>
        stdout.WriteLine(TextWidth.PadRight(label, 34)
            + TextWidth.PadLeft(Invariant($"{s.IdleParcels}"), 10)
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(s.IdleAreaM2):N2}"), 12)
            + TextWidth.PadLeft(Invariant($"{s.IdleFeeWan:N2}"), 14)
            + TextWidth.PadLeft(Invariant($"{s.ReclaimParcels}"), 12)
            + TextWidth.PadLeft(Invariant($"{s.GovernmentDelayParcels}"), 14)
            + TextWidth.PadLeft(Invariant($"{s.SuppliedNotStartedParcels}"), 14)
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(s.SuppliedNotStartedAreaM2):N2}"), 14));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
