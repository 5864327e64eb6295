namespace ParkGis.Core.Intensity;

/// <summary>Which parcels the 亩均产值 growth compares (增长口径; docs/rules.md#intensity-growth).</summary>
public enum GrowthBasis
{
    /// <summary>同口径: only the parcels reporting output in both the baseline and the evaluated year.</summary>
    SameSet,

    /// <summary>Each year's reporting parcels (the sets may differ).</summary>
    Reporting,
}
