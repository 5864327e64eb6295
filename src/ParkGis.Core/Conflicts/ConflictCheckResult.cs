using ParkGis.Core.Data;

namespace ParkGis.Core.Conflicts;

/// <summary>The outcome of a <see cref="ConflictCheck"/>.</summary>
/// <param name="Parks">One entry per park, sorted by id (ordinal).</param>
/// <param name="Parcels">Parcel totals, or null when the dataset has no parcel layer.</param>
/// <param name="Issues">Data issues from reading and from the check.</param>
/// <param name="MinAreaM2">The minimum patch area used.</param>
public sealed record ConflictCheckResult(
    IReadOnlyList<ParkConflicts> Parks,
    ParcelConflicts? Parcels,
    IReadOnlyList<DataIssue> Issues,
    double MinAreaM2)
{
    /// <summary>
    /// 旗区 totals (<see cref="BannerConflicts"/>), sorted by name; empty when no park has a 旗区, null when they were
    /// not computed (the check ran in the database).
    /// </summary>
    public IReadOnlyList<BannerConflicts>? Banners { get; init; }

    /// <summary>True when any park or parcel conflict reaches the minimum area.</summary>
    public bool HasConflicts =>
        Parks.Any(p => p.Patches.Count > 0)
        || (Parcels is { } parcels && (parcels.EcologicalRedline.Parcels > 0 || parcels.PermanentFarmland.Parcels > 0
            || parcels.OutsidePark.Parcels > 0 || parcels.ParcelOverlap.Pairs > 0 || parcels.ParcelOverlap.Stacks > 0));
}
