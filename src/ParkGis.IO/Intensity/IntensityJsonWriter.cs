using System.Text.Json;
using ParkGis.Core.Intensity;
using ParkGis.Core.Measures;
using ParkGis.IO.Output;
using static ParkGis.IO.Output.JsonOutput;

namespace ParkGis.IO.Intensity;

/// <summary>
/// Writes <c>intensity.json</c>, the machine-readable result of <c>parkgis intensity</c> (docs/cli.md). Areas in
/// m² rounded to 1e-6, other figures to 6 decimals; shares are fractions; money in 万元. Byte-identical for identical input.
/// </summary>
public static class IntensityJsonWriter
{
    /// <summary>Rounds a figure for output (6 decimals).</summary>
    public static double? Round(double? value) => JsonOutput.Round(value);

    /// <summary>Writes the result to a file.</summary>
    public static void Write(string path, IntensityResult result) =>
        JsonOutput.WriteFile(path, writer => WriteDocument(writer, result));

    /// <summary>Writes the result to a stream.</summary>
    public static void Write(Stream stream, IntensityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(stream, w => WriteDocument(w, result));
    }

    /// <summary>The name of a growth basis in output and the rules file: <c>same_set</c> or <c>reporting</c>.</summary>
    public static string GrowthBasisName(GrowthBasis basis) => basis == GrowthBasis.SameSet ? "same_set" : "reporting";

    /// <summary>The name of a grading scope in output and the rules file: <c>city</c>, <c>banner</c> or <c>park</c>.</summary>
    public static string ScopeName(GradingScope scope) => scope switch
    {
        GradingScope.City => "city",
        GradingScope.Banner => "banner",
        _ => "park",
    };

