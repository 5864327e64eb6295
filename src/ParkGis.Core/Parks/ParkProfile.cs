namespace ParkGis.Core.Parks;

/// <summary>
/// What a park declares about itself beyond its boundary: its leading industries (主导产业), per block when the
/// blocks differ, and whether its land is levelled (土地平整, the 一平 of 九通一平).
/// </summary>
/// <param name="ParkId">The park id.</param>
/// <param name="LeadingIndustries">The park's leading industries; empty when none are declared.</param>
/// <param name="BlockLeadingIndustries">1-based block number → that block's leading industries, where they differ from the park's.</param>
/// <param name="Levelled">True or false when declared, null when unknown.</param>
public sealed record ParkProfile(
    string ParkId,
    IReadOnlyList<string> LeadingIndustries,
    IReadOnlyDictionary<int, IReadOnlyList<string>> BlockLeadingIndustries,
    bool? Levelled)
{
    /// <summary>A park that declares nothing.</summary>
    public static ParkProfile Empty(string parkId) => new(parkId, [], new Dictionary<int, IReadOnlyList<string>>(), null);

    /// <summary>The leading industries of block <paramref name="block"/> (1-based): its own, else the park's.</summary>
    public IReadOnlyList<string> LeadingIndustriesOf(int block) =>
        BlockLeadingIndustries.TryGetValue(block, out var own) ? own : LeadingIndustries;
}
