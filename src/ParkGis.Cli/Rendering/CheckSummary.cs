using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Measures;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis check</c> on stdout: one table per park in 公顷 and 亩.</summary>
internal static class CheckSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, ConflictCheckResult result)
    {
        var conflicted = result.Parks.Count(p => p.Patches.Count > 0);
        stdout.WriteLine(Text.Format("CheckHeadline", result.Parks.Count, conflicted, result.MinAreaM2));
        foreach (var park in result.Parks)
        {
            stdout.WriteLine();
            var title = string.IsNullOrEmpty(park.Name) ? park.ParkId : $"{park.Name}（{park.ParkId}）";
            WrappedLine.Write(stdout, Text.Format("CheckParkLine", title, park.Crs.Code, AreaUnits.ToHectares(park.AreaM2), AreaUnits.ToMu(park.AreaM2)), 2);
            var slivers = park.Conflicts.Values.Any(t => t.SuppressedCount > 0);
            var table = new TerminalTable(
                Text.Get("ColumnConflictKind"),
                [Text.Get("ColumnHectares"), Text.Get("ColumnMu"), Text.Get("ColumnPatches"), Text.Get("ColumnShareOfPark"), .. slivers ? [Text.Get("ColumnSlivers")] : Array.Empty<string>()]);
            foreach (var kind in ConflictKinds.All)
            {
                var tally = park.Conflicts[kind];
                var label = ConflictKinds.Label(kind);
                if (!tally.Checked)
                {
                    table.Add(label, [Text.Get("CellNotChecked"), string.Empty, string.Empty, string.Empty, .. slivers ? [string.Empty] : Array.Empty<string>()]);
                    continue;
                }

                var share = park.AreaM2 > 0 ? tally.AreaM2 / park.AreaM2 : 0;
                table.Add(
                    label,
                    [
                        Invariant($"{AreaUnits.ToHectares(tally.AreaM2):N4}"), Invariant($"{AreaUnits.ToMu(tally.AreaM2):N2}"), Invariant($"{tally.Patches}"), Invariant($"{share:P2}"),
                        .. slivers ? [tally.SuppressedCount > 0 ? Invariant($"{tally.SuppressedCount}") : string.Empty] : Array.Empty<string>(),
                    ]);
            }

            table.Write(stdout, "  ");
            if (slivers)
            {
                stdout.WriteLine(Text.Format("CheckSliversNote", Invariant($"{result.MinAreaM2:0.###}")));
            }
        }

        if (result.Banners is { Count: > 0 } banners)
        {
            stdout.WriteLine();
            stdout.WriteLine(Text.Get("CheckBannerTotals"));
            stdout.WriteLine("  " + TextWidth.PadRight(Text.Get("ColumnBannerShort"), 14) + TextWidth.PadLeft(Text.Get("ColumnParksCount"), 6) + TextWidth.PadLeft(Text.Get("ColumnRedlineHa"), 12)
                + TextWidth.PadLeft(Text.Get("ColumnFarmlandHa"), 12) + TextWidth.PadLeft(Text.Get("ColumnOutsideHa"), 14) + TextWidth.PadLeft(Text.Get("ColumnPatchesShort"), 8) + TextWidth.PadLeft(Text.Get("ColumnConflictedParks"), 10));
            foreach (var banner in banners)
            {
                stdout.WriteLine("  " + TextWidth.PadRight(TerminalText.Escape(banner.Banner), 14)
                    + TextWidth.PadLeft(Invariant($"{banner.ParkIds.Count}"), 6)
                    + TextWidth.PadLeft(BannerArea(banner, ConflictKind.EcologicalRedline), 12)
                    + TextWidth.PadLeft(BannerArea(banner, ConflictKind.PermanentFarmland), 12)
                    + TextWidth.PadLeft(BannerArea(banner, ConflictKind.OutsideUrbanBoundary), 14)
                    + TextWidth.PadLeft(Invariant($"{banner.Conflicts.Values.Sum(t => t.Patches)}"), 8)
                    + TextWidth.PadLeft(Invariant($"{banner.ParkIds.Count(id => result.Parks.Any(p => p.ParkId == id && p.Patches.Count > 0))}"), 10));
            }
        }

        if (result.Parcels is { } parcels)
        {
            stdout.WriteLine();
            stdout.WriteLine(Text.Format("CheckParcels", parcels.Count));
            WriteParcelLine(stdout, Text.Get("CheckParcelsRedline"), parcels.EcologicalRedline.AreaM2, Text.Format("CountParcels", parcels.EcologicalRedline.Parcels));
            WriteParcelLine(stdout, Text.Get("CheckParcelsFarmland"), parcels.PermanentFarmland.AreaM2, Text.Format("CountParcels", parcels.PermanentFarmland.Parcels));
            WriteParcelLine(stdout, Text.Get("CheckParcelsOutside"), parcels.OutsidePark.AreaM2, Text.Format("CountParcels", parcels.OutsidePark.Parcels));
            WriteParcelLine(stdout, Text.Get("CheckParcelsOverlap"), parcels.ParcelOverlap.AreaM2, Text.Format("CountPairs", parcels.ParcelOverlap.Pairs));
        }

        stdout.WriteLine();
        if (result.Issues.Count > 0)
        {
            stdout.WriteLine(Text.Format("DataIssuesHeading", result.Issues.Count, "check.json"));
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

    private static string BannerArea(BannerConflicts banner, ConflictKind kind) =>
        banner.Conflicts[kind] is { Checked: true } tally ? Invariant($"{AreaUnits.ToHectares(tally.AreaM2):N2}") : Text.Get("CheckNotChecked");

    private static void WriteParcelLine(TextWriter stdout, string label, double areaM2, string count) =>
        stdout.WriteLine("  " + TextWidth.PadRight(label, 18)
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToHectares(areaM2):N4}"), 14) + Text.Get("UnitHectaresSuffix")
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(areaM2):N2}"), 14) + Text.Get("UnitMuSuffix")
            + TextWidth.PadLeft(count, 10));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
