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
        var halted = result.Rules.HaltedFee ? Invariant($"（含中止开发 {t.IdleFeeHaltedWan:N2} 万元，地方口径）") : "（中止开发不计征）";
        stdout.WriteLine(Invariant($"闲置土地（截至 {result.AsOf:yyyy-MM-dd}）— {result.Parcels.Count} 宗，闲置 {t.IdleParcels} 宗 {AreaUnits.ToMu(t.IdleAreaM2):N2} 亩")
            + Invariant($"（企业原因 {t.ByEnterprise.Parcels} 宗，政府原因 {t.ByGovernment.Parcels} 宗 {AreaUnits.ToMu(t.ByGovernment.AreaM2):N2} 亩；")
            + Invariant($"未动工 {t.Unstarted.Parcels} 宗，中止开发 {t.Halted.Parcels} 宗），闲置费 {t.IdleFeeWan:N2} 万元{halted}，")
            + Invariant($"可无偿收回 {t.ReclaimParcels} 宗 {AreaUnits.ToMu(t.ReclaimAreaM2):N2} 亩"));
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
        stdout.WriteLine(TextWidth.PadRight("旗区", 34) + TextWidth.PadLeft("闲置(宗)", 10) + TextWidth.PadLeft("闲置(亩)", 12)
            + TextWidth.PadLeft("闲置费(万元)", 14) + TextWidth.PadLeft("可收回(宗)", 12) + TextWidth.PadLeft("政府原因(宗)", 14)
            + TextWidth.PadLeft("供而未用(宗)", 14) + TextWidth.PadLeft("供而未用(亩)", 14) + TextWidth.PadLeft("土地闲置率", 12));
        foreach (var banner in result.Banners)
        {
            WriteRow(stdout, banner.Banner.Length == 0 ? "（无园区或园区无旗区）" : banner.Banner, banner, withRate: true);
        }

        stdout.WriteLine();
        stdout.WriteLine("闲置土地不论原因均计入；政府原因（第八条）按第十二条处置，不征闲置费、不无偿收回；无偿收回仅限未动工开发满两年（第十四条）。");
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

    private static void WriteRow(TextWriter stdout, string label, IdleParkSummary s, bool withRate = false) =>
        stdout.WriteLine(TextWidth.PadRight(TerminalText.Escape(label), 34)
            + TextWidth.PadLeft(Invariant($"{s.IdleParcels}"), 10)
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(s.IdleAreaM2):N2}"), 12)
            + TextWidth.PadLeft(Invariant($"{s.IdleFeeWan:N2}"), 14)
            + TextWidth.PadLeft(Invariant($"{s.ReclaimParcels}"), 12)
            + TextWidth.PadLeft(Invariant($"{s.GovernmentDelayParcels}"), 14)
            + TextWidth.PadLeft(Invariant($"{s.SuppliedNotStartedParcels}"), 14)
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(s.SuppliedNotStartedAreaM2):N2}"), 14)
            + (withRate ? TextWidth.PadLeft(s.IdleRate is { } rate ? Invariant($"{rate:P2}") : "—", 12) : string.Empty));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
