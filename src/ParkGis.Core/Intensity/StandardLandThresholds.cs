namespace ParkGis.Core.Intensity;

/// <summary>
/// 标准地 control indicators for industrial land: a null threshold is not checked. Shares are fractions (0.30
/// for 30 %), money in 万元 per 亩.
/// </summary>
/// <param name="BuildingCoefficientMin">建筑系数 = (building footprints + open yards) / site ≥ this.</param>
/// <param name="AdminShareMax">行政办公及生活服务设施用地 / site ≤ this.</param>
/// <param name="GreenRatioMax">绿地率 = green / site ≤ this.</param>
/// <param name="PlotRatioMin">容积率 = floor area / site ≥ this.</param>
/// <param name="PlotRatioMax">容积率 ≤ this.</param>
/// <param name="InvestmentPerMuMin">固定资产投资强度 (万元/亩) ≥ this.</param>
/// <param name="OutputPerMuMin">亩均产值 (万元/亩) ≥ this.</param>
/// <param name="TaxPerMuMin">亩均税收 (万元/亩) ≥ this.</param>
public sealed record StandardLandThresholds(
    double? BuildingCoefficientMin = null,
    double? AdminShareMax = null,
    double? GreenRatioMax = null,
    double? PlotRatioMin = null,
    double? PlotRatioMax = null,
    double? InvestmentPerMuMin = null,
    double? OutputPerMuMin = null,
    double? TaxPerMuMin = null)
{
    /// <summary>The national baseline (2008): 建筑系数 ≥ 30 %, admin ≤ 7 %, green ≤ 20 %; the rest local.</summary>
    public static StandardLandThresholds National { get; } = new(BuildingCoefficientMin: 0.30, AdminShareMax: 0.07, GreenRatioMax: 0.20);

    /// <summary>These thresholds with every value <paramref name="other"/> sets replacing this one's.</summary>
    public StandardLandThresholds OverriddenBy(StandardLandThresholds other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new StandardLandThresholds(
            other.BuildingCoefficientMin ?? BuildingCoefficientMin,
            other.AdminShareMax ?? AdminShareMax,
            other.GreenRatioMax ?? GreenRatioMax,
            other.PlotRatioMin ?? PlotRatioMin,
            other.PlotRatioMax ?? PlotRatioMax,
            other.InvestmentPerMuMin ?? InvestmentPerMuMin,
            other.OutputPerMuMin ?? OutputPerMuMin,
            other.TaxPerMuMin ?? TaxPerMuMin);
    }
}
