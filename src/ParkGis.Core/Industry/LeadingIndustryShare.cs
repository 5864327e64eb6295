namespace ParkGis.Core.Industry;

/// <summary>The leading-industry share (主导产业产值占比) of a park or one of its blocks.</summary>
/// <param name="Block">1-based block number, or null for the whole park.</param>
/// <param name="LeadingIndustries">The leading industries that apply.</param>
/// <param name="Outputs">Output by industry in the denominator, descending output then name (ordinal).</param>
/// <param name="TotalOutputWan">The output divided by (万元): industrial output on the industrial basis, else all.</param>
/// <param name="LeadingOutputWan">Output of the leading industries (万元).</param>
/// <param name="Share">Leading / total (0–1), or null when not computable.</param>
/// <param name="Passes">Share ≥ the minimum (equality passes), or null when not computable.</param>
/// <param name="PullingDown">The other industries with output, largest first: what keeps the share down.</param>
/// <param name="Missing">Why the share is not computable (the data that is missing), or null.</param>
/// <param name="Basis">The denominator used.</param>
/// <param name="ExcludedOutputWan">Output left out of the denominator (物流仓储, and 公用设施 when so set), 万元.</param>
public sealed record LeadingIndustryShare(
    int? Block,
    IReadOnlyList<string> LeadingIndustries,
    IReadOnlyList<IndustryOutput> Outputs,
    double TotalOutputWan,
    double LeadingOutputWan,
    double? Share,
    bool? Passes,
    IReadOnlyList<string> PullingDown,
    string? Missing,
    LeadingShareBasis Basis = LeadingShareBasis.AllOutput,
    double ExcludedOutputWan = 0);
