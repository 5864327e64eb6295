namespace ParkGis.Core.Intensity;

/// <summary>
/// The land-use code list a dataset's <c>land_use</c> values come from. The two lists reuse codes with other
/// meanings (1001 is 工业用地 in one and 铁路用地 in the other), so a dataset uses exactly one.
/// </summary>
public enum LandUseCodeList
{
    /// <summary>国土空间调查、规划、用途管制用地用海分类 (2023): 1001 工业用地 (100101–100103), 1002 采矿用地, 1101 物流仓储用地.</summary>
    SpatialPlanning,

    /// <summary>第三次全国国土调查 (三调) 工作分类: 0601 工业用地, 0602 采矿用地, 0508 物流仓储用地; 1001 is 铁路用地 there.</summary>
    LandSurvey,
}
