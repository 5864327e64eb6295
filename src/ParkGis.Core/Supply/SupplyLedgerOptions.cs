namespace ParkGis.Core.Supply;

/// <summary>Settings of <see cref="SupplyLedger"/> (rules file section <c>supply</c>, docs/rules.md#supply).</summary>
/// <param name="WindowYears">
/// Complete calendar years up to the as-of date whose batches form the supply-rate window (近N年); 5 by default.
/// 31 December closes its own year (docs/rules.md#supply-window).
/// </param>
/// <param name="YardstickRate">The national yardstick for the window's supply rate (供地率 ≥ 60 %), per 旗区 and city-wide.</param>
/// <param name="MinAreaM2">
/// Pieces smaller than this (m²) are slivers: they count in every area, but a parcel is listed as supplied without
/// approval only with at least this much outside the approvals, and unsupplied.geojson leaves out smaller polygons.
/// </param>
public sealed record SupplyLedgerOptions(int WindowYears = 5, double YardstickRate = 0.6, double MinAreaM2 = 1.0)
{
    /// <summary>Five years, 60 %, 1 m², the default 存量建设用地 codes.</summary>
    public static SupplyLedgerOptions Default { get; } = new();

    /// <summary>Which land-use survey patches are existing construction land (存量建设用地, docs/rules.md#supply-unapproved).</summary>
    public ExistingConstruction ExistingConstruction { get; init; } = ExistingConstruction.Default;
}
