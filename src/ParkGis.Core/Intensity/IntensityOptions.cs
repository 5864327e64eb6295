namespace ParkGis.Core.Intensity;

/// <summary>Settings of <see cref="IntensityAnalysis"/>.</summary>
/// <param name="Year">The year evaluated; null for the latest year in the economics table.</param>
/// <param name="BaselineYear">The year 亩均产值 progress is measured against (the plan's 2021).</param>
/// <param name="Rules">标准地 thresholds and evaluation settings.</param>
/// <param name="CodeList">The land-use code list of the parcels, or null for the dataset's setting, else detected from the codes' shape.</param>
public sealed record IntensityOptions(int? Year, int BaselineYear, IntensityRules Rules, LandUseCodeList? CodeList = null)
{
    /// <summary>Latest year, baseline 2021, default rules, detected code list.</summary>
    public static IntensityOptions Default { get; } = new(null, 2021, IntensityRules.Default);
}
