namespace ParkGis.Core.Intensity;

/// <summary>
/// 亩均产值 of a park (or 旗区) against the baseline year, with progress toward the plan's targets (+35 % and ×2
/// over the baseline). Null members mean the year's figures are missing.
/// </summary>
/// <param name="BaselineYear">The baseline year (2021).</param>
/// <param name="Year">The evaluated year.</param>
/// <param name="Baseline">亩均产值 in the baseline year over the compared parcels (万元/亩).</param>
/// <param name="Current">亩均产值 in the evaluated year over the compared parcels (万元/亩).</param>
/// <param name="Basis">Which parcels are compared (同口径 by default).</param>
/// <param name="ComparedParcels">Parcels in the comparison: reporting in both years (同口径), or in either (each year's reporters).</param>
/// <param name="CurrentAllReporting">亩均产值 of the evaluated year over every reporting parcel (the year's level).</param>
public sealed record OutputPerMuProgress(int BaselineYear, int Year, double? Baseline, double? Current, GrowthBasis Basis, int ComparedParcels, double? CurrentAllReporting)
{
    /// <summary>Current / baseline − 1.</summary>
    public double? Growth => Baseline is > 0 && Current is { } current ? (current / Baseline.Value) - 1 : null;

    /// <summary>Share of the way to +35 %: growth / 0.35 (1 = reached).</summary>
    public double? ProgressToPlus35 => Growth / 0.35;

    /// <summary>Share of the way to doubling: growth / 1.0 (1 = reached).</summary>
    public double? ProgressToDouble => Growth;

    /// <summary>Whether 亩均产值 is at least 1.35 × the baseline.</summary>
    public bool? ReachedPlus35 => Growth is { } growth ? growth >= 0.35 - 1e-12 : null;

    /// <summary>Whether 亩均产值 is at least 2 × the baseline.</summary>
    public bool? ReachedDouble => Growth is { } growth ? growth >= 1.0 - 1e-12 : null;

    /// <summary>
    /// The progress of <paramref name="parcels"/>: with <see cref="GrowthBasis.SameSet"/> both years over the parcels
    /// that report output in both (docs/rules.md#intensity-growth); the year's level always over every reporter.
    /// </summary>
    public static OutputPerMuProgress Of(IEnumerable<ParcelIntensity> parcels, int baselineYear, int year, GrowthBasis basis)
    {
        ArgumentNullException.ThrowIfNull(parcels);
        double baseSum = 0, baseMu = 0, curSum = 0, curMu = 0, allSum = 0, allMu = 0;
        var compared = 0;
        foreach (var p in parcels)
        {
            var before = p.BaselineEconomics?.OutputWan;
            var now = p.Economics?.OutputWan;
            if (now is { } all)
            {
                allSum += all;
                allMu += p.AreaMu;
            }

            var inBoth = before is not null && now is not null;
            if (basis == GrowthBasis.SameSet ? !inBoth : before is null && now is null)
            {
                continue;
            }

            compared++;
            if (before is { } b)
            {
                baseSum += b;
                baseMu += p.AreaMu;
            }

            if (now is { } c)
            {
                curSum += c;
                curMu += p.AreaMu;
            }
        }

        static double? PerMu(double sum, double mu) => mu > 0 ? sum / mu : null;
        return new OutputPerMuProgress(baselineYear, year, PerMu(baseSum, baseMu), PerMu(curSum, curMu), basis, compared, PerMu(allSum, allMu));
    }
}
