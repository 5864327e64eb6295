namespace ParkGis.Core.Intensity;

/// <summary>The indicators of the 亩均效益 evaluation (Zhejiang model).</summary>
public enum EvaluationIndicator
{
    /// <summary>亩均税收: tax / land (万元/亩).</summary>
    TaxPerMu,

    /// <summary>亩均增加值: value added / land (万元/亩).</summary>
    ValueAddedPerMu,

    /// <summary>单位能耗增加值: value added / energy (万元/吨标煤).</summary>
    ValueAddedPerEnergy,

    /// <summary>单位排放增加值: value added / emissions (万元/吨).</summary>
    ValueAddedPerEmission,

    /// <summary>全员劳动生产率: value added / employees (万元/人).</summary>
    LabourProductivity,

    /// <summary>研发经费投入强度: R&amp;D spending / revenue.</summary>
    RdShare,
}
