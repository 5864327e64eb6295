using ParkGis.Core.Localization;

namespace ParkGis.Core.Intensity;

/// <summary>
/// Names of the park indicators of 开发区土地集约利用评价 and of the 亩均 evaluation indicators (指标名称), by their
/// snake_case code (<c>land_supply_rate</c>, <c>tax_per_mu</c>).
/// </summary>
public static class IntensityIndicatorNames
{
    /// <summary>The Chinese name (always Chinese: <c>name_zh</c>, the bureau's ledgers).</summary>
    public static string ChineseName(string code) => Localized.Chinese(LabelKey(code));

    /// <summary>The name for people in the run's language: Chinese by default, English with <c>--lang en</c>.</summary>
    public static string Label(string code) => Localized.Get(LabelKey(code));

    private static string LabelKey(string code) => code switch
    {
        "land_development_rate" => "IndicatorLandDevelopmentRate",
        "land_supply_rate" => "IndicatorLandSupplyRate",
        "land_built_rate" => "IndicatorLandBuiltRate",
        "industrial_land_rate" => "IndicatorIndustrialLandRate",
        "composite_plot_ratio" => "IndicatorCompositePlotRatio",
        "building_density" => "IndicatorBuildingDensity",
        "industrial_plot_ratio" => "IndicatorIndustrialPlotRatio",
        "industrial_building_coefficient" => "IndicatorIndustrialBuildingCoefficient",
        "industrial_investment_intensity" => "IndicatorIndustrialInvestmentIntensity",
        "industrial_tax_per_ha" => "IndicatorIndustrialTaxPerHa",
        "land_idle_rate" => "IndicatorLandIdleRate",
        "tax_per_mu" => "IndicatorTaxPerMu",
        "value_added_per_mu" => "IndicatorValueAddedPerMu",
        "value_added_per_energy" => "IndicatorValueAddedPerEnergy",
        "value_added_per_emission" => "IndicatorValueAddedPerEmission",
        "labour_productivity" => "IndicatorLabourProductivity",
        "rd_share" => "IndicatorRdShare",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an intensity indicator."),
    };
}
