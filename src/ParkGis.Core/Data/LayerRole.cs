namespace ParkGis.Core.Data;

/// <summary>
/// The part a layer plays in a dataset. A layer is found by its role name (the file or table base name)
/// or by one of the standard Chinese layer codes.
/// </summary>
public enum LayerRole
{
    /// <summary>Industrial park boundaries — 园区四至范围.</summary>
    Parks,

    /// <summary>Ecological protection red line — 生态保护红线 (STBHHX).</summary>
    EcologicalRedline,

    /// <summary>Permanent basic farmland patches — 永久基本农田 (YJJBNTBHTB).</summary>
    PermanentFarmland,

    /// <summary>Urban development boundary — 城镇开发边界 (CZKFBJ).</summary>
    UrbanBoundary,

    /// <summary>Approved construction land by batch — 建设用地批次 (批).</summary>
    Approvals,

    /// <summary>Land parcels — 宗地.</summary>
    Parcels,
}
