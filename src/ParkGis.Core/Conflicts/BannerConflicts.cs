using ParkGis.Core.Analysis;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Conflicts;

/// <summary>
/// The conflicts of one 旗区 (旗区冲突汇总, docs/rules.md#conflict-banner-totals): per kind the conflict area over the
/// union of its parks (land where two of its parks overlap counted once), the patches of its parks and how many of
/// its parks have any.
/// </summary>
/// <param name="Banner">The 旗区 (<see cref="ParkBanners"/>).</param>
/// <param name="ParkIds">Its parks, sorted ordinally.</param>
/// <param name="Conflicts">One tally per conflict kind.</param>
public sealed record BannerConflicts(string Banner, IReadOnlyList<string> ParkIds, IReadOnlyDictionary<ConflictKind, BannerConflictTally> Conflicts)
{
    /// <summary>The 旗区 totals of a check, sorted by 旗区 name; parks without a 旗区 are in none.</summary>
    /// <param name="result">The conflict check.</param>
    /// <param name="banners">The park-to-旗区 rule of the same dataset.</param>
    public static IReadOnlyList<BannerConflicts> Of(ConflictCheckResult result, ParkBanners banners)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(banners);
        return result.Parks
            .Where(p => banners.Of(p.ParkId).Length > 0)
            .GroupBy(p => banners.Of(p.ParkId), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var parks = g.OrderBy(p => p.ParkId, StringComparer.Ordinal).ToList();
                var tallies = ConflictKinds.All.ToDictionary(kind => kind, kind => Tally(parks, kind));
                return new BannerConflicts(g.Key, parks.Select(p => p.ParkId).ToList(), tallies);
            })
            .ToList();
    }

    /// <summary>
    /// Σ park areas less what two parks' patches share (measured per analysis CRS, only where patches of two parks meet:
    /// <see cref="LayerOverlay.SharedArea"/>), so that a patch of land inside two parks of the 旗区 counts once; patches
    /// and parks with a patch are counted per park.
    /// </summary>
    private static BannerConflictTally Tally(IReadOnlyList<ParkConflicts> parks, ConflictKind kind)
    {
        var tallies = parks.Select(p => p.Conflicts[kind]).ToList();
        var patches = parks.SelectMany(p => p.Patches).Where(p => p.Kind == kind).ToList();
        var shared = 0.0;
        foreach (var inCrs in patches.GroupBy(p => p.Crs.Code, StringComparer.Ordinal))
        {
            var list = inCrs.ToList();
            if (list.Select(p => p.ParkId).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue; // one park's patches are the parts of one union: they share nothing
            }

            shared += LayerOverlay.SharedArea(list.ConvertAll(p => p.Geometry), list[0].Geometry.Factory);
        }

        return new BannerConflictTally(
            Math.Max(0, tallies.Sum(t => t.AreaM2) - shared),
            tallies.Sum(t => t.Patches),
            tallies.Count(t => t.Patches > 0),
            tallies.All(t => t.Checked));
    }
}
