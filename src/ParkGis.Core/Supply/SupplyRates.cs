namespace ParkGis.Core.Supply;

/// <summary>The supply rate (供地率) = supplied / approved (docs/rules.md#supply-rate).</summary>
public static class SupplyRates
{
    /// <summary>supplied / approved, or null when nothing was approved.</summary>
    public static double? Of(double suppliedM2, double approvedM2) => approvedM2 > 0 ? suppliedM2 / approvedM2 : null;
}
