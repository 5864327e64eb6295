using ParkGis.Core.Crs;

namespace ParkGis.Core.Supply;

/// <summary>
/// Supply of the approved land inside one park or one banner (园区 / 旗区供地情况): approved = area(area ∩
/// ∪approvals), supplied = area(that ∩ ∪supplied parcels).
/// </summary>
/// <param name="Id">park_id, or the banner name for banners.</param>
/// <param name="Name">Park name; the banner name for banners.</param>
/// <param name="Banner">旗区 of a park, or the banner itself; empty when unknown.</param>
/// <param name="Crs">The analysis CRS.</param>
/// <param name="ApprovedM2">Approved land inside, planar m².</param>
/// <param name="SuppliedM2">Supplied approved land inside, planar m².</param>
public sealed record AreaSupply(string Id, string Name, string Banner, CrsDefinition Crs, double ApprovedM2, double SuppliedM2)
{
    /// <summary>批而未供 = approved − supplied, m².</summary>
    public double UnsuppliedM2 => Math.Max(0, ApprovedM2 - SuppliedM2);

    /// <summary>供地率, or null when nothing was approved.</summary>
    public double? SupplyRate => SupplyRates.Of(SuppliedM2, ApprovedM2);
}
