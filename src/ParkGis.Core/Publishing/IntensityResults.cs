using ParkGis.Core.Crs;
using ParkGis.Core.Intensity;
using ParkGis.Core.Localization;

namespace ParkGis.Core.Publishing;

/// <summary>Publishes an <see cref="IntensityResult"/>: every analysed parcel with its 亩均 figures, grade and 标准地 verdict (亩均效益).</summary>
public static class IntensityResults
{
    /// <summary>The <c>intensity</c> layer, in parcel order; parcels failing 标准地 are errors.</summary>
    /// <param name="result">The analysis result.</param>
    /// <param name="parcelsCrs">The CRS the parcel geometries are stored in.</param>
    public static ResultLayer Parcels(IntensityResult result, CrsDefinition parcelsCrs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parcelsCrs);
        var features = result.Parcels
            .Select(p => new ResultFeature(
                p.Geometry,
                parcelsCrs,
                p.AreaM2,
                "intensity",
                p.FailsStandardLand ? "error" : "info",
                p.ParcelId,
                [
                    new("parcel_id", p.ParcelId),
                    new("park_id", p.ParkId),
                    new("enterprise", p.Enterprise),
                    new("industry", p.Industry),
                    new("grade", p.Grade),
                    new("score", PublishedValues.Round(p.Score, 6)),
                    new("output_per_mu", PublishedValues.Round(p.OutputPerMu, 6)),
                    new("tax_per_mu", PublishedValues.Round(p.TaxPerMu, 6)),
                    new("investment_per_mu", PublishedValues.Round(p.InvestmentPerMu, 6)),
                    new("value_added_per_mu", PublishedValues.Round(p.ValueAddedPerMu, 6)),
                    new("plot_ratio", PublishedValues.Round(p.PlotRatio, 6)),
                    new("building_coefficient", PublishedValues.Round(p.BuildingCoefficient, 6)),
                    new("standard_land", !p.StandardLandChecked ? "n/a" : p.FailsStandardLand ? "fail" : "pass"),
                    new("failed", string.Join(",", p.Checks.Where(c => c.Passed == false).Select(c => c.Indicator))),
                    new("analysis_crs", p.AnalysisCrs),
                ]))
            .ToList();
        return new ResultLayer("intensity", Localized.Get("PublishedLayerIntensity"), features, Highlight: false);
    }
}
