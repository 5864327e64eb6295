using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Measures;

namespace ParkGis.Cli.Rendering;

/// <summary>The human-readable result of <c>parkgis check</c> on stdout: one table per park in 公顷 and 亩.</summary>
internal static class CheckSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter stdout, ConflictCheckResult result, string outputFolder)
    {
        var conflicted = result.Parks.Count(p => p.Patches.Count > 0);
        stdout.WriteLine(Invariant($"园区边界冲突检查 — {result.Parks.Count} 个园区，{conflicted} 个存在冲突（最小图斑面积 {result.MinAreaM2:0.###} m²）"));
        foreach (var park in result.Parks)
        {
            stdout.WriteLine();
            var title = string.IsNullOrEmpty(park.Name) ? park.ParkId : $"{park.Name}（{park.ParkId}）";
            stdout.WriteLine(Invariant($"{title}  {park.Crs.Code}  面积 {AreaUnits.ToHectares(park.AreaM2):N2} 公顷 / {AreaUnits.ToMu(park.AreaM2):N1} 亩"));
            var slivers = park.Conflicts.Values.Any(t => t.SuppressedCount > 0);
            var table = new TerminalTable(
                Text.Get("ColumnConflictKind"),
                [Text.Get("ColumnHectares"), Text.Get("ColumnMu"), Text.Get("ColumnPatches"), Text.Get("ColumnShareOfPark"), .. slivers ? [Text.Get("ColumnSlivers")] : Array.Empty<string>()]);
            foreach (var kind in ConflictKinds.All)
            {
                var tally = park.Conflicts[kind];
                var label = ConflictKinds.ChineseName(kind);
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
            stdout.WriteLine("旗区汇总（各旗区园区合并计算，园区间重叠只计一次）");
            stdout.WriteLine("  " + TextWidth.PadRight("旗区", 14) + TextWidth.PadLeft("园区", 6) + TextWidth.PadLeft("红线(公顷)", 12)
                + TextWidth.PadLeft("农田(公顷)", 12) + TextWidth.PadLeft("边界外(公顷)", 14) + TextWidth.PadLeft("图斑", 8) + TextWidth.PadLeft("冲突园区", 10));
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
            stdout.WriteLine(Invariant($"宗地 {parcels.Count} 宗"));
            WriteParcelLine(stdout, "占生态保护红线", parcels.EcologicalRedline.AreaM2, Invariant($"{parcels.EcologicalRedline.Parcels} 宗"));
            WriteParcelLine(stdout, "占永久基本农田", parcels.PermanentFarmland.AreaM2, Invariant($"{parcels.PermanentFarmland.Parcels} 宗"));
            WriteParcelLine(stdout, "园区范围外", parcels.OutsidePark.AreaM2, Invariant($"{parcels.OutsidePark.Parcels} 宗"));
            WriteParcelLine(stdout, "宗地互相重叠", parcels.ParcelOverlap.AreaM2, Invariant($"{parcels.ParcelOverlap.Pairs} 对"));
        }

        stdout.WriteLine();
        if (result.Issues.Count > 0)
        {
            stdout.WriteLine(Text.Format("DataIssuesHeading", result.Issues.Count, "check.json"));
            foreach (var issue in result.Issues.Take(10))
            {
                var where = IssueLocation.Of(issue);
                stdout.WriteLine($"  [{issue.Code}] {where}: {issue.Message}");
            }

            if (result.Issues.Count > 10)
            {
                stdout.WriteLine(Text.Format("DataIssuesMore", result.Issues.Count - 10));
            }
        }

        stdout.WriteLine(Text.Format("ResultsWrittenTo", outputFolder, Text.List("check.json", "conflicts.geojson")));
    }

    private static string BannerArea(BannerConflicts banner, ConflictKind kind) =>
        banner.Conflicts[kind] is { Checked: true } tally ? Invariant($"{AreaUnits.ToHectares(tally.AreaM2):N2}") : "未检查";

    private static void WriteParcelLine(TextWriter stdout, string label, double areaM2, string count) =>
        stdout.WriteLine("  " + TextWidth.PadRight(label, 18)
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToHectares(areaM2):N4}"), 14) + " 公顷"
            + TextWidth.PadLeft(Invariant($"{AreaUnits.ToMu(areaM2):N2}"), 14) + " 亩"
            + TextWidth.PadLeft(count, 10));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
