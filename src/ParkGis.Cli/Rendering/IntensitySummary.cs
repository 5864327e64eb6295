using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Intensity;

namespace ParkGis.Cli.Rendering;

/// <summary>The stdout table of <c>parkgis intensity</c>: one row per park in Chinese, then what was not computed.</summary>
internal static class IntensitySummary
{
    public static void Write(TextWriter output, IntensityResult result)
    {
        var year = result.Year?.ToString(CultureInfo.InvariantCulture) ?? "—";
        var baseline = result.BaselineYear.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(Text.Format("IntensityHeadline", year, baseline)
            + (result.AsOf is { } asOf ? Text.Format("IntensityLandStatusAsOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : string.Empty));
        var sameSet = result.Rules.GrowthBasis == GrowthBasis.SameSet;
        output.WriteLine(sameSet
            ? Text.Get("IntensityGrowthSameSet")
            : Text.Get("IntensityGrowthEachYear"));
        output.WriteLine(Text.Format("IntensityEvaluationScope", ScopeText(result.Rules.Scope))
            + (result.ScaleBasis is null ? Text.Get("IntensityNoRevenue") : Text.Get("IntensityScaleGroups")));
        WriteTable(output, result.Parks.Select(p => ($"{p.ParkId} {p.Name}", p.OutputPerMu, p.TaxPerMu, p.GradeCounts, p.NotGraded, p.StandardLandFailures)).ToList(), baseline, year, Text.Get("ColumnPark"));
        output.WriteLine();
        WriteBanners(output, result);

        var failures = result.Parcels.Count(p => p.FailsStandardLand);
        var checkedCount = result.Parcels.Count(p => p.StandardLandChecked);
        output.WriteLine();
        var incomplete = result.Parcels.Count(p => p.StandardLandChecked && p.StandardLandPassed is null);
        var underStandardLand = result.Parcels.Count(p => p.Regime == StandardLandVersion.StandardLand);
        output.WriteLine(Text.Format("IntensityStandardLand", checkedCount, underStandardLand, failures, incomplete));
        var notComputed = result.Parks.SelectMany(p => p.Indicators).Where(i => i.NotComputedReason is not null)
            .GroupBy(i => (i.Code, i.NotComputedReason)).Select(g => $"  {IntensityIndicatorNames.Label(g.Key.Code)}: {g.Key.NotComputedReason}").ToList();
        notComputed.AddRange(result.NotScored.Select(i => Text.Format("IntensityNotScored", IntensityIndicatorNames.Label(i.Code), i.NotComputedReason)));
        if (notComputed.Count > 0)
        {
            output.WriteLine(Text.Get("IntensityNotComputed"));
            foreach (var line in notComputed)
            {
                output.WriteLine(line);
            }
        }

        DataIssueCount.Write(output, result.Issues, "intensity.json");
    }

    /// <summary>The 旗区 table: the same columns over each 旗区's parks.</summary>
    public static void WriteBanners(TextWriter output, IntensityResult result)
    {
        var year = result.Year?.ToString(CultureInfo.InvariantCulture) ?? "—";
        var baseline = result.BaselineYear.ToString(CultureInfo.InvariantCulture);
        WriteTable(output, result.Banners.Select(b => (Text.Format("BannerWithParks", b.Banner, b.ParkIds.Count), b.OutputPerMu, b.TaxPerMu, b.GradeCounts, b.NotGraded, b.StandardLandFailures)).ToList(), baseline, year, Text.Get("ColumnBanner"));
    }

    private static void WriteTable(
        TextWriter output, List<(string Name, OutputPerMuProgress Progress, double? TaxPerMu, IReadOnlyDictionary<string, int> Grades, int NotGraded, int Failures)> rows,
        string baseline, string year, string title)
    {
        var table = new TerminalTable(
            title, Text.Format("ColumnOutputPerMuOf", baseline), Text.Format("ColumnOutputPerMuOf", year), Text.Get("ColumnGrowth"), Text.Get("ColumnGrowthBasis"),
            "+35%", Text.Get("ColumnDoubled"), Text.Format("ColumnAllReportingOf", year), Text.Get("ColumnTaxPerMu"), "A/B/C/D", Text.Get("ColumnNotGraded"),
            Text.Get("ColumnStandardLandFailures"));
        foreach (var row in rows)
        {
            var p = row.Progress;
            table.Add(
                row.Name,
                F(p.Baseline, "0.0"),
                F(p.Current, "0.0"),
                F(p.Growth * 100, "+0.0;-0.0") + (p.Growth is null ? string.Empty : "%"),
                p.Basis == GrowthBasis.SameSet ? Text.Format("CellSameSet", p.ComparedParcels) : Text.Get("CellEachYear"),
                p.ReachedPlus35 is { } r35 ? Text.Get(r35 ? "CellReached" : "CellNotReached") : "—",
                p.ReachedDouble is { } r2 ? Text.Get(r2 ? "CellReached" : "CellNotReached") : "—",
                F(p.CurrentAllReporting, "0.0"),
                F(row.TaxPerMu, "0.00"),
                string.Join("/", GradeClassing.Letters.Select(l => row.Grades[l].ToString(CultureInfo.InvariantCulture))),
                row.NotGraded.ToString(CultureInfo.InvariantCulture),
                row.Failures.ToString(CultureInfo.InvariantCulture));
        }

        table.Write(output);
    }

    private static string ScopeText(GradingScope scope) => scope switch
    {
        GradingScope.City => Text.Get("ScopeCity"),
        GradingScope.Banner => Text.Get("ScopeBanner"),
        _ => Text.Get("ScopePark"),
    };

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
