using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Idle;
using ParkGis.Core.Measures;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis idle</c>: per park the idle parcels, area in 亩 and fees in 万元, and 供而未用.</summary>
internal static class IdleSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, IdleLandResult result)
    {
        var t = result.Totals;
        var halted = result.Rules.HaltedFee ? Text.Format("IdleHaltedFee", Wan(t.IdleFeeHaltedWan)) : Text.Get("IdleHaltedNoFee");
        stdout.WriteLine(Text.Format("IdleHeadline", Date(result.AsOf), result.Parcels.Count, t.IdleParcels, Mu(t.IdleAreaM2), t.ByEnterprise.Parcels,
            t.ByGovernment.Parcels, Mu(t.ByGovernment.AreaM2), t.Unstarted.Parcels, t.Halted.Parcels, Wan(t.IdleFeeWan), halted, t.ReclaimParcels, Mu(t.ReclaimAreaM2)));
        TerminalTable.Flow(stdout, result.StatusCounts.Select(s => Invariant($"{IdleStatuses.Label(s.Status)} {s.Count}")));
        stdout.WriteLine();
        var parks = NewTable(Text.Get("ColumnPark"), withRate: false);
        foreach (var park in result.Parks)
        {
            var label = park.ParkId.Length == 0 ? Text.Get("IdleNoPark") : string.IsNullOrEmpty(park.Name) ? park.ParkId : $"{park.Name}（{park.ParkId}）";
            AddRow(parks, label, park, withRate: false);
        }

        AddRow(parks, Text.Get("RowTotal"), t, withRate: false);
        parks.Write(stdout);
        if (TotalsDifferFromRoundedRows(result.Parks, t))
        {
            stdout.WriteLine(Text.Get("IdleTotalRounding"));
        }

        stdout.WriteLine();
        var banners = NewTable(Text.Get("ColumnBanner"), withRate: true);
        foreach (var banner in result.Banners)
        {
            AddRow(banners, banner.Banner.Length == 0 ? Text.Get("IdleNoBanner") : banner.Banner, banner, withRate: true);
        }

        banners.Write(stdout);
        stdout.WriteLine();
        stdout.WriteLine(Text.Get("IdleRuleNote"));
        stdout.WriteLine(Text.Format("IdleSuppliedNotStarted", t.SuppliedNotStartedParcels, Mu(t.SuppliedNotStartedAreaM2), Invariant($"{AreaUnits.ToHectares(t.SuppliedNotStartedAreaM2):N4}")));
        if (result.Issues.Count > 0)
        {
            stdout.WriteLine(Text.Format("DataIssuesHeading", result.Issues.Count, "idle.json"));
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

    private static TerminalTable NewTable(string title, bool withRate)
    {
        string[] headers =
        [
            Text.Get("ColumnIdleParcels"), Text.Get("ColumnIdleMu"), Text.Get("ColumnIdleFeeWan"), Text.Get("ColumnReclaimParcels"),
            Text.Get("ColumnGovernmentParcels"), Text.Get("ColumnNotStartedParcels"), Text.Get("ColumnNotStartedMu"),
        ];
        return new TerminalTable(title, withRate ? [.. headers, Text.Get("ColumnIdleRate")] : headers);
    }

    private static void AddRow(TerminalTable table, string label, IdleParkSummary s, bool withRate)
    {
        string[] cells =
        [
            Invariant($"{s.IdleParcels}"), Mu(s.IdleAreaM2), Wan(s.IdleFeeWan), Invariant($"{s.ReclaimParcels}"),
            Invariant($"{s.GovernmentDelayParcels}"), Invariant($"{s.SuppliedNotStartedParcels}"), Mu(s.SuppliedNotStartedAreaM2),
        ];
        table.Add(label, withRate ? [.. cells, s.IdleRate is { } rate ? Invariant($"{rate:P2}") : "—"] : cells);
    }

    /// <summary>
    /// Whether a 合计 shown (from the unrounded figures) differs from the sum of the rounded rows above it, as 7,823.22
    /// 亩 against rows adding up to 7,823.23: then the table says so, so that no reader takes it for an error.
    /// </summary>
    private static bool TotalsDifferFromRoundedRows(IReadOnlyList<IdleParkSummary> rows, IdleParkSummary total)
    {
        Func<IdleParkSummary, string>[] columns = [s => Mu(s.IdleAreaM2), s => Wan(s.IdleFeeWan), s => Mu(s.SuppliedNotStartedAreaM2)];
        return columns.Any(cell => rows.Sum(r => decimal.Parse(cell(r), NumberStyles.Number, CultureInfo.InvariantCulture))
            != decimal.Parse(cell(total), NumberStyles.Number, CultureInfo.InvariantCulture));
    }

    private static string Mu(double areaM2) => Invariant($"{AreaUnits.ToMu(areaM2):N2}");

    private static string Wan(double wan) => Invariant($"{wan:N2}");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
