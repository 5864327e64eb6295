using System.Globalization;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis supply</c>: tables per park and per banner in 公顷 and 亩 with 供地率.</summary>
internal static class SupplySummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, SupplyLedgerResult result, string outputFolder)
    {
        stdout.WriteLine(Invariant($"批供台账（截至 {result.AsOf:yyyy-MM-dd}）— {result.Batches.Count} 个批次，批准 {AreaUnits.ToHectares(result.ApprovedM2):N2} 公顷，已供 {AreaUnits.ToHectares(result.SuppliedM2):N2} 公顷，批而未供 {AreaUnits.ToHectares(result.ApprovedM2 - result.SuppliedM2):N2} 公顷"));
        var w = result.Window;
        var rate = w.SupplyRate is { } r ? Invariant($"{r:P2}") : "—";
        var verdict = w.BelowYardstick ? Invariant($"低于 {w.YardstickRate:P0} 标准") : w.SupplyRate is null ? "无批次" : Invariant($"达到 {w.YardstickRate:P0} 标准");
        stdout.WriteLine(Invariant($"近 {result.Options.WindowYears} 年（{w.From:yyyy-MM-dd} 至 {w.To:yyyy-MM-dd}）{w.Batches} 个批次：批准 {AreaUnits.ToHectares(w.ApprovedM2):N2} 公顷，已供 {AreaUnits.ToHectares(w.SuppliedM2):N2} 公顷，供地率 {rate}（{verdict}）"));
        foreach (var banner in result.BannersInWindow)
        {
            var bw = banner.Window;
            var bannerRate = bw.SupplyRate is { } br ? Invariant($"{br:P2}") : "—";
            var bannerVerdict = bw.BelowYardstick ? Invariant($"低于 {bw.YardstickRate:P0} 标准") : bw.SupplyRate is null ? "无批次" : Invariant($"达到 {bw.YardstickRate:P0} 标准");
            stdout.WriteLine(Invariant($"  {TerminalText.Escape(banner.Banner)}：{bw.Batches} 个批次，批准 {AreaUnits.ToHectares(bw.ApprovedM2):N2} 公顷，已供 {AreaUnits.ToHectares(bw.SuppliedM2):N2} 公顷，供地率 {bannerRate}（{bannerVerdict}）"));
        }

        stdout.WriteLine(Invariant($"未批先供 {result.Unapproved.Count} 宗，{AreaUnits.ToHectares(result.UnapprovedAreaM2):N4} 公顷 / {AreaUnits.ToMu(result.UnapprovedAreaM2):N2} 亩"));
        if (result.Parks.Count > 0)
        {
            stdout.WriteLine();
            WriteTable(stdout, "园区", result.Parks.Select(p => (string.IsNullOrEmpty(p.Name) ? p.Id : $"{p.Name}（{p.Id}）", p)).ToList());
        }

        if (result.Banners.Count > 0)
        {
            stdout.WriteLine();
            WriteTable(stdout, "旗区", result.Banners.Select(b => (b.Id, b)).ToList());
        }

        stdout.WriteLine();
        if (result.Issues.Count > 0)
        {
            stdout.WriteLine(Invariant($"数据问题 {result.Issues.Count} 条（详见 supply.json 的 data_issues）："));
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

        stdout.WriteLine($"结果已写入 {outputFolder}（supply.json、unsupplied.geojson、unapproved_supply.geojson、supply_batches.csv）");
    }

    private static void WriteTable(TextWriter stdout, string title, IReadOnlyList<(string Label, AreaSupply Supply)> rows)
    {
        stdout.WriteLine(TextWidth.PadRight(title, 34) + TextWidth.PadLeft("批准(公顷)", 12) + TextWidth.PadLeft("批准(亩)", 12)
            + TextWidth.PadLeft("已供(公顷)", 12) + TextWidth.PadLeft("已供(亩)", 12) + TextWidth.PadLeft("批而未供(公顷)", 16)
            + TextWidth.PadLeft("批而未供(亩)", 14) + TextWidth.PadLeft("供地率", 10));
        foreach (var (label, s) in rows)
        {
            stdout.WriteLine(TextWidth.PadRight(label, 34)
                + TextWidth.PadLeft(Invariant($"{AreaUnits.ToHectares(s.ApprovedM2):N2}"), 12)
                + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(s.ApprovedM2):N1}"), 12)
                + TextWidth.PadLeft(Invariant($"{AreaUnits.ToHectares(s.SuppliedM2):N2}"), 12)
                + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(s.SuppliedM2):N1}"), 12)
                + TextWidth.PadLeft(Invariant($"{AreaUnits.ToHectares(s.UnsuppliedM2):N2}"), 16)
                + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(s.UnsuppliedM2):N1}"), 14)
                + TextWidth.PadLeft(s.SupplyRate is { } r ? Invariant($"{r:P1}") : "—", 10));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
