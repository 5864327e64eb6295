namespace ParkGis.Core.Publishing;

/// <summary>The supply rate of one park — 供地率 = supplied / approved, for the report's chart.</summary>
/// <param name="ParkId">The park id.</param>
/// <param name="Name">The park name (园区名称).</param>
/// <param name="ApprovedM2">Approved construction land (批) in m².</param>
/// <param name="SuppliedM2">Supplied land (供) in m².</param>
public sealed record ParkSupplyRate(string ParkId, string Name, double ApprovedM2, double SuppliedM2)
{
    /// <summary>Supplied / approved, or null when nothing is approved.</summary>
    public double? Rate => ApprovedM2 > 0 ? SuppliedM2 / ApprovedM2 : null;
}
