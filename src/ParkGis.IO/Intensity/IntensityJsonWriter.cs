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

    /// <summary>
    /// Texts that recur through the document (park ids, grades, check names, reasons), each encoded once: the same bytes
    /// <see cref="Utf8JsonWriter.WriteString(string, string?)"/> writes, without transcoding and escaping them for every
    /// parcel. Only the first <see cref="MaxTexts"/> distinct texts are kept; the rest are encoded as they come.
    /// </summary>
    private sealed class RepeatedTexts
    {
        private const int MaxTexts = 4096;
        private readonly Dictionary<string, JsonEncodedText> _encoded = new(StringComparer.Ordinal);

        public JsonEncodedText Of(string text)
        {
            if (!_encoded.TryGetValue(text, out var encoded))
            {
                encoded = JsonEncodedText.Encode(text, JsonOutput.Options.Encoder);
                if (_encoded.Count < MaxTexts)
                {
                    _encoded.Add(text, encoded);
                }
            }

            return encoded;
        }
    }

    /// <summary>The member names of the firms and parcels, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Unit = Name("unit");
        public static readonly JsonEncodedText ParkId = Name("park_id");
        public static readonly JsonEncodedText ParcelIds = Name("parcel_ids");
        public static readonly JsonEncodedText AreaM2 = Name("area_m2");
        public static readonly JsonEncodedText AreaMu = Name("area_mu");
        public static readonly JsonEncodedText[] Indicators = [.. EvaluationIndicators.All.Select(i => Name(EvaluationIndicators.Name(i)))];
        public static readonly JsonEncodedText Score = Name("score");
        public static readonly JsonEncodedText Grade = Name("grade");
        public static readonly JsonEncodedText NotGraded = Name("not_graded");
        public static readonly JsonEncodedText Scope = Name("scope");
        public static readonly JsonEncodedText Group = Name("group");
        public static readonly JsonEncodedText ParcelId = Name("parcel_id");
        public static readonly JsonEncodedText Enterprise = Name("enterprise");
        public static readonly JsonEncodedText Industry = Name("industry");
        public static readonly JsonEncodedText LandUse = Name("land_use");
        public static readonly JsonEncodedText Category = Name("category");
        public static readonly JsonEncodedText Crs = Name("crs");
        public static readonly JsonEncodedText Built = Name("built");
        public static readonly JsonEncodedText PlotRatio = Name("plot_ratio");
        public static readonly JsonEncodedText BuildingCoefficient = Name("building_coefficient");
        public static readonly JsonEncodedText AdminShare = Name("admin_share");
        public static readonly JsonEncodedText GreenRatio = Name("green_ratio");
        public static readonly JsonEncodedText OutputPerMu = Name("output_per_mu");
        public static readonly JsonEncodedText TaxPerMu = Name("tax_per_mu");
        public static readonly JsonEncodedText InvestmentPerMu = Name("investment_per_mu");
        public static readonly JsonEncodedText ValueAddedPerMu = Name("value_added_per_mu");
        public static readonly JsonEncodedText ValueAddedPerEnergy = Name("value_added_per_energy");
        public static readonly JsonEncodedText StandardLand = Name("standard_land");
        public static readonly JsonEncodedText Checked = Name("checked");
        public static readonly JsonEncodedText Skipped = Name("skipped");
        public static readonly JsonEncodedText Passed = Name("passed");
        public static readonly JsonEncodedText Regime = Name("regime");
        public static readonly JsonEncodedText Version = Name("version");
        public static readonly JsonEncodedText VersionBasis = Name("version_basis");
        public static readonly JsonEncodedText Incomplete = Name("incomplete");
        public static readonly JsonEncodedText Checks = Name("checks");
        public static readonly JsonEncodedText Indicator = Name("indicator");
        public static readonly JsonEncodedText NameZh = Name("name_zh");
        public static readonly JsonEncodedText Measured = Name("measured");
        public static readonly JsonEncodedText Comparison = Name("comparison");
        public static readonly JsonEncodedText Threshold = Name("threshold");
        public static readonly JsonEncodedText Note = Name("note");

        /// <summary>Each category's name in lower case (<c>industrial</c>), by the category's value.</summary>
        private static readonly Dictionary<LandUseCategory, JsonEncodedText> Categories =
            Enum.GetValues<LandUseCategory>().ToDictionary(c => c, c => Name(c.ToString().ToLowerInvariant()));

        public static JsonEncodedText CategoryName(LandUseCategory category) =>
            Categories.TryGetValue(category, out var name) ? name : Name(category.ToString().ToLowerInvariant());

        private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, JsonOutput.Options.Encoder);
    }

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
        w.WriteString("as_of", result.AsOf is { } asOf ? Date(asOf) : null);
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

        // The firms and the parcels are nearly all of the file (2 KB a parcel): their names are encoded once, and the
        // texts that repeat from parcel to parcel once per text (docs/performance.md, "Tenth round, intensity evaluation and writing").
        var texts = new RepeatedTexts();
        void Figure(JsonEncodedText name, double? value)
        {
            if (Round(value) is not { } v)
            {
                w.WriteNull(name);
                return;
            }

            // The digits of a 6-decimal figure written directly where that is proven the writer's own text.
            Span<byte> digits = stackalloc byte[RoundedNumberText.MaxLength];
            if (RoundedNumberText.TryFormat(v, 6, digits, out var length))
            {
                w.WritePropertyName(name);
                w.WriteRawValue(digits[..length], skipInputValidation: true);
            }
            else
            {
                w.WriteNumber(name, v);
            }
        }

        void Repeated(JsonEncodedText name, string? value)
        {
            if (value is null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, texts.Of(value));
            }
        }

        void Flag(JsonEncodedText name, bool? value)
        {
            if (value is { } flag)
            {
                w.WriteBoolean(name, flag);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        w.WriteStartArray("enterprises");
        foreach (var e in result.Enterprises)
        {
            w.WriteStartObject();
            w.WriteString(Names.Unit, e.UnitId);
            Repeated(Names.ParkId, e.ParkId);
            w.WriteString(Names.ParcelIds, string.Join(",", e.ParcelIds));
            Figure(Names.AreaM2, e.AreaM2);
            Figure(Names.AreaMu, e.AreaMu);
            for (var i = 0; i < Names.Indicators.Length; i++)
            {
                Figure(Names.Indicators[i], e.Indicators.TryGetValue(EvaluationIndicators.All[i], out var v) ? v : null);
            }

            Figure(Names.Score, e.Score);
            Repeated(Names.Grade, e.Grade);
            Repeated(Names.NotGraded, e.NotGradedReason);
            Repeated(Names.Scope, e.Scope);
            Repeated(Names.Group, e.Group);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("parcels");
        foreach (var parcel in result.Parcels)
        {
            w.WriteStartObject();
            w.WriteString(Names.ParcelId, parcel.ParcelId);
            Repeated(Names.ParkId, parcel.ParkId);
            w.WriteString(Names.Enterprise, parcel.Enterprise);
            Repeated(Names.Industry, parcel.Industry);
            Repeated(Names.LandUse, parcel.LandUse);
            w.WriteString(Names.Category, Names.CategoryName(parcel.Category));
            Repeated(Names.Crs, parcel.AnalysisCrs);
            Figure(Names.AreaM2, parcel.AreaM2);
            Figure(Names.AreaMu, parcel.AreaMu);
            w.WriteBoolean(Names.Built, parcel.Built);
            Figure(Names.PlotRatio, parcel.PlotRatio);
            Figure(Names.BuildingCoefficient, parcel.BuildingCoefficient);
            Figure(Names.AdminShare, parcel.AdminShare);
            Figure(Names.GreenRatio, parcel.GreenRatio);
            Figure(Names.OutputPerMu, parcel.OutputPerMu);
            Figure(Names.TaxPerMu, parcel.TaxPerMu);
            Figure(Names.InvestmentPerMu, parcel.InvestmentPerMu);
            Figure(Names.ValueAddedPerMu, parcel.ValueAddedPerMu);
            Figure(Names.ValueAddedPerEnergy, parcel.ValueAddedPerEnergy);
            w.WriteString(Names.Unit, parcel.UnitId);
            Repeated(Names.Grade, parcel.Grade);
            w.WriteStartObject(Names.StandardLand);
            w.WriteBoolean(Names.Checked, parcel.StandardLandChecked);
            Repeated(Names.Skipped, parcel.StandardLandSkipReason);
            Flag(Names.Passed, parcel.StandardLandPassed);
            Repeated(Names.Regime, parcel.Regime);
            Repeated(Names.Version, parcel.Version);
            Repeated(Names.VersionBasis, !parcel.StandardLandChecked ? null : parcel.SuppliedOn is null ? "today" : parcel.Version is null ? "before_first_version" : "supplied_on");
            w.WriteStartArray(Names.Incomplete);
            foreach (var check in parcel.Checks)
            {
                if (check.Passed is null)
                {
                    w.WriteStringValue(texts.Of(check.Indicator));
                }
            }

            w.WriteEndArray();
            w.WriteStartArray(Names.Checks);
            foreach (var check in parcel.Checks)
            {
                w.WriteStartObject();
                Repeated(Names.Indicator, check.Indicator);
                Repeated(Names.NameZh, check.ChineseName);
                Figure(Names.Measured, check.Measured);
                Repeated(Names.Comparison, check.Comparison);
                Figure(Names.Threshold, check.Threshold);
                Flag(Names.Passed, check.Passed);
                Repeated(Names.Note, check.Note);
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
