using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Industry;
using ParkGis.Core.Intensity;
using ParkGis.Core.Measures;
using ParkGis.Core.Scorecard;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis scorecard</c>: the ranking, the leading-industry shares and what could not be computed.</summary>
internal static class ScorecardSummary
{
    private static readonly string[] Shown =
    [
        ScorecardIndicators.ConflictAreaHa, ScorecardIndicators.ConflictPatches, ScorecardIndicators.LeadingIndustryShare, ScorecardIndicators.InfrastructureCoverage,
    ];

    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, ParkScorecard scorecard, LeadingIndustryResult leading, string outputFolder, IntensityResult? intensity = null, AnnualScorecard? annual = null)
    {
        var year = scorecard.Year is { } y ? Text.Format("ScorecardYear", y) : Text.Get("ScorecardYearUnknown");
        stdout.WriteLine(Text.Format("ScorecardHeadline", year, scorecard.Rows.Count));
        stdout.WriteLine();
        var table = new TerminalTable(
            Text.Get("ColumnRankAndPark"), [Text.Get("ColumnComposite"), Text.Get("ColumnWeightCovered"), .. Shown.Select(Short)]);
        foreach (var row in scorecard.Rows)
        {
            var cells = new List<string>
            {
                row.Composite is { } c ? Invariant($"{c:0.00}") : "—",
                Invariant($"{row.WeightCovered:P0}"),
            };
            foreach (var key in Shown)
            {
                var cell = row.Cells.First(x => x.Indicator == key);
                cells.Add(cell.Value is { } v ? (ScorecardIndicators.IsShare(key) ? Invariant($"{v:P1}") : Invariant($"{v:0.##}")) : Text.Get("CellNotComputable"));
            }

            table.Add(TextWidth.PadLeft(row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—", 4) + "  " + $"{row.ParkId} {row.Name}", [.. cells]);
        }

        table.Write(stdout);
        stdout.WriteLine();
        if (annual is not null)
        {
            WriteBanners(stdout, annual);
        }

        if (intensity is not null)
        {
            IntensitySummary.WriteBanners(stdout, intensity);
            stdout.WriteLine();
        }

        var basis = leading.Parks.Select(p => p.Park.Basis).FirstOrDefault() == LeadingShareBasis.IndustrialOutput ? "工业产值口径，物流仓储用地产值不计入分母" : "全部产值口径";
        stdout.WriteLine(Invariant($"主导产业产值占比（{(leading.Year is { } ly ? ly.ToString(CultureInfo.InvariantCulture) : "—")} 年，{basis}，达标线 {leading.MinShare:P0}，等于达标）"));
        foreach (var park in leading.Parks)
        {
            WriteShare(stdout, $"{park.ParkId} {park.Name}", park.Park);
            foreach (var block in park.Blocks)
            {
                WriteShare(stdout, Invariant($"    区块 {block.Block}"), block);
            }
        }

        stdout.WriteLine();
        var missing = scorecard.Rows.SelectMany(r => r.Cells).Where(c => c.Value is null).GroupBy(c => (c.Indicator, c.Missing)).ToList();
        if (missing.Count > 0)
        {
            stdout.WriteLine("未计算的指标：");
            foreach (var group in missing)
            {
                stdout.WriteLine(Invariant($"  {ScorecardIndicators.ChineseName(group.Key.Indicator)}（{group.Count()} 个园区）：缺 {group.Key.Missing}"));
            }
        }

        stdout.WriteLine(Text.Format("ResultsWrittenTo", outputFolder, Text.List("scorecard.json", "scorecard.csv")));
    }

    /// <summary>The 旗区 table: window supply rate against the yardstick, idle land, conflicts (docs/rules.md#scorecard-banners).</summary>
    private static void WriteBanners(TextWriter stdout, AnnualScorecard annual)
    {
        if (annual.Banners.Count == 0)
        {
            return;
        }

        var window = annual.SupplyWindow is { } w ? Invariant($"{w.From:yyyy}–{w.To:yyyy} 年") : "无供地结果";
        var yardstick = annual.SupplyWindow?.YardstickRate ?? 0.6;
        stdout.WriteLine(Invariant($"旗区汇总（近五年供地率：{window}批次，标准 {yardstick:P0}；闲置、冲突按旗区内园区合计）"));
        stdout.WriteLine(TextWidth.PadRight("旗区", 14) + TextWidth.PadLeft("园区", 6) + TextWidth.PadLeft("近五年供地率", 14) + TextWidth.PadLeft("达标", 8)
            + TextWidth.PadLeft("闲置(宗)", 10) + TextWidth.PadLeft("闲置(亩)", 12) + TextWidth.PadLeft("闲置率", 10) + TextWidth.PadLeft("冲突(公顷)", 12) + TextWidth.PadLeft("冲突图斑", 10));
        foreach (var banner in annual.Banners)
        {
            var rate = banner.Supply?.Window.SupplyRate;
            var verdict = banner.Supply is null ? "—" : rate is null ? "无批次" : banner.Supply.Window.BelowYardstick ? "未达标" : "达标";
            stdout.WriteLine(TextWidth.PadRight(TerminalText.Escape(banner.Banner), 14)
                + TextWidth.PadLeft(Invariant($"{banner.ParkIds.Count}"), 6)
                + TextWidth.PadLeft(rate is { } r ? Invariant($"{r:P1}") : "—", 14)
                + TextWidth.PadLeft(verdict, 8)
                + TextWidth.PadLeft(banner.Idle is { } idle ? Invariant($"{idle.IdleParcels}") : "—", 10)
                + TextWidth.PadLeft(banner.Idle is { } idleArea ? Invariant($"{AreaUnits.ToMu(idleArea.IdleAreaM2):N1}") : "—", 12)
                + TextWidth.PadLeft(banner.Idle?.IdleRate is { } idleRate ? Invariant($"{idleRate:P1}") : "—", 10)
                + TextWidth.PadLeft(banner.ConflictAreaHa is { } ha ? Invariant($"{ha:N2}") : "—", 12)
                + TextWidth.PadLeft(banner.ConflictPatches is { } patches ? Invariant($"{patches}") : "—", 10));
        }

        stdout.WriteLine();
    }

    private static void WriteShare(TextWriter stdout, string title, LeadingIndustryShare share)
    {
        var head = "  " + TextWidth.PadRight(title, 32);
        if (share.Share is not { } value)
        {
            stdout.WriteLine(head + "无法计算：缺 " + share.Missing);
            return;
        }

        var pulling = share.PullingDown.Count > 0 ? "；拉低：" + string.Join("、", share.PullingDown) : string.Empty;
        stdout.WriteLine(head + Invariant($"{value,7:P1} {(share.Passes == true ? "达标" : "未达标")}  主导：{string.Join("、", share.LeadingIndustries)}{pulling}"));
    }

    private static string Short(string key) => key switch
    {
        ScorecardIndicators.ConflictAreaHa => Text.Get("ColumnConflictHa"),
        ScorecardIndicators.ConflictPatches => Text.Get("ColumnConflictPatches"),
        ScorecardIndicators.LeadingIndustryShare => Text.Get("ColumnLeadingShare"),
        ScorecardIndicators.InfrastructureCoverage => Text.Get("ColumnInfrastructureCoverage"),
        _ => ScorecardIndicators.ChineseName(key),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
