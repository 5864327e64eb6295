using ParkGis.Core.Conflicts;
using ParkGis.Core.Idle;
using ParkGis.Core.Intensity;
using ParkGis.Core.Parks;
using ParkGis.Core.Supply;

namespace ParkGis.Core.Scorecard;

/// <summary>
/// One 旗区 of the annual scorecard (旗区汇总, docs/rules.md#scorecard-banners): the totals of the analyses the parks
/// are scored on, each as its own command computes it for the 旗区 — no composite and no rank.
/// </summary>
/// <param name="Banner">The 旗区 (<see cref="ParkBanners"/>).</param>
/// <param name="ParkIds">Its scored parks, sorted ordinally.</param>
/// <param name="Conflicts">Conflicts over the union of its parks, or null when not computed.</param>
/// <param name="Supply">The window supply rate of its batches against the 60 % yardstick, or null without supply results.</param>
/// <param name="Idle">Idle land of its parks' parcels, or null without idle results.</param>
/// <param name="Intensity">亩均 figures, growth, grades and 标准地 over its parks, or null when it has no parcels.</param>
public sealed record ScorecardBanner(
    string Banner,
    IReadOnlyList<string> ParkIds,
    BannerConflicts? Conflicts,
    BannerSupplyWindow? Supply,
    IdleParkSummary? Idle,
    BannerIntensity? Intensity)
{
    /// <summary>Red line + permanent farmland conflict area (公顷), as the park indicator; null when either was not checked.</summary>
    public double? ConflictAreaHa => Conflicts is { } c && c.Conflicts[ConflictKind.EcologicalRedline].Checked && c.Conflicts[ConflictKind.PermanentFarmland].Checked
        ? Measures.AreaUnits.ToHectares(c.Conflicts[ConflictKind.EcologicalRedline].AreaM2 + c.Conflicts[ConflictKind.PermanentFarmland].AreaM2)
        : null;

    /// <summary>Red line + permanent farmland patches, as the park indicator; null when either was not checked.</summary>
    public int? ConflictPatches => ConflictAreaHa is null ? null
        : Conflicts!.Conflicts[ConflictKind.EcologicalRedline].Patches + Conflicts.Conflicts[ConflictKind.PermanentFarmland].Patches;

    /// <summary>Every 旗区 of the scored parks or of a batch, sorted by name.</summary>
    /// <param name="parkIds">The scored parks.</param>
    /// <param name="banners">The park-to-旗区 rule.</param>
    /// <param name="conflicts">The conflict check (its <see cref="ConflictCheckResult.Banners"/>).</param>
    /// <param name="supply">The supply ledger, or null.</param>
    /// <param name="idle">The idle survey, or null.</param>
    /// <param name="intensity">The efficiency results.</param>
    public static IReadOnlyList<ScorecardBanner> Of(
        IEnumerable<string> parkIds, ParkBanners banners, ConflictCheckResult conflicts, SupplyLedgerResult? supply, IdleLandResult? idle, IntensityResult intensity)
    {
        ArgumentNullException.ThrowIfNull(parkIds);
        ArgumentNullException.ThrowIfNull(banners);
        ArgumentNullException.ThrowIfNull(conflicts);
        ArgumentNullException.ThrowIfNull(intensity);
        var parksOf = parkIds.Where(id => banners.Of(id).Length > 0).GroupBy(banners.Of, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var conflictOf = (conflicts.Banners ?? BannerConflicts.Of(conflicts, banners)).ToDictionary(b => b.Banner, StringComparer.Ordinal);
        var supplyOf = (supply?.BannersInWindow ?? []).ToDictionary(b => b.Banner, StringComparer.Ordinal);
        var idleOf = (idle?.Banners ?? []).ToDictionary(b => b.Banner, StringComparer.Ordinal);
        var intensityOf = intensity.Banners.ToDictionary(b => b.Banner, StringComparer.Ordinal);
        return parksOf.Keys.Concat(supplyOf.Keys).Concat(idleOf.Keys).Concat(intensityOf.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => new ScorecardBanner(
                name,
                parksOf.GetValueOrDefault(name) ?? [],
                conflictOf.GetValueOrDefault(name),
                supply is null ? null : supplyOf.GetValueOrDefault(name) ?? new BannerSupplyWindow(name, supply.Window with { Batches = 0, ApprovedM2 = 0, SuppliedM2 = 0, BatchIds = [] }),
                idleOf.GetValueOrDefault(name),
                intensityOf.GetValueOrDefault(name)))
            .ToList();
    }
}
