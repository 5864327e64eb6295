namespace ParkGis.Core.Industry;

/// <summary>The leading-industry share of one park and, for a park of several blocks (区块), of each block.</summary>
/// <param name="ParkId">The park id.</param>
/// <param name="Name">The park name, empty when unknown.</param>
/// <param name="Park">The whole park.</param>
/// <param name="Blocks">One entry per block when the park has more than one; else empty.</param>
public sealed record ParkLeadingIndustry(string ParkId, string Name, LeadingIndustryShare Park, IReadOnlyList<LeadingIndustryShare> Blocks);
