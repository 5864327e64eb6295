using ParkGis.Core.Data;

namespace ParkGis.Core.Supply;

/// <summary>The outcome of a <see cref="SupplyLedger"/> (批供台账).</summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Options">The options used.</param>
/// <param name="Batches">Per batch, sorted by batch id (ordinal).</param>
/// <param name="Parks">Per park, sorted by park id; empty without a parks layer.</param>
/// <param name="Banners">Per banner (旗区), sorted by name; empty when parks have no banner.</param>
/// <param name="Window">The N-year window.</param>
/// <param name="Unapproved">Supplied parcels with at least the minimum area outside every batch, sorted by parcel id.</param>
/// <param name="UnapprovedAreaM2">area(∪supplied parcels − ∪approvals), slivers included.</param>
/// <param name="UnapprovedSuppressed">Supplied parcels outside the approvals by less than the minimum area.</param>
/// <param name="Issues">Data issues, sorted.</param>
public sealed record SupplyLedgerResult(
    DateOnly AsOf,
    SupplyLedgerOptions Options,
    IReadOnlyList<BatchSupply> Batches,
    IReadOnlyList<AreaSupply> Parks,
    IReadOnlyList<AreaSupply> Banners,
    SupplyWindow Window,
    IReadOnlyList<UnapprovedSupply> Unapproved,
    double UnapprovedAreaM2,
    int UnapprovedSuppressed,
    IReadOnlyList<DataIssue> Issues)
{
    /// <summary>
    /// Per park, the same measure restricted to the batches approved inside the window (the park's own 5-year
    /// supply rate, which the scorecard ranks); empty when there is no parks layer.
    /// </summary>
    public IReadOnlyList<AreaSupply> ParksInWindow { get; init; } = [];

    /// <summary>
    /// True when the dataset has a land-use survey layer (<c>land_use</c>) and supplied land on its existing construction
    /// land (存量建设用地) was left out of 未批先供; false when 存量 could not be excluded (docs/rules.md#supply-unapproved).
    /// </summary>
    public bool ExistingConstructionChecked { get; init; }

    /// <summary>Batches approved after the as-of date, left out of every figure (they did not exist then: docs/rules.md#supply-rate).</summary>
    public int BatchesApprovedLater { get; init; }

    /// <summary>Observed while the batches' <see cref="BatchSupply.Unsupplied"/> land is overlaid for publishing.</summary>
    internal CancellationToken Cancellation { get; init; }

    /// <summary>Per 旗区, the window rate against the yardstick (docs/rules.md#supply-yardstick), sorted by name.</summary>
    public IReadOnlyList<BannerSupplyWindow> BannersInWindow { get; init; } = [];

    /// <summary>Total approved area over batches (each batch's union; batches overlapping each other count for each).</summary>
    public double ApprovedM2 => Batches.Sum(b => b.ApprovedM2);

    /// <summary>Total supplied area over batches.</summary>
    public double SuppliedM2 => Batches.Sum(b => b.SuppliedM2);

    /// <summary>Findings: the window is under the yardstick city-wide or in a 旗区, or land was supplied without approval.</summary>
    public bool HasFindings => Window.BelowYardstick || BannersInWindow.Any(b => b.Window.BelowYardstick) || Unapproved.Count > 0;
}
