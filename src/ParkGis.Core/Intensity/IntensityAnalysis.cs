using System.Globalization;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Assessment;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Idle;
using ParkGis.Core.Localization;
using ParkGis.Core.Measures;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Intensity;

/// <summary>
/// Land-use efficiency (亩均效益, 集约利用): per-parcel building and per-亩 indicators, 标准地 compliance, the
/// 亩均效益 evaluation of enterprises, and per-park 开发区土地集约利用评价 indicators with 亩均产值 progress against the
/// baseline year. Land is always the parcel's measured planar area in its analysis CRS, never an attribute.
/// </summary>
public sealed class IntensityAnalysis
{
    private const string ParcelsLayerName = "parcels";
    private static readonly IReadOnlyDictionary<string, EconomicsRecord> NoEconomics = new Dictionary<string, EconomicsRecord>(StringComparer.Ordinal);
    private readonly IntensityOptions _options;
    private readonly IProgress<string>? _progress;

    /// <summary>Creates the analysis.</summary>
    public IntensityAnalysis(IntensityOptions options, IProgress<string>? progress = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress;
    }

    /// <summary>
    /// The layers the analysis reads, with the land status it takes from them (<see cref="ParkAssessment.Intensity"/>):
    /// parks and parcels, the 旗区 boundaries it totals by, and the approvals of each park's 批而未供 (B21); the
    /// idle survey behind 土地闲置率 reads no other (<see cref="IdleLandSurvey.LayersUsed"/>). A scoped read may leave
    /// every other layer unopened.
    /// </summary>
    public static IReadOnlyCollection<LayerRole> LayersUsed { get; } = [LayerRole.Parcels, LayerRole.Parks, LayerRole.Banners, LayerRole.Approvals];

    /// <summary>Runs the analysis with default options.</summary>
    public static IntensityResult Run(Dataset dataset, EconomicsTable? economics) =>
        new IntensityAnalysis(IntensityOptions.Default).Analyze(dataset, economics);

    /// <summary>Runs the analysis on a dataset as read (invalid geometry left out).</summary>
    /// <param name="dataset">The dataset: parks and parcels are required.</param>
    /// <param name="economics">The economics table, or null (then only the building indicators are computed).</param>
    /// <param name="landStatus">Supply and idle results (土地供应率, 土地建成率, 土地闲置率), or null.</param>
    /// <exception cref="UnusableInputException">The dataset has no parks or no parcels layer.</exception>
    public IntensityResult Analyze(Dataset dataset, EconomicsTable? economics, LandStatusInput? landStatus = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var inputs = new AssessmentInputs(dataset, new DatasetSettings(new Dictionary<string, Parks.ParkProfile>(StringComparer.Ordinal), _options.CodeList), () => economics);
        return Analyze(new ParkAssessment(inputs, progress: _progress), landStatus);
    }

