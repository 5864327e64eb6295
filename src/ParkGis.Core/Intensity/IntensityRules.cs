namespace ParkGis.Core.Intensity;

/// <summary>
/// The rules of the intensity analysis (the <c>--rules</c> file; docs/intensity-rules.md): 标准地 thresholds and
/// the 亩均效益 evaluation's weights, benchmarks, grade cut-offs and minimum land size.
/// </summary>
/// <param name="StandardLand">Thresholds for every industrial parcel (default: the national baseline).</param>
/// <param name="Overrides">Local thresholds by park and/or industry, applied in order (later entries win).</param>
/// <param name="Weights">Indicator weights of the score; indicators not listed (or weighted 0) are not scored.</param>
/// <param name="Benchmarks">Fixed benchmarks; an indicator not listed is benchmarked on the year's park average.</param>
/// <param name="GradeCutoffs">Rank-percentile cut-offs for A, B, C (D below the last): default 0.25, 0.70, 0.95.</param>
/// <param name="MinLandMu">Enterprises with less land than this (亩) are listed but not graded (default 3).</param>
/// <param name="GrowthBasis">Which parcels 亩均产值 growth compares (default 同口径).</param>
/// <param name="Scope">Across which firms grades are ranked (default the city).</param>
/// <param name="ScaleRevenueWan">规模以上: annual revenue (营业收入) at or above this, in 万元 (2000 since 2011).</param>
/// <param name="Versions">Threshold versions by supply date (null: <see cref="StandardLandVersion.Defaults"/>).</param>
/// <param name="IndustryCodes">Industry name → GB/T 4754 division for the 容积率 table (null: <see cref="IndustryDivisions.DefaultCodes"/>).</param>
public sealed record IntensityRules(
    StandardLandThresholds StandardLand,
    IReadOnlyList<StandardLandOverride> Overrides,
    IReadOnlyDictionary<EvaluationIndicator, double> Weights,
    IReadOnlyDictionary<EvaluationIndicator, double> Benchmarks,
    IReadOnlyList<double> GradeCutoffs,
    double MinLandMu,
    GrowthBasis GrowthBasis = GrowthBasis.SameSet,
    GradingScope Scope = GradingScope.City,
    double ScaleRevenueWan = 2000,
    IReadOnlyList<StandardLandVersion>? Versions = null,
    IReadOnlyDictionary<string, string>? IndustryCodes = null)
{
    /// <summary>The versions in force (the defaults when none are set).</summary>
    public IReadOnlyList<StandardLandVersion> VersionsUsed => Versions ?? StandardLandVersion.Defaults;

    /// <summary>The industry mapping in force.</summary>
    public IReadOnlyDictionary<string, string> IndustryCodesUsed => IndustryCodes ?? IndustryDivisions.DefaultCodes;

    /// <summary>
    /// The thresholds for a parcel supplied on <paramref name="suppliedOn"/> (docs/rules.md#standard-land-contract-date):
    /// the base set, the 容积率 minimum of its division, every version in force on that date that applies to it, then
    /// the local overrides. Without a supply date, every version (today's thresholds). Also the last version applied.
    /// </summary>
    public (StandardLandThresholds Thresholds, StandardLandVersion? Version) ThresholdsFor(string? parkId, string? industry, string? division, DateOnly? suppliedOn) =>
        ThresholdsFor(parkId, industry, division, suppliedOn, InDateOrder(VersionsUsed));

    /// <summary><paramref name="versions"/> by <see cref="StandardLandVersion.From"/>, versions of one date in their given order.</summary>
    internal static StandardLandVersion[] InDateOrder(IReadOnlyList<StandardLandVersion> versions) => [.. versions.OrderBy(v => v.From)];

    /// <summary><see cref="ThresholdsFor(string?, string?, string?, DateOnly?)"/> with the versions already in date order (<see cref="InDateOrder"/>), for a caller that asks for many parcels.</summary>
    internal (StandardLandThresholds Thresholds, StandardLandVersion? Version) ThresholdsFor(string? parkId, string? industry, string? division, DateOnly? suppliedOn, IReadOnlyList<StandardLandVersion> versionsInDateOrder)
    {
        var thresholds = StandardLand;
        if (division is not null && IndustryDivisions.PlotRatioMinimum.TryGetValue(division, out var plotRatioMin))
        {
            thresholds = thresholds with { PlotRatioMin = thresholds.PlotRatioMin ?? plotRatioMin };
        }

        StandardLandVersion? version = null;
        foreach (var v in versionsInDateOrder)
        {
            if ((suppliedOn is null || v.From <= suppliedOn) && v.AppliesTo(parkId, industry))
            {
                thresholds = thresholds.OverriddenBy(v.Thresholds);
                version = v;
            }
        }

        foreach (var local in Overrides)
        {
            if (local.AppliesTo(parkId, industry))
            {
                thresholds = thresholds.OverriddenBy(local.Thresholds);
            }
        }

        return (thresholds, version);
    }

    /// <summary>National 标准地 baseline; weights 亩均税收 0.4, 亩均增加值 0.2, 单位能耗增加值 0.15, 单位排放增加值 0.05,
    /// 全员劳动生产率 0.1, 研发经费投入强度 0.1; benchmarks the average of the group ranked together; cut-offs 25/70/95; 3 亩; 同口径 growth; graded across the city.</summary>
    public static IntensityRules Default { get; } = new(
        StandardLandThresholds.National,
        [],
        new Dictionary<EvaluationIndicator, double>
        {
            [EvaluationIndicator.TaxPerMu] = 0.4,
            [EvaluationIndicator.ValueAddedPerMu] = 0.2,
            [EvaluationIndicator.ValueAddedPerEnergy] = 0.15,
            [EvaluationIndicator.ValueAddedPerEmission] = 0.05,
            [EvaluationIndicator.LabourProductivity] = 0.1,
            [EvaluationIndicator.RdShare] = 0.1,
        },
        new Dictionary<EvaluationIndicator, double>(),
        [0.25, 0.70, 0.95],
        3.0);

    /// <summary>Ready-for-supply land = the park's 批而未供 (the only basis measured today; docs/rules.md#intensity-supply-condition).</summary>
    public const string ApprovedUnsupplied = "approved_unsupplied";

    /// <summary>What counts as land that met 供地条件 besides supplied and built land (rules file <c>intensity.ready_for_supply</c>).</summary>
    public string ReadyForSupply { get; init; } = ApprovedUnsupplied;
}
