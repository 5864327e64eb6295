namespace ParkGis.Core.Intensity;

/// <summary>Local 标准地 thresholds for a park, an industry, or an industry in one park.</summary>
/// <param name="ParkId">The park it applies to, or null for every park.</param>
/// <param name="Industry">The industry (产业, the parcel's <c>industry</c>) it applies to, or null for every industry.</param>
/// <param name="Thresholds">The thresholds it sets; null members keep the value from before.</param>
public sealed record StandardLandOverride(string? ParkId, string? Industry, StandardLandThresholds Thresholds)
{
    /// <summary>Whether the override applies to a parcel of <paramref name="parkId"/> and <paramref name="industry"/>.</summary>
    public bool AppliesTo(string? parkId, string? industry) =>
        (ParkId is null || string.Equals(ParkId, parkId, StringComparison.Ordinal))
        && (Industry is null || string.Equals(Industry, industry, StringComparison.Ordinal));
}
