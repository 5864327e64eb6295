using ParkGis.Core.Data;

namespace ParkGis.Core.Industry;

/// <summary>The outcome of a <see cref="LeadingIndustryAnalysis"/>.</summary>
/// <param name="Year">The economics year used, or null when there was no economics data.</param>
/// <param name="MinShare">The minimum share used.</param>
/// <param name="Parks">One entry per park, sorted by id (ordinal).</param>
/// <param name="Issues">Data issues met.</param>
public sealed record LeadingIndustryResult(int? Year, double MinShare, IReadOnlyList<ParkLeadingIndustry> Parks, IReadOnlyList<DataIssue> Issues);
