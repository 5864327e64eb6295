namespace ParkGis.Core.Supply;

/// <summary>
/// The supply rate over the batches approved in the last N complete calendar years up to the as-of date
/// (近五年平均供地率, docs/rules.md#supply-window), area-weighted: Σsupplied / Σapproved, against the national 60 %
/// yardstick.
/// </summary>
/// <param name="From">First day of the window (1 January).</param>
/// <param name="To">Last day of the window: 31 December of the as-of year when the as-of date is that day, else of the year before.</param>
/// <param name="Batches">Batches approved in the window.</param>
/// <param name="ApprovedM2">Their approved area.</param>
/// <param name="SuppliedM2">Their supplied area.</param>
/// <param name="YardstickRate">The yardstick (0.6).</param>
public sealed record SupplyWindow(DateOnly From, DateOnly To, int Batches, double ApprovedM2, double SuppliedM2, double YardstickRate)
{
    /// <summary>Ids of the batches approved inside the window, sorted ordinally.</summary>
    public IReadOnlyList<string> BatchIds { get; init; } = [];

    /// <summary>Σsupplied / Σapproved, or null when no batch falls in the window.</summary>
    public double? SupplyRate => SupplyRates.Of(SuppliedM2, ApprovedM2);

    /// <summary>True when the rate is under the yardstick; false when there is no rate.</summary>
    public bool BelowYardstick => SupplyRate is { } rate && rate < YardstickRate;
}
