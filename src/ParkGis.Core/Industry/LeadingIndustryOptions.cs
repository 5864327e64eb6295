namespace ParkGis.Core.Industry;

/// <summary>Settings of <see cref="LeadingIndustryAnalysis"/>.</summary>
/// <param name="MinShare">The leading industries' share of output a park or block must reach (0–1); equality passes. The plan's target is 80%.</param>
/// <param name="Year">The economics year; null for the latest year in the table.</param>
public sealed record LeadingIndustryOptions(double MinShare = 0.8, int? Year = null)
{
    /// <summary>80%, latest year.</summary>
    public static LeadingIndustryOptions Default { get; } = new();
}
