namespace ParkGis.Core.Industry;

/// <summary>Settings of <see cref="LeadingIndustryAnalysis"/>.</summary>
/// <param name="MinShare">The leading industries' share of output a park or block must reach (0–1); equality passes. The plan's target is 80%.</param>
/// <param name="Year">The economics year; null for the latest year in the table.</param>
/// <param name="Basis">The denominator: the park's industrial output (default) or all output.</param>
/// <param name="ExcludeUtilities">On the industrial basis, also leave out the output of utility land (公用设施); default false (水、电 are 工业).</param>
public sealed record LeadingIndustryOptions(double MinShare = 0.8, int? Year = null, LeadingShareBasis Basis = LeadingShareBasis.IndustrialOutput, bool ExcludeUtilities = false)
{
    /// <summary>80%, latest year, industrial output.</summary>
    public static LeadingIndustryOptions Default { get; } = new();
}
