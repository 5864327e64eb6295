using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Supply;

/// <summary>Supply of one approval batch (批次供地情况, docs/rules.md#supply-approved): 批, 供, 批而未供, measured spatially.</summary>
/// <param name="BatchId">批次编号.</param>
/// <param name="ApprovalNo">批准文号, or empty.</param>
/// <param name="ApprovedOn">批准日期, or null when missing or unreadable (a data issue says which).</param>
/// <param name="Banner">旗区 of the batch, or empty.</param>
/// <param name="Features">How many features make up the batch.</param>
/// <param name="Crs">The analysis CRS the batch was measured in.</param>
/// <param name="ApprovedM2">Area of the union of the batch's features, planar m².</param>
/// <param name="SuppliedM2">area(batch ∩ ∪supplied parcels).</param>
/// <param name="UnsuppliedLand"><see cref="Unsupplied"/>, overlaid on first use.</param>
public sealed record BatchSupply(
    string BatchId,
    string ApprovalNo,
    DateOnly? ApprovedOn,
    string Banner,
    int Features,
    CrsDefinition Crs,
    double ApprovedM2,
    double SuppliedM2,
    Lazy<Geometry> UnsuppliedLand)
{
    /// <summary>batch − ∪supplied parcels, in <see cref="Crs"/>: the 批而未供 land.</summary>
    public Geometry Unsupplied => UnsuppliedLand.Value;

    /// <summary>批而未供 = approved − supplied, m².</summary>
    public double UnsuppliedM2 => Math.Max(0, ApprovedM2 - SuppliedM2);

    /// <summary>供地率 = supplied / approved; null when nothing was approved.</summary>
    public double? SupplyRate => SupplyRates.Of(SuppliedM2, ApprovedM2);
}
