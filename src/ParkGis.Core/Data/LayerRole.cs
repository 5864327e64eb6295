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

    /// <summary>Roads — 道路 (通路), lines or polygons.</summary>
    Roads,

    /// <summary>Water supply network — 给水管网 (通给水).</summary>
    WaterSupply,

    /// <summary>Storm-water drainage network — 雨水排水管网 (通排水).</summary>
    Drainage,

    /// <summary>Sewage network — 污水管网 (通污水).</summary>
    Sewage,

    /// <summary>Power lines — 供电线路 (通电).</summary>
    Power,

    /// <summary>Gas network — 燃气管网 (通燃气).</summary>
    Gas,

    /// <summary>Heating network — 供热管网 (通热力).</summary>
    Heating,

    /// <summary>Telecommunication lines — 通信管线 (通信).</summary>
    Telecom,

    /// <summary>Industrial steam network — 蒸汽管网 (通蒸汽), where a park has one.</summary>
    Steam,

    /// <summary>Banner and district boundaries — 旗区 (county-level), naming each by <c>name</c>.</summary>
    Banners,

    /// <summary>Land-use survey patches — 地类图斑 (三调 / 变更调查, DLTB), for existing construction land (存量建设用地).</summary>
    LandUse,
}