    private static void WriteDocument(Utf8JsonWriter w, IntensityResult result)
    {
        void Number(string name, double? value)
        {
            if (Round(value) is { } v)
            {
                w.WriteNumber(name, v);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        w.WriteStartObject();
        if (result.Year is { } year)
        {
            w.WriteNumber("year", year);
        }
        else
        {
            w.WriteNull("year");
        }

        w.WriteNumber("baseline_year", result.BaselineYear);
        w.WriteString("land_use_codes", result.CodeList is { } list ? LandUseCodes.Name(list) : null);
        w.WriteBoolean("has_standard_land_failures", result.HasFailures);
        w.WriteStartObject("evaluation");
        w.WriteStartObject("weights");
        foreach (var (indicator, weight) in result.ScoredIndicators.OrderBy(p => p.Key))
        {
            Number(EvaluationIndicators.Name(indicator), weight);
        }

        w.WriteEndObject();
        w.WriteStartArray("not_scored");
        foreach (var item in result.NotScored)
        {
            w.WriteStartObject();
            w.WriteString("indicator", item.Code);
            w.WriteString("name_zh", item.ChineseName);
            w.WriteString("reason", item.NotComputedReason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("scope", ScopeName(result.Rules.Scope));
        w.WriteString("scale_basis", result.ScaleBasis);
        w.WriteStartArray("groups");
        foreach (var group in result.Groups)
        {
            w.WriteStartObject();
            w.WriteString("scope", group.Scope);
            w.WriteString("name", group.Name);
            w.WriteNumber("units", group.Units);
            w.WriteStartObject("weights");
            foreach (var (indicator, weight) in group.Weights.OrderBy(b => b.Key))
            {
                Number(EvaluationIndicators.Name(indicator), weight);
            }

            w.WriteEndObject();
            w.WriteStartObject("benchmarks");
            foreach (var (indicator, value) in group.Benchmarks.OrderBy(b => b.Key))
            {
                Number(EvaluationIndicators.Name(indicator), value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        void Progress(OutputPerMuProgress p)
        {
            w.WriteStartObject("output_per_mu");
            w.WriteString("basis", GrowthBasisName(p.Basis));
            if (p.Basis == GrowthBasis.SameSet)
            {
                w.WriteNumber("same_set_parcels", p.ComparedParcels);
            }
            else
            {
                w.WriteNull("same_set_parcels");
            }

            Number("baseline", p.Baseline);
            Number("current", p.Current);
            Number("current_all_reporting", p.CurrentAllReporting);
            Number("growth", p.Growth);
            Number("progress_to_plus35", p.ProgressToPlus35);
            Number("progress_to_double", p.ProgressToDouble);
            BooleanOrNull(w, "reached_plus35", p.ReachedPlus35);
            BooleanOrNull(w, "reached_double", p.ReachedDouble);
            w.WriteEndObject();
        }

        void Grades(IReadOnlyDictionary<string, int> counts)
        {
            w.WriteStartObject("grades");
            foreach (var (letter, count) in counts)
            {
                w.WriteNumber(letter, count);
            }

            w.WriteEndObject();
        }

        w.WriteStartArray("parks");
        foreach (var park in result.Parks)
        {
            w.WriteStartObject();
            w.WriteString("park_id", park.ParkId);
            w.WriteString("name", park.Name);
            w.WriteNumber("parcels", park.ParcelCount);
            Number("built_area_m2", park.BuiltAreaM2);
            Number("built_area_mu", AreaUnits.ToMu(park.BuiltAreaM2));
            Number("industrial_area_m2", park.IndustrialAreaM2);
            Number("industrial_area_mu", AreaUnits.ToMu(park.IndustrialAreaM2));
            Progress(park.OutputPerMu);
            Number("tax_per_mu", park.TaxPerMu);
            w.WriteStartArray("indicators");
            foreach (var indicator in park.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("indicator", indicator.Code);
                w.WriteString("name_zh", indicator.ChineseName);
                Number("value", indicator.Value);
                w.WriteString("unit", indicator.Unit);
                w.WriteString("not_computed", indicator.NotComputedReason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("benchmarks");
            foreach (var (indicator, value) in park.Benchmarks.OrderBy(b => b.Key))
            {
                Number(EvaluationIndicators.Name(indicator), value);
            }

            w.WriteEndObject();
            Grades(park.GradeCounts);
            w.WriteNumber("not_graded", park.NotGraded);
            w.WriteNumber("standard_land_failures", park.StandardLandFailures);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("banners");
        foreach (var banner in result.Banners)
        {
            w.WriteStartObject();
            w.WriteString("banner", banner.Banner);
            w.WriteString("park_ids", string.Join(",", banner.ParkIds));
            w.WriteNumber("parcels", banner.ParcelCount);
            Progress(banner.OutputPerMu);
            Number("tax_per_mu", banner.TaxPerMu);
            Grades(banner.GradeCounts);
            w.WriteNumber("not_graded", banner.NotGraded);
            w.WriteNumber("standard_land_failures", banner.StandardLandFailures);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("enterprises");
        foreach (var e in result.Enterprises)
        {
            w.WriteStartObject();
            w.WriteString("unit", e.UnitId);
            w.WriteString("park_id", e.ParkId);
            w.WriteString("parcel_ids", string.Join(",", e.ParcelIds));
            Number("area_m2", e.AreaM2);
            Number("area_mu", e.AreaMu);
            foreach (var indicator in EvaluationIndicators.All)
            {
                Number(EvaluationIndicators.Name(indicator), e.Indicators.TryGetValue(indicator, out var v) ? v : null);
            }

            Number("score", e.Score);
            w.WriteString("grade", e.Grade);
            w.WriteString("not_graded", e.NotGradedReason);
            w.WriteString("scope", e.Scope);
            w.WriteString("group", e.Group);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("parcels");
        foreach (var parcel in result.Parcels)
        {
            w.WriteStartObject();
            w.WriteString("parcel_id", parcel.ParcelId);
            w.WriteString("park_id", parcel.ParkId);
            w.WriteString("enterprise", parcel.Enterprise);
            w.WriteString("industry", parcel.Industry);
            w.WriteString("land_use", parcel.LandUse);
            w.WriteString("category", parcel.Category.ToString().ToLowerInvariant());
            w.WriteString("crs", parcel.AnalysisCrs);
            Number("area_m2", parcel.AreaM2);
            Number("area_mu", parcel.AreaMu);
            w.WriteBoolean("built", parcel.Built);
            Number("plot_ratio", parcel.PlotRatio);
            Number("building_coefficient", parcel.BuildingCoefficient);
            Number("admin_share", parcel.AdminShare);
            Number("green_ratio", parcel.GreenRatio);
            Number("output_per_mu", parcel.OutputPerMu);
            Number("tax_per_mu", parcel.TaxPerMu);
            Number("investment_per_mu", parcel.InvestmentPerMu);
            Number("value_added_per_mu", parcel.ValueAddedPerMu);
            Number("value_added_per_energy", parcel.ValueAddedPerEnergy);
            w.WriteString("unit", parcel.UnitId);
            w.WriteString("grade", parcel.Grade);
            w.WriteStartObject("standard_land");
            w.WriteBoolean("checked", parcel.StandardLandChecked);
            w.WriteString("skipped", parcel.StandardLandSkipReason);
            BooleanOrNull(w, "passed", parcel.StandardLandPassed);
            w.WriteString("regime", parcel.Regime);
            w.WriteString("version", parcel.Version);
            w.WriteString("version_basis", !parcel.StandardLandChecked ? null : parcel.SuppliedOn is null ? "today" : parcel.Version is null ? "before_first_version" : "supplied_on");
            w.WriteStartArray("incomplete");
            foreach (var indicator in parcel.Incomplete)
            {
                w.WriteStringValue(indicator);
            }

            w.WriteEndArray();
            w.WriteStartArray("checks");
            foreach (var check in parcel.Checks)
            {
                w.WriteStartObject();
                w.WriteString("indicator", check.Indicator);
                w.WriteString("name_zh", check.ChineseName);
                Number("measured", check.Measured);
                w.WriteString("comparison", check.Comparison);
                Number("threshold", check.Threshold);
                BooleanOrNull(w, "passed", check.Passed);
                w.WriteString("note", check.Note);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        DataIssuesJson.Write(w, "data_issues", result.Issues);
        w.WriteEndObject();
    }
}
