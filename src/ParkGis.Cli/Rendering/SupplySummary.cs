using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis supply</c>: tables per park and per banner in 公顷 and 亩 with 供地率.</summary>
internal static class SupplySummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, SupplyLedgerResult result)
    {
        stdout.WriteLine(Text.Format("SupplyHeadline", Date(result.AsOf), result.Batches.Count, Ha(result.ApprovedM2), Ha(result.SuppliedM2), Ha(result.ApprovedM2 - result.SuppliedM2)));
        if (result.BatchesApprovedLater > 0)
        {
            stdout.WriteLine(Text.Format("SupplyBatchesApprovedLater", result.BatchesApprovedLater, Date(result.AsOf)));
        }

        var w = result.Window;
        var rate = w.SupplyRate is { } r ? Invariant($"{r:P2}") : "—";
        var verdict = w.BelowYardstick ? Text.Format("SupplyBelowYardstick", Invariant($"{w.YardstickRate:P0}"))
            : w.SupplyRate is null ? Text.Get("SupplyNoBatches") : Text.Format("SupplyMeetsYardstick", Invariant($"{w.YardstickRate:P0}"));
        stdout.WriteLine(Text.Format("SupplyWindow", result.Options.WindowYears, Date(w.From), Date(w.To), w.Batches, Ha(w.ApprovedM2), Ha(w.SuppliedM2), rate, verdict));
        foreach (var banner in result.BannersInWindow)
        {
            var bw = banner.Window;
            var bannerRate = bw.SupplyRate is { } br ? Invariant($"{br:P2}") : "—";
            var bannerVerdict = bw.BelowYardstick ? Text.Format("SupplyBelowYardstick", Invariant($"{bw.YardstickRate:P0}"))
                : bw.SupplyRate is null ? Text.Get("SupplyNoBatches") : Text.Format("SupplyMeetsYardstick", Invariant($"{bw.YardstickRate:P0}"));
            stdout.WriteLine(Text.Format("SupplyBannerWindow", TerminalText.Escape(banner.Banner), bw.Batches, Ha(bw.ApprovedM2), Ha(bw.SuppliedM2), bannerRate, bannerVerdict));
        }

        stdout.WriteLine(Text.Format("SupplyUnapproved", result.Unapproved.Count, Invariant($"{AreaUnits.ToHectares(result.UnapprovedAreaM2):N4}"), Invariant($"{AreaUnits.ToMu(result.UnapprovedAreaM2):N2}")));
        if (!result.ExistingConstructionChecked)
        {
            stdout.WriteLine(Text.Get("SupplyExistingNotChecked"));
        }
        if (result.Parks.Count > 0)
        {
            stdout.WriteLine();
            WriteTable(stdout, Text.Get("ColumnPark"), result.Parks.Select(p => (string.IsNullOrEmpty(p.Name) ? p.Id : $"{p.Name}（{p.Id}）", p)).ToList());
        }

        if (result.Banners.Count > 0)
        {
            stdout.WriteLine();
            WriteTable(stdout, Text.Get("ColumnBanner"), result.Banners.Select(b => (b.Id, b)).ToList());
        }

        stdout.WriteLine();
        if (result.Issues.Count > 0)
        {
            stdout.WriteLine(Text.Format("DataIssuesHeading", result.Issues.Count, "supply.json"));
            foreach (var issue in result.Issues.Take(10))
            {
                WrappedLine.WriteIssue(stdout, "  ", issue);
            }

            if (result.Issues.Count > 10)
            {
                stdout.WriteLine(Text.Format("DataIssuesMore", result.Issues.Count - 10));
            }
        }
    }

    private static void WriteTable(TextWriter stdout, string title, IReadOnlyList<(string Label, AreaSupply Supply)> rows)
    {
        var table = new TerminalTable(title, Text.Get("ColumnApprovedHa"), Text.Get("ColumnApprovedMu"), Text.Get("ColumnSuppliedHa"), Text.Get("ColumnSuppliedMu"),
            Text.Get("ColumnUnsuppliedHa"), Text.Get("ColumnUnsuppliedMu"), Text.Get("ColumnSupplyRate"));
        foreach (var (label, s) in rows)
        {
            table.Add(label, Ha(s.ApprovedM2), Invariant($"{AreaUnits.ToMu(s.ApprovedM2):N1}"), Ha(s.SuppliedM2), Invariant($"{AreaUnits.ToMu(s.SuppliedM2):N1}"),
                Ha(s.UnsuppliedM2), Invariant($"{AreaUnits.ToMu(s.UnsuppliedM2):N1}"), s.SupplyRate is { } r ? Invariant($"{r:P1}") : "—");
        }

        table.Write(stdout);
    }

    private static string Ha(double areaM2) => Invariant($"{AreaUnits.ToHectares(areaM2):N2}");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