    /// <summary>Runs the analysis on the screened parks and parcels of an assessment, its economics table and code list.</summary>
    /// <param name="assessment">The assessment: parks and parcels are required.</param>
    /// <param name="landStatus">Supply and idle results (土地供应率, 土地建成率, 土地闲置率), or null.</param>
    /// <exception cref="UnusableInputException">The dataset has no parks or no parcels layer.</exception>
    public IntensityResult Analyze(ParkAssessment assessment, LandStatusInput? landStatus = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var issues = new List<DataIssue>(assessment.Dataset.Issues);
        var parksLayer = assessment.RequireLayer(LayerRole.Parks, Localized.Get("NeededForIntensity"));
        var parcelsLayer = assessment.RequireLayer(LayerRole.Parcels, Localized.Get("NeededForIntensityParcels"));
        assessment.Screen(LayerRole.Parks, LayerRole.Parcels);
        var parksScreened = assessment.Screened(LayerRole.Parks)!;
        var parcelsScreened = assessment.Screened(LayerRole.Parcels)!;
        issues.AddRange(parksScreened.Issues);
        issues.AddRange(parcelsScreened.Issues);
        issues.AddRange(AbsentFields.Issues(parcelsLayer, ParcelFields.SuppliedOn));
        issues.AddRange(landStatus?.Issues ?? []);
        var parks = parksScreened.Features;
        var parcels = parcelsScreened.Features;
        var economics = assessment.Economics;
        if (economics is not null)
        {
            issues.AddRange(economics.Issues);
        }

        var placements = assessment.ParcelParks;
        issues.AddRange(placements.Issues);
        var codeList = DecideCodeList(parcelsLayer, parcels, _options.CodeList ?? assessment.Settings.CodeList, issues);
        var year = _options.Year ?? economics?.LatestYear;
        var statusById = landStatus?.Parcels.GroupBy(s => s.ParcelId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        _progress?.Report(Localized.Format("ProgressMeasuringParcels", parcels.Count));
        var measured = new List<MeasuredParcel>(parcels.Count);
        for (var i = 0; i < parcels.Count; i++)
        {
            assessment.Cancellation.ThrowIfCancellationRequested();
            measured.Add(Measure(parcelsLayer, parcels[i], parcelsScreened.AnalysisCrsOf(i), parcelsScreened.AreaM2(i), placements.Of(i)?.ParkId, codeList, statusById, issues));
        }

        IReadOnlyDictionary<string, EconomicsRecord> current = NoEconomics;
        if (year is { } y && assessment.EconomicsIn(y) is { } attached)
        {
            issues.AddRange(attached.Issues);
            current = attached.ByParcel;
        }

        var baseline = economics is not null && assessment.EconomicsIn(_options.BaselineYear) is { } before ? before.ByParcel : NoEconomics;

        _progress?.Report(Localized.Get("ProgressIntensityEvaluating"));
        var columns = economics?.Columns ?? new HashSet<string>();
        var (weights, notScored) = ScoredIndicators(economics);
        var byId = InIdOrder(measured);
        var units = Units(measured, byId);
        // docs/rules.md#banners: the one park-to-旗区 rule
        var banners = assessment.ParkBanners;
        issues.AddRange(banners.Issues);
        var parkBanner = parks.GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => banners.Of(g.Key) is { Length: > 0 } banner ? banner : null, StringComparer.Ordinal);
        var scaleBasis = columns.Contains("revenue_wan") ? "revenue_wan" : null;
        var (evaluations, groups) = EvaluateAll(units, parkBanner, current, year, weights, scaleBasis);
        var grades = evaluations.Where(e => e.Grade is not null).ToDictionary(e => e.UnitId, e => (Score: e.Score!.Value, Grade: e.Grade!), StringComparer.Ordinal);
        var mainGroup = scaleBasis is null ? AllFirms : AboveScale;
        var benchmarksByPark = parkBanner.Keys.ToDictionary(
            id => id,
            id => groups.FirstOrDefault(g => g.Scope == ScopeOf(id, parkBanner) && g.Name == mainGroup)?.Benchmarks ?? new Dictionary<EvaluationIndicator, double>(),
            StringComparer.Ordinal);

        var text = new FinishText(Localized.Get("NotIndustrialLand"), Localized.Get("NoBuildingsYet"), IntensityRules.InDateOrder(_options.Rules.VersionsUsed));
        var parcelResults = new List<ParcelIntensity>(byId.Length);
        foreach (var i in byId)
        {
            parcelResults.Add(Finish(measured[i], current, baseline, grades, text));
        }

        var incomplete = parcelResults.Where(p => p.StandardLandPassed is null && p.StandardLandChecked).ToList();
        if (incomplete.Count > 0)
        {
            var missing = incomplete.SelectMany(p => p.Checks).Where(c => c.Passed is null && c.Note is not null)
                .GroupBy(c => (c.Indicator, c.Note)).OrderBy(g => g.Key.Indicator, StringComparer.Ordinal).ThenBy(g => g.Key.Note, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.Indicator} {g.Key.Note} ({g.Count()})"));
            issues.Add(new DataIssue(ParcelsLayerName, string.Empty, DataIssueCodes.StandardLandIncomplete,
                Localized.Format("IntensityIncomplete", incomplete.Count, string.Join(", ", missing))
                + Localized.Get("IntensityIncompleteHint")));
        }

        // Each park's and each 旗区's parcels and firms, in result order, gathered in one pass each.
        var parcelsByPark = ByPark(parcelResults, p => p.ParkId);
        var evaluationsByPark = ByPark(evaluations, e => e.ParkId);
        var parkResults = parks
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => ParkFigures(parksLayer, p, parcelsByPark.GetValueOrDefault(p.Id) ?? [], evaluationsByPark.GetValueOrDefault(p.Id) ?? [],
                benchmarksByPark, columns, economics is not null, year, landStatus, statusById, codeList))
            .ToList();

