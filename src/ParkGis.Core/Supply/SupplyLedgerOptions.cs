namespace ParkGis.Core.Supply;

/// <summary>Settings of <see cref="SupplyLedger"/>.</summary>
/// <param name="WindowYears">Calendar years before the as-of year whose batches form the supply-rate window (近N年); 5 by default.</param>
/// <param name="YardstickRate">The national yardstick for the window's supply rate (供地率 ≥ 60 %).</param>
/// <param name="MinAreaM2">
/// Pieces smaller than this (m²) are slivers: they count in every area, but a parcel is listed as supplied without
/// approval only with at least this much outside the approvals, and unsupplied.geojson leaves out smaller polygons.
/// </param>
public sealed record SupplyLedgerOptions(int WindowYears = 5, double YardstickRate = 0.6, double MinAreaM2 = 1.0)
{
    /// <summary>Five years, 60 %, 1 m².</summary>
    public static SupplyLedgerOptions Default { get; } = new();
}
