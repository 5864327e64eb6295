namespace ParkGis.Core.Intensity;

/// <summary>
/// 亩均产值 of a park against the baseline year, with progress toward the plan's targets (+35 % and ×2 over the
/// baseline). Null members mean the year's figures are missing.
/// </summary>
/// <param name="BaselineYear">The baseline year (2021).</param>
/// <param name="Year">The evaluated year.</param>
/// <param name="Baseline">亩均产值 in the baseline year (万元/亩).</param>
/// <param name="Current">亩均产值 in the evaluated year (万元/亩).</param>
public sealed record OutputPerMuProgress(int BaselineYear, int Year, double? Baseline, double? Current)
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
}