        var bannerOfPark = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var park in parkResults)
        {
            bannerOfPark[park.ParkId] = parkBanner.GetValueOrDefault(park.ParkId) ?? NoBanner;
        }

        var parcelsByBanner = ByPark(parcelResults, p => p.ParkId is { } id ? bannerOfPark.GetValueOrDefault(id) : null);
        var evaluationsByBanner = ByPark(evaluations, e => bannerOfPark.GetValueOrDefault(e.ParkId));
        var bannerResults = parkResults.GroupBy(p => bannerOfPark[p.ParkId], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => BannerFigures(g.Key, [.. g.Select(p => p.ParkId)], parcelsByBanner.GetValueOrDefault(g.Key) ?? [], evaluationsByBanner.GetValueOrDefault(g.Key) ?? [], year))
            .ToList();
        issues.Sort(DataIssueOrder.Compare);
        return new IntensityResult(year, _options.BaselineYear, codeList, parkResults, parcelResults, evaluations, weights, notScored, issues.Distinct().ToList(),
            _options.Rules, scaleBasis, groups, bannerResults);
    }

    /// <summary>The items of each park (or 旗区) <paramref name="key"/> names, in their order; items with a null key left out.</summary>
    private static Dictionary<string, List<T>> ByPark<T>(List<T> items, Func<T, string?> key)
    {
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (key(item) is { } id)
            {
                if (!groups.TryGetValue(id, out var group))
                {
                    groups.Add(id, group = []);
                }

                group.Add(item);
            }
        }

        return groups;
    }

    private BannerIntensity BannerFigures(string banner, List<string> parkIds, List<ParcelIntensity> parcels, List<EnterpriseEvaluation> mine, int? year)
    {
        var ids = new HashSet<string>(parkIds, StringComparer.Ordinal);
        return new BannerIntensity(
            banner,
            [.. ids.Order(StringComparer.Ordinal)],
            parcels.Count,
            OutputPerMuProgress.Of(parcels, _options.BaselineYear, year ?? _options.BaselineYear, _options.Rules.GrowthBasis),
            PerMu(parcels, e => e.TaxWan),
            GradeClassing.Letters.ToDictionary(l => l, l => mine.Count(e => e.Grade == l), StringComparer.Ordinal),
            mine.Count(e => e.Grade is null),
            parcels.Count(p => p.FailsStandardLand));
    }

    private static double? PerMu(IEnumerable<ParcelIntensity> parcels, Func<EconomicsRecord, double?> pick)
    {
        double sum = 0, mu = 0;
        foreach (var p in parcels)
        {
            if (p is { Economics: { } e } && pick(e) is { } v)
            {
                sum += v;
                mu += p.AreaMu;
            }
        }

        return mu > 0 ? sum / mu : null;
    }

    /// <summary>
    /// 土地供应率 = D / area(D ∪ A ∪ R): supplied land over land that met 供地条件 — supplied, built (A, supplied or not)
    /// and ready for supply (R, the park's 批而未供). Parcels do not overlap, so area(D ∪ A) = D + built land not supplied;
    /// the rate never exceeds 1. Null when the denominator is zero.
    /// </summary>
    public static double? LandSupplyRate(double suppliedM2, double builtNotSuppliedM2, double readyForSupplyM2)
    {
        // docs/rules.md#intensity-supply-rate, #intensity-supply-condition
        var denominator = suppliedM2 + builtNotSuppliedM2 + readyForSupplyM2;
        return denominator > 0 ? Math.Min(1, suppliedM2 / denominator) : null;
    }

    private static LandUseCodeList? DecideCodeList(Layer layer, IReadOnlyList<PolygonalFeature> parcels, LandUseCodeList? configuredList, List<DataIssue> issues)
    {
        if (configuredList is { } configured)
        {
            return configured;
        }

        var (detected, mixed) = LandUseCodes.Detect(parcels.Select(p => layer.Text(p.Source, "land_use")));
        if (mixed)
        {
            issues.Add(new DataIssue(ParcelsLayerName, string.Empty, DataIssueCodes.MixedLandUseCodes,
                Localized.Get("LandUseCodesMixed")
                + Localized.Get("LandUseCodesMixedHint")));
            return null;
        }

        if (detected is null)
        {
            issues.Add(new DataIssue(ParcelsLayerName, string.Empty, DataIssueCodes.LandUseCodeListAssumed,
                Localized.Get("LandUseCodesAssumed")
                + Localized.Get("LandUseCodesAssumedHint")));
            return LandUseCodeList.SpatialPlanning;
        }

        return detected;
    }

    private static MeasuredParcel Measure(
        Layer layer,
        PolygonalFeature parcel,
        CrsDefinition crs,
        double area,
        string? parkId,
        LandUseCodeList? codeList,
        Dictionary<string, ParcelLandStatus>? statusById,
        List<DataIssue> issues)
    {
        var feature = parcel.Source;
        double? Area(string field) => NonNegative(layer, parcel.Id, feature, field, issues);
        var floor = Area("floor_area_m2");
        var footprint = Area("footprint_area_m2");
        var yard = Area("yard_area_m2");
        var admin = Area("admin_area_m2");
        var green = Area("green_area_m2");

        double? Share(double? part, string partField, string ratioField, string what)
        {
            if (part is { } value)
            {
                if (value > area * 1.0001)
                {
                    issues.Add(new DataIssue(ParcelsLayerName, parcel.Id, DataIssueCodes.ImplausibleValue, Localized.Format("PartExceedsParcelArea", partField, value, area, what)));
                    return null;
                }

                return value / area;
            }

            // A ratio given directly (when the area is not): shares are fractions; 35 means 35 % was written.
            var ratio = NonNegative(layer, parcel.Id, feature, ratioField, issues);
            if (ratio is { } given && Shares.PercentageIssue(ParcelsLayerName, parcel.Id, ratioField, given) is { } mistake)
            {
                issues.Add(mistake);
                return null;
            }

            return ratio;
        }

        var coefficientInput = footprint is null ? null : footprint + (yard ?? 0);
        var coefficient = Share(coefficientInput, yard is null ? "footprint_area_m2" : "footprint_area_m2 + yard_area_m2", "building_coefficient", "建筑系数");
        var adminShare = Share(admin, "admin_area_m2", "admin_share", Localized.Get("TheAdminShare"));
        var greenRatio = Share(green, "green_area_m2", "green_ratio", "绿地率");
        // docs/rules.md#standard-land-plot-ratio: a floor area counted with the 8 m rule, or a plot ratio given, is judged plainly
        var counted = Area("floor_area_counted_m2");
        var givenRatio = counted is null && floor is null ? NonNegative(layer, parcel.Id, feature, "plot_ratio", issues) : null;
        var plotRatio = counted is { } c ? c / area : floor is { } f ? f / area : givenRatio;
        var plotRatioCounted = counted is not null || givenRatio is not null;
        var suppliedOn = ParcelLifecycleReader.ReadDate(layer, feature, "supplied_on", issues, out _);
        var contract = new StandardLandThresholds(
            PlotRatioMin: NonNegative(layer, parcel.Id, feature, "contract_plot_ratio_min", issues),
            InvestmentPerMuMin: NonNegative(layer, parcel.Id, feature, "contract_investment_per_mu_min", issues),
            TaxPerMuMin: NonNegative(layer, parcel.Id, feature, "contract_tax_per_mu_min", issues));
        var hasBuildings = floor is > 0 || footprint is > 0;
        var built = (statusById is not null && statusById.TryGetValue(parcel.Id, out var status) ? status.Built : null)
            ?? (hasBuildings || layer.Text(feature, "actual_start") is not null);
        var code = layer.Text(feature, "land_use");
        return new MeasuredParcel(
            parcel.Id, parkId, layer.Text(feature, "enterprise"), layer.Text(feature, "industry"), code,
            codeList is { } list ? LandUseCodes.Categorize(code, list) : LandUseCategory.Unknown,
            parcel.Geometry, crs.Code, area, built, hasBuildings, floor, footprint, plotRatio, coefficient, adminShare, greenRatio,
            plotRatioCounted, suppliedOn, layer.Text(feature, "industry_code"), contract);
    }

    private static double? NonNegative(Layer layer, string id, Feature feature, string field, List<DataIssue> issues)
    {
        var value = layer.Value(feature, field);
        double? number = value switch
        {
            null => null,
            double d => d,
            float s => s,
            int i => i,
            long l => l,
            decimal m => (double)m,
            string text when string.IsNullOrWhiteSpace(text) => null,
            string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        if (number is { } n && (!double.IsFinite(n)))
        {
            issues.Add(new DataIssue(ParcelsLayerName, id, DataIssueCodes.UnparseableValue, Localized.Format("FieldNotNumber", layer.SourceField(field), value)));
            return null;
        }

        if (number > NumberLimits.MaxMagnitude)
        {
            issues.Add(new DataIssue(ParcelsLayerName, id, DataIssueCodes.ValueOutOfRange,
                Localized.Format("FieldBeyondReal", layer.SourceField(field), number, NumberLimits.MaxMagnitudeText)));
            return null;
        }

        if (number < 0)
        {
            issues.Add(new DataIssue(ParcelsLayerName, id, DataIssueCodes.NegativeValue,
                Localized.Format("FieldNegative", layer.SourceField(field), number)));
            return null;
        }

        return number;
    }

    private static string UnitId(MeasuredParcel parcel) => parcel.Enterprise ?? parcel.Id;

    /// <summary>The indices of <paramref name="measured"/> sorted by parcel id (ordinal), equal ids in input order.</summary>
    private static int[] InIdOrder(List<MeasuredParcel> measured)
    {
        var order = new int[measured.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(measured[a].Id, measured[b].Id) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    /// <summary>
    /// The evaluation units (docs/rules.md#grades-who) in the order they first occur among the parcels, each with its
    /// parcels in id order and its park — where most of its land is (ties: the first park id) — leaving out units with
    /// no parcel in a park.
    /// </summary>
    private static List<(string Id, List<MeasuredParcel> Parcels, string ParkId)> Units(List<MeasuredParcel> measured, int[] byId)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var slot = new int[measured.Count];
        for (var i = 0; i < measured.Count; i++)
        {
            var id = UnitId(measured[i]);
            if (!index.TryGetValue(id, out var k))
            {
                k = ids.Count;
                index.Add(id, k);
                ids.Add(id);
            }

            slot[i] = k;
        }

        var parcels = new List<MeasuredParcel>?[ids.Count];
        foreach (var i in byId)
        {
            (parcels[slot[i]] ??= []).Add(measured[i]);
        }

        var units = new List<(string Id, List<MeasuredParcel> Parcels, string ParkId)>(ids.Count);
        var areaByPark = new List<(string ParkId, double AreaM2)>();
        for (var k = 0; k < ids.Count; k++)
        {
            var mine = parcels[k]!;
            areaByPark.Clear();
            foreach (var parcel in mine)
            {
                if (parcel.ParkId is not { } parkId)
                {
                    continue;
                }

                var at = areaByPark.Count - 1;
                while (at >= 0 && !string.Equals(areaByPark[at].ParkId, parkId, StringComparison.Ordinal))
                {
                    at--;
                }

                if (at < 0)
                {
                    areaByPark.Add((parkId, parcel.AreaM2));
                }
                else
                {
                    areaByPark[at] = (parkId, areaByPark[at].AreaM2 + parcel.AreaM2);
                }
            }

            string? park = null;
            var most = 0.0;
            foreach (var (parkId, area) in areaByPark)
            {
                if (park is null || area.CompareTo(most) is var larger && (larger > 0 || (larger == 0 && string.CompareOrdinal(parkId, park) < 0)))
                {
                    park = parkId;
                    most = area;
                }
            }

            if (park is not null)
            {
                units.Add((ids[k], mine, park));
            }
        }

        return units;
    }

    private (IReadOnlyDictionary<EvaluationIndicator, double> Weights, IReadOnlyList<IntensityIndicator> NotScored) ScoredIndicators(EconomicsTable? table)
    {
        var used = new Dictionary<EvaluationIndicator, double>();
        var notScored = new List<IntensityIndicator>();
        foreach (var indicator in EvaluationIndicators.All)
        {
            var weight = _options.Rules.Weights.TryGetValue(indicator, out var w) ? w : 0;
            if (weight <= 0)
            {
                continue;
            }

            var missing = EvaluationIndicators.Columns(indicator).Where(c => table is null || !table.Columns.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                notScored.Add(new IntensityIndicator(EvaluationIndicators.Name(indicator), EvaluationIndicators.ChineseName(indicator), null, string.Empty,
                    table is null ? Localized.Get("NoEconomicsTable") : Localized.Format("EconomicsTableLacksColumns", string.Join(", ", missing))));
                continue;
            }

            used[indicator] = weight;
        }

        var total = used.Values.Sum();
        return (used.ToDictionary(p => p.Key, p => p.Value / total), notScored);
    }

    private static (double Numerator, double Denominator)? Ratio(EvaluationIndicator indicator, EconomicsRecord e, double areaM2)
    {
        var mu = AreaUnits.ToMu(areaM2);
        return indicator switch
        {
            EvaluationIndicator.TaxPerMu => e.TaxWan is { } t ? (t, mu) : null,
            EvaluationIndicator.ValueAddedPerMu => e.ValueAddedWan is { } v ? (v, mu) : null,
            EvaluationIndicator.ValueAddedPerEnergy => e is { ValueAddedWan: { } v, EnergyTce: > 0 } ? (v, e.EnergyTce.Value) : null,
            EvaluationIndicator.ValueAddedPerEmission => e is { ValueAddedWan: { } v, EmissionsT: > 0 } ? (v, e.EmissionsT.Value) : null,
            EvaluationIndicator.LabourProductivity => e is { ValueAddedWan: { } v, Employees: > 0 } ? (v, e.Employees.Value) : null,
            EvaluationIndicator.RdShare => e is { RdWan: { } r, RevenueWan: > 0 } ? (r, e.RevenueWan.Value) : null,
            _ => null,
        };
    }

    private const string AllFirms = "全部";
    private const string AboveScale = "规上";
    private const string BelowScale = "规下";
    private const string ScaleUnknown = "规模未知";
    private const string NoBanner = "(无旗区)";

    private string ScopeOf(string parkId, Dictionary<string, string?> parkBanner) => _options.Rules.Scope switch
    {
        GradingScope.City => "全市",
        GradingScope.Banner => parkBanner.GetValueOrDefault(parkId) ?? NoBanner,
        _ => parkId,
    };

    // docs/rules.md#grades-who: judged by the category of most of the firm's land (ties: the first category)
    private static string? NotGradedByLand(List<MeasuredParcel> parcels)
    {
        var main = parcels[0].Category;
        if (parcels.Count > 1)
        {
            Span<double> areaM2 = stackalloc double[CategoryCount];
            Span<bool> present = stackalloc bool[CategoryCount];
            foreach (var parcel in parcels)
            {
                areaM2[(int)parcel.Category] += parcel.AreaM2;
                present[(int)parcel.Category] = true;
            }

            var most = double.NaN;
            var found = false;
            for (var c = 0; c < CategoryCount; c++)
            {
                if (present[c] && (!found || areaM2[c].CompareTo(most) > 0))
                {
                    main = (LandUseCategory)c;
                    most = areaM2[c];
                    found = true;
                }
            }
        }

        if (main == LandUseCategory.Utility)
        {
            return EnterpriseEvaluation.UtilityNotGraded;
        }

        foreach (var parcel in parcels)
        {
            if (parcel.Category == main && parcel.Industry == "公用设施")
            {
                return EnterpriseEvaluation.UtilityNotGraded;
            }
        }

        return main is LandUseCategory.Logistics or LandUseCategory.Other ? EnterpriseEvaluation.NotIndustrial : null;
    }

    /// <summary>The number of <see cref="LandUseCategory"/> values (0 to 5).</summary>
    private const int CategoryCount = (int)LandUseCategory.Other + 1;

    // docs/rules.md#grades-scale
    private string GroupOf(EconomicsRecord economics, string? scaleBasis) =>
        scaleBasis is null ? AllFirms
        : economics.RevenueWan is not { } revenue ? ScaleUnknown
        : revenue >= _options.Rules.ScaleRevenueWan ? AboveScale
        : BelowScale;

    /// <summary>
    /// Grades the firms: industrial firms ranked within their scope and group (docs/rules.md#grades-scope), utilities
    /// 不定等级 and logistics firms not graded (docs/rules.md#grades-who); every firm listed.
    /// </summary>
    private (List<EnterpriseEvaluation> Evaluations, List<EvaluationGroup> Groups) EvaluateAll(
        List<(string Id, List<MeasuredParcel> Parcels, string ParkId)> units,
        Dictionary<string, string?> parkBanner,
        IReadOnlyDictionary<string, EconomicsRecord> current,
        int? year,
        IReadOnlyDictionary<EvaluationIndicator, double> weights,
        string? scaleBasis)
    {
        var rules = _options.Rules;
        // The reasons in words, each made once (the same text for every firm it applies to).
        var noEconomics = new Lazy<string>(() => year is null ? Localized.Get("NoEconomicsTable") : Localized.Format("NoEconomicsForYear", year), LazyThreadSafetyMode.None);
        var tooSmall = new Lazy<string>(() => Localized.Format("LandUnderMinimum", rules.MinLandMu), LazyThreadSafetyMode.None);
        var inConstruction = new Lazy<string>(() => Localized.Get("InConstruction"), LazyThreadSafetyMode.None);
        var notScorable = new Lazy<string>(() => Localized.Get("NoIndicatorScorable"), LazyThreadSafetyMode.None);
        var rows = new List<(string Id, List<MeasuredParcel> Parcels, string ParkId, double AreaM2, EconomicsRecord? Economics, string? Reason)>(units.Count);
        foreach (var (id, parcels, parkId) in units)
        {
            var area = 0.0;
            var hasBuildings = false;
            EconomicsRecord? sum = null;
            foreach (var parcel in parcels)
            {
                area += parcel.AreaM2;
                hasBuildings |= parcel.HasBuildings;
                if (current.TryGetValue(parcel.Id, out var e))
                {
                    // The firm's sum carries no parcel id and the firm's name (the first record's row and year).
                    sum = ParcelEconomics.Add(sum, sum is null ? e with { ParcelId = null, Enterprise = parcel.Enterprise } : e, 1);
                }
            }

            string? reason = NotGradedByLand(parcels)
                ?? (sum is null ? noEconomics.Value
                : AreaUnits.ToMu(area) < rules.MinLandMu ? tooSmall.Value
                : !hasBuildings ? inConstruction.Value
                : weights.Count == 0 ? notScorable.Value
                : null);
            rows.Add((id, parcels, parkId, area, sum, reason));
        }

        var result = new List<EnterpriseEvaluation>();
        var groups = new List<EvaluationGroup>();
        var graded = rows.Where(r => r.Reason is null)
            .GroupBy(r => (Scope: ScopeOf(r.ParkId, parkBanner), Group: GroupOf(r.Economics!, scaleBasis)))
            .OrderBy(g => g.Key.Scope, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal);
        foreach (var group in graded)
        {
            var members = group.ToList();
            var groupWeights = group.Key.Group == BelowScale && weights.ContainsKey(EvaluationIndicator.TaxPerMu)
                ? new Dictionary<EvaluationIndicator, double> { [EvaluationIndicator.TaxPerMu] = 1.0 }
                : weights;
            var benchmarks = new Dictionary<EvaluationIndicator, double>();
            foreach (var indicator in groupWeights.Keys)
            {
                if (rules.Benchmarks.TryGetValue(indicator, out var fixedValue))
                {
                    benchmarks[indicator] = fixedValue;
                    continue;
                }

                double numerator = 0, denominator = 0;
                foreach (var row in members)
                {
                    if (Ratio(indicator, row.Economics!, row.AreaM2) is { } ratio)
                    {
                        numerator += ratio.Numerator;
                        denominator += ratio.Denominator;
                    }
                }

                if (denominator > 0)
                {
                    benchmarks[indicator] = numerator / denominator;
                }
            }

            var values = new List<Dictionary<EvaluationIndicator, double>>();
            var scores = new List<double>();
            foreach (var row in members)
            {
                var indicators = Indicators(row.Economics!, row.AreaM2, weights);
                var score = 0.0;
                foreach (var (indicator, weight) in groupWeights)
                {
                    if (indicators.TryGetValue(indicator, out var value) && benchmarks.TryGetValue(indicator, out var benchmark) && benchmark > 0)
                    {
                        score += weight * value / benchmark;
                    }
                }

                values.Add(indicators);
                scores.Add(score);
            }

            var letters = GradeClassing.Classify(scores, rules.GradeCutoffs);
            for (var i = 0; i < members.Count; i++)
            {
                var row = members[i];
                result.Add(new EnterpriseEvaluation(row.Id, row.ParkId, ParcelIds(row.Parcels), row.AreaM2, row.Economics, values[i], scores[i], letters[i], null, group.Key.Scope, group.Key.Group));
            }

            groups.Add(new EvaluationGroup(group.Key.Scope, group.Key.Group, members.Count, groupWeights, benchmarks));
        }

        foreach (var row in rows.Where(r => r.Reason is not null))
        {
            var indicators = row.Economics is { } e ? Indicators(e, row.AreaM2, weights) : [];
            result.Add(new EnterpriseEvaluation(row.Id, row.ParkId, ParcelIds(row.Parcels), row.AreaM2, row.Economics, indicators, null, null, row.Reason));
        }

        result.Sort((a, b) =>
            string.CompareOrdinal(a.ParkId, b.ParkId) is var park && park != 0 ? park
            : (a.Score is null).CompareTo(b.Score is null) is var graded && graded != 0 ? graded
            : (b.Score ?? 0).CompareTo(a.Score ?? 0) is var score && score != 0 ? score
            : string.CompareOrdinal(a.UnitId, b.UnitId));
        return (result, groups);
    }

    private static string[] ParcelIds(List<MeasuredParcel> parcels)
    {
        var ids = new string[parcels.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = parcels[i].Id;
        }

        return ids;
    }

    private static Dictionary<EvaluationIndicator, double> Indicators(EconomicsRecord economics, double areaM2, IReadOnlyDictionary<EvaluationIndicator, double> weights)
    {
        var indicators = new Dictionary<EvaluationIndicator, double>();
        foreach (var indicator in weights.Keys)
        {
            if (Ratio(indicator, economics, areaM2) is { } ratio)
            {
                indicators[indicator] = ratio.Numerator / ratio.Denominator;
            }
        }

        return indicators;
    }

    private ParcelIntensity Finish(
        MeasuredParcel m,
        IReadOnlyDictionary<string, EconomicsRecord> current,
        IReadOnlyDictionary<string, EconomicsRecord> baseline,
        Dictionary<string, (double Score, string Grade)> grades,
        FinishText text)
    {
        var mu = AreaUnits.ToMu(m.AreaM2);
        var economics = current.GetValueOrDefault(m.Id);
        var outputPerMu = economics?.OutputWan / mu;
        var taxPerMu = economics?.TaxWan / mu;
        var investmentPerMu = economics?.FixedInvestmentWan / mu;

        IReadOnlyList<StandardLandCheck> checks = [];
        // docs/rules.md#standard-land-scope, #standard-land-investment
        string? skip = m.Category != LandUseCategory.Industrial ? text.NotIndustrialLand
            : !m.HasBuildings ? text.NoBuildingsYet
            : null;
        StandardLandVersion? version = null;
        if (skip is null)
        {
            // docs/rules.md#standard-land-contract-date: the thresholds in force on the supply date; contract values win
            var rules = _options.Rules;
            var (inForce, applied) = rules.ThresholdsFor(m.ParkId, m.Industry, IndustryDivisions.Of(m.IndustryCode, m.Industry, rules.IndustryCodesUsed), m.SuppliedOn, text.Versions);
            var t = inForce.OverriddenBy(m.Contract);
            version = applied;
            var made = new List<StandardLandCheck>(8);

            // docs/rules.md#standard-land-control-indicators: five indicators, all at once
            Check(made, m, "investment_per_mu", "固定资产投资强度", investmentPerMu, t.InvestmentPerMuMin, minimum: true, required: true);
            Check(made, m, "plot_ratio_min", "容积率下限", m.PlotRatio, t.PlotRatioMin, minimum: true, required: true);
            Check(made, m, "building_coefficient", "建筑系数", m.BuildingCoefficient, t.BuildingCoefficientMin, minimum: true, required: true);
            Check(made, m, "admin_share", "行政办公及生活服务设施用地所占比重", m.AdminShare, t.AdminShareMax, minimum: false, required: true);
            Check(made, m, "green_ratio", "绿地率", m.GreenRatio, t.GreenRatioMax, minimum: false, required: true);
            Check(made, m, "plot_ratio_max", "容积率上限", m.PlotRatio, t.PlotRatioMax, minimum: false, required: false);
            Check(made, m, "output_per_mu", "亩均产值", outputPerMu, t.OutputPerMuMin, minimum: true, required: false);

            // docs/rules.md#standard-land-tax: 亩均税收 when configured (a 标准地 version's value binds only land supplied under it)
            Check(made, m, "tax_per_mu", "亩均税收", taxPerMu, t.TaxPerMuMin, minimum: true, required: false);
            checks = made;
        }

        var unit = UnitId(m);
        var graded = grades.TryGetValue(unit, out var g) ? g : ((double Score, string Grade)?)null;
        return new ParcelIntensity
        {
            ParcelId = m.Id,
            ParkId = m.ParkId,
            Enterprise = m.Enterprise,
            Industry = m.Industry,
            LandUse = m.LandUse,
            Category = m.Category,
            Geometry = m.Geometry,
            AnalysisCrs = m.AnalysisCrs,
            AreaM2 = m.AreaM2,
            Built = m.Built,
            HasBuildings = m.HasBuildings,
            FloorAreaM2 = m.FloorAreaM2,
            FootprintAreaM2 = m.FootprintAreaM2,
            PlotRatio = m.PlotRatio,
            BuildingCoefficient = m.BuildingCoefficient,
            AdminShare = m.AdminShare,
            GreenRatio = m.GreenRatio,
            Economics = economics,
            BaselineEconomics = baseline.GetValueOrDefault(m.Id),
            OutputPerMu = outputPerMu,
            TaxPerMu = taxPerMu,
            InvestmentPerMu = investmentPerMu,
            ValueAddedPerMu = economics?.ValueAddedWan / mu,
            ValueAddedPerEnergy = economics is { ValueAddedWan: { } va, EnergyTce: > 0 } ? va / economics.EnergyTce.Value : null,
            StandardLandChecked = skip is null,
            StandardLandSkipReason = skip,
            Checks = checks,
            SuppliedOn = m.SuppliedOn,
            Regime = version?.Regime,
            Version = version?.Name,
            UnitId = unit,
            Grade = graded?.Grade,
            Score = graded?.Score,
        };
    }

    private static void Check(List<StandardLandCheck> checks, MeasuredParcel m, string code, string zh, double? measured, double? threshold, bool minimum, bool required)
    {
        if (threshold is not { } limit)
        {
            if (required)
            {
                checks.Add(new StandardLandCheck(code, zh, measured, null, minimum ? ">=" : "<=", null, StandardLandCheck.NotConfigured, required));
            }

            return;
        }

        bool? passed = measured is { } v ? (minimum ? v >= limit - 1e-12 : v <= limit + 1e-12) : null;
        string? note = measured is null ? StandardLandCheck.MissingValue : null;

        // docs/rules.md#standard-land-plot-ratio: floors over 8 m count twice, which the data cannot show
        if (code == "plot_ratio_min" && passed == false && !m.PlotRatioCounted && 2 * measured >= limit - 1e-12)
        {
            passed = null;
            note = StandardLandCheck.MayPassEightMetreRule;
        }

        checks.Add(new StandardLandCheck(code, zh, measured, limit, minimum ? ">=" : "<=", passed, note, required));
    }

    /// <summary>What <see cref="Finish"/> uses for every parcel, made once per analysis: the skip reasons and the versions in date order.</summary>
    private sealed record FinishText(string NotIndustrialLand, string NoBuildingsYet, IReadOnlyList<StandardLandVersion> Versions);

    private ParkIntensity ParkFigures(
        Layer parksLayer,
        PolygonalFeature park,
        List<ParcelIntensity> parcels,
        List<EnterpriseEvaluation> parkEvaluations,
        Dictionary<string, IReadOnlyDictionary<EvaluationIndicator, double>> benchmarksByPark,
        IReadOnlySet<string> columns,
        bool hasEconomics,
        int? year,
        LandStatusInput? landStatus,
        Dictionary<string, ParcelLandStatus>? statusById,
        LandUseCodeList? codeList)
    {
        var built = parcels.Where(p => p.Built).ToList();
        var industrial = built.Where(p => p.Category is LandUseCategory.Industrial or LandUseCategory.Mining or LandUseCategory.Logistics).ToList();
        // docs/rules.md#intensity-land-classes: A built, A2 built industrial/mining/storage, D supplied, G idle.
        var a = built.Sum(p => p.AreaM2);
        var a2 = industrial.Sum(p => p.AreaM2);
        var indicators = new List<IntensityIndicator>();

        void Add(string code, string unit, Func<double?> value, string? reason)
        {
            if (reason is not null)
            {
                indicators.Add(new IntensityIndicator(code, IntensityIndicatorNames.ChineseName(code), null, unit, reason));
                return;
            }

            var v = value();
            indicators.Add(new IntensityIndicator(code, IntensityIndicatorNames.ChineseName(code), v, unit, v is null ? Localized.Get("DenominatorZero") : null));
        }

        static double? Divide(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;
        string? Field(string field) => parcels.Count > 0 && parcels.All(p => FieldValue(p, field) is null) ? Localized.Format("ParcelsLackField", field) : null;
        var noCodes = codeList is null ? Localized.Get("LandUseCodesMixedReason") : null;
        var noEconomics = !hasEconomics ? Localized.Get("NoEconomicsTableFile") : null;
        string? NeedColumn(string column) => noEconomics ?? (columns.Contains(column) ? null : Localized.Format("EconomicsTableLacksColumn", column));
        var statuses = parcels.Select(p => statusById?.GetValueOrDefault(p.ParcelId)).ToList();
        var d = parcels.Where((p, i) => statuses[i]?.Supplied == true).Sum(p => p.AreaM2);
        var g = parcels.Where((p, i) => statuses[i]?.Idle == true).Sum(p => p.AreaM2);
        var needsSupply = Localized.Get("NeedsSupplyIdleResults");
        var b21 = landStatus?.ReadyForSupplyM2ByPark is { } ready && ready.TryGetValue(park.Id, out var r) ? r : (double?)null;

        Add("land_development_rate", "ratio", () => null,
            Localized.Get("NeedsNotBuildableLand"));
        var builtNotSupplied = parcels.Where((p, i) => p.Built && statuses[i]?.Supplied != true).Sum(p => p.AreaM2);
        Add("land_supply_rate", "ratio", () => LandSupplyRate(d, builtNotSupplied, b21!.Value),
            landStatus is null ? needsSupply : b21 is null ? Localized.Get("NeedsReadyForSupply") : null);
        Add("land_built_rate", "ratio", () => Divide(a, d), landStatus is null ? needsSupply : null); // docs/rules.md#intensity-built-rate
        // docs/rules.md#intensity-structure, #intensity-industrial
        Add("industrial_land_rate", "ratio", () => Divide(a2, a), noCodes ?? Field("land_use"));
        Add("composite_plot_ratio", "ratio", () => Divide(built.Sum(p => p.FloorAreaM2 ?? 0), a), Field("floor_area_m2"));
        Add("building_density", "ratio", () => Divide(built.Sum(p => p.FootprintAreaM2 ?? 0), a), Field("footprint_area_m2"));
        Add("industrial_plot_ratio", "ratio", () => Divide(industrial.Sum(p => p.FloorAreaM2 ?? 0), a2), noCodes ?? Field("floor_area_m2"));
        Add("industrial_building_coefficient", "ratio",
            () => Divide(industrial.Sum(p => (p.BuildingCoefficient ?? 0) * p.AreaM2), a2), noCodes ?? Field("footprint_area_m2"));
        Add("industrial_investment_intensity", "万元/公顷",
            () => Divide(industrial.Sum(p => p.Economics?.FixedInvestmentWan ?? 0), AreaUnits.ToHectares(a2)), noCodes ?? NeedColumn("fixed_investment_wan"));
        Add("industrial_tax_per_ha", "万元/公顷",
            () => Divide(industrial.Sum(p => p.Economics?.TaxWan ?? 0), AreaUnits.ToHectares(a2)), noCodes ?? NeedColumn("tax_wan"));
        Add("land_idle_rate", "ratio", () => Divide(g, d), landStatus is null ? needsSupply : null);

        // docs/rules.md#intensity-growth
        var progress = OutputPerMuProgress.Of(parcels, _options.BaselineYear, year ?? _options.BaselineYear, _options.Rules.GrowthBasis);
        var counts = GradeClassing.Letters.ToDictionary(l => l, l => parkEvaluations.Count(e => e.Grade == l), StringComparer.Ordinal);
        return new ParkIntensity(
            park.Id,
            parksLayer.Text(park.Source, "name") ?? string.Empty,
            parcels.Count,
            a,
            a2,
            indicators,
            progress,
            PerMu(parcels, e => e.TaxWan),
            benchmarksByPark.GetValueOrDefault(park.Id) ?? new Dictionary<EvaluationIndicator, double>(),
            counts,
            parkEvaluations.Count(e => e.Grade is null),
            parcels.Count(p => p.FailsStandardLand));
    }

    private static double? FieldValue(ParcelIntensity parcel, string field) => field switch
    {
        "floor_area_m2" => parcel.FloorAreaM2,
        "footprint_area_m2" => parcel.FootprintAreaM2,
        "land_use" => parcel.LandUse is null ? null : 1,
        _ => null,
    };

    private sealed record MeasuredParcel(
        string Id,
        string? ParkId,
        string? Enterprise,
        string? Industry,
        string? LandUse,
        LandUseCategory Category,
        Geometry Geometry,
        string AnalysisCrs,
        double AreaM2,
        bool Built,
        bool HasBuildings,
        double? FloorAreaM2,
        double? FootprintAreaM2,
        double? PlotRatio,
        double? BuildingCoefficient,
        double? AdminShare,
        double? GreenRatio,
        bool PlotRatioCounted,
        DateOnly? SuppliedOn,
        string? IndustryCode,
        StandardLandThresholds Contract);
}
