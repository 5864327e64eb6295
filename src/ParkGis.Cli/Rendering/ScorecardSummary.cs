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
    public static void Write(TextWriter stdout, ParkScorecard scorecard, LeadingIndustryResult leading, IntensityResult? intensity = null, AnnualScorecard? annual = null)
    {
        var year = scorecard.Year is { } y ? Text.Format("ScorecardYear", y) : Text.Get("ScorecardYearUnknown");
        stdout.WriteLine(Text.Format("ScorecardHeadline", year, scorecard.Rows.Count)
            + (annual?.AsOf is { } asOf ? Text.Format("ScorecardAsOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : string.Empty));
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
                // 公顷 with two decimals, as the 旗区 table below shows the same conflict area (40.30, never 40.3 or 0).
                cells.Add(cell.Value is { } v
                    ? (ScorecardIndicators.IsShare(key) ? Invariant($"{v:P1}") : key == ScorecardIndicators.ConflictAreaHa ? Invariant($"{v:0.00}") : Invariant($"{v:0.##}"))
                    : Text.Get("CellNotComputable"));
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

        var basis = leading.Parks.Select(p => p.Park.Basis).FirstOrDefault() == LeadingShareBasis.IndustrialOutput ? Text.Get("LeadingBasisIndustrial") : Text.Get("LeadingBasisAll");
        stdout.WriteLine(Text.Format("LeadingShareHeading", (leading.Year is { } ly ? ly.ToString(CultureInfo.InvariantCulture) : "—"), basis, leading.MinShare));
        foreach (var park in leading.Parks)
        {
            WriteShare(stdout, $"{park.ParkId} {park.Name}", park.Park);
            foreach (var block in park.Blocks)
            {
                WriteShare(stdout, Text.Format("ScorecardBlock", block.Block), block);
            }
        }

        stdout.WriteLine();
        var missing = scorecard.Rows.SelectMany(r => r.Cells).Where(c => c.Value is null).GroupBy(c => (c.Indicator, c.Missing)).ToList();
        if (missing.Count > 0)
        {
            stdout.WriteLine(Text.Get("ScorecardNotComputed"));
            foreach (var group in missing)
            {
                stdout.WriteLine(Text.Format("ScorecardMissing", ScorecardIndicators.Label(group.Key.Indicator), group.Count(), group.Key.Missing));
            }
        }
    }

    /// <summary>The 旗区 table: window supply rate against the yardstick, idle land, conflicts (docs/rules.md#scorecard-banners).</summary>
    private static void WriteBanners(TextWriter stdout, AnnualScorecard annual)
    {
        if (annual.Banners.Count == 0)
        {
            return;
        }

        var window = annual.SupplyWindow is { } w ? Text.Format("YearRange", w.From, w.To) : Text.Get("NoSupplyResults");
        var yardstick = annual.SupplyWindow?.YardstickRate ?? 0.6;
        stdout.WriteLine(Text.Format("ScorecardBannerTotals", window, yardstick));
        stdout.WriteLine(TextWidth.PadRight(Text.Get("ColumnBannerShort"), 14) + TextWidth.PadLeft(Text.Get("ColumnParksCount"), 6) + TextWidth.PadLeft(Text.Get("ColumnFiveYearSupplyRate"), 14) + TextWidth.PadLeft(Text.Get("CellMeets"), 8)
            + TextWidth.PadLeft(Text.Get("ColumnIdleParcelsShort"), 10) + TextWidth.PadLeft(Text.Get("ColumnIdleMuShort"), 12) + TextWidth.PadLeft(Text.Get("ColumnIdleRateShort"), 10) + TextWidth.PadLeft(Text.Get("ColumnConflictHaShort"), 12) + TextWidth.PadLeft(Text.Get("ColumnConflictPatchesShort"), 10));
        foreach (var banner in annual.Banners)
        {
            var rate = banner.Supply?.Window.SupplyRate;
            var verdict = banner.Supply is null ? "—" : rate is null ? Text.Get("LedgerNoBatches") : banner.Supply.Window.BelowYardstick ? Text.Get("CellFails") : Text.Get("CellMeets");
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
            stdout.WriteLine(head + Text.Get("ScorecardCannotCompute") + share.Missing);
            return;
        }

        var pulling = share.PullingDown.Count > 0 ? Text.Get("ScorecardPulling") + Text.List(share.PullingDown) : string.Empty;
        stdout.WriteLine(head + Text.Format("ScorecardLeadingLine", value, Text.Get(share.Passes == true ? "CellMeets" : "CellFails"), Text.List(share.LeadingIndustries), pulling));
    }

    private static string Short(string key) => key switch
    {
        ScorecardIndicators.ConflictAreaHa => Text.Get("ColumnConflictHa"),
        ScorecardIndicators.ConflictPatches => Text.Get("ColumnConflictPatches"),
        ScorecardIndicators.LeadingIndustryShare => Text.Get("ColumnLeadingShare"),
        ScorecardIndicators.InfrastructureCoverage => Text.Get("ColumnInfrastructureCoverage"),
        _ => ScorecardIndicators.Label(key),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
