using NetTopologySuite.Geometries;

namespace ParkGis.Core.Intensity;

/// <summary>
/// The efficiency figures of one parcel (宗地): its measured land, the building indicators from its attributes,
/// its economics per 亩 in the evaluated year, its 标准地 checks and its enterprise's grade.
/// </summary>
public sealed record ParcelIntensity
{
    /// <summary>宗地编号.</summary>
    public required string ParcelId { get; init; }

    /// <summary>The park (from <c>park_id</c>, else spatially), or null when it lies in none.</summary>
    public required string? ParkId { get; init; }

    /// <summary>用地企业, or null.</summary>
    public required string? Enterprise { get; init; }

    /// <summary>产业, or null.</summary>
    public required string? Industry { get; init; }

    /// <summary>The land-use code as given.</summary>
    public required string? LandUse { get; init; }

    /// <summary>What the code means in the dataset's code list.</summary>
    public required LandUseCategory Category { get; init; }

    /// <summary>The geometry in the layer's CRS (for output).</summary>
    public required Geometry Geometry { get; init; }

    /// <summary>The projected CRS the area was measured in (<c>EPSG:4545</c>).</summary>
    public required string AnalysisCrs { get; init; }

    /// <summary>Measured planar area in m² (never an attribute).</summary>
    public required double AreaM2 { get; init; }

    /// <summary>Built up (class A): floor area or footprint &gt; 0, or an <c>actual_start</c>; or as the supply/idle results say.</summary>
    public required bool Built { get; init; }

    /// <summary>Has floor area or footprint &gt; 0 (a building stands).</summary>
    public required bool HasBuildings { get; init; }

    /// <summary>总建筑面积 (m²), or null.</summary>
    public double? FloorAreaM2 { get; init; }

    /// <summary>建筑基底面积 (m²), or null.</summary>
    public double? FootprintAreaM2 { get; init; }

    /// <summary>容积率 = floor area / site.</summary>
    public double? PlotRatio { get; init; }

    /// <summary>建筑系数 = (footprint + yard) / site.</summary>
    public double? BuildingCoefficient { get; init; }

    /// <summary>行政办公及生活服务设施用地所占比重 = admin / site.</summary>
    public double? AdminShare { get; init; }

    /// <summary>绿地率 = green / site.</summary>
    public double? GreenRatio { get; init; }

    /// <summary>The parcel's economics in the evaluated year (summed rows), or null.</summary>
    public EconomicsRecord? Economics { get; init; }

    /// <summary>The parcel's economics in the baseline year, or null.</summary>
    public EconomicsRecord? BaselineEconomics { get; init; }

    /// <summary>亩均产值 (万元/亩).</summary>
    public double? OutputPerMu { get; init; }

    /// <summary>亩均税收 (万元/亩).</summary>
    public double? TaxPerMu { get; init; }

    /// <summary>亩均固定资产投资 (万元/亩).</summary>
    public double? InvestmentPerMu { get; init; }

    /// <summary>亩均增加值 (万元/亩).</summary>
    public double? ValueAddedPerMu { get; init; }

    /// <summary>单位能耗增加值 (万元/吨标煤).</summary>
    public double? ValueAddedPerEnergy { get; init; }

    /// <summary>Whether 标准地 rules apply (industrial land with buildings).</summary>
    public required bool StandardLandChecked { get; init; }

    /// <summary>Why the 标准地 rules were not applied, or null.</summary>
    public string? StandardLandSkipReason { get; init; }

    /// <summary>The 标准地 checks (empty when not applied).</summary>
    public required IReadOnlyList<StandardLandCheck> Checks { get; init; }

    /// <summary>True when any check failed.</summary>
    public bool FailsStandardLand => AnyCheck(passed: false);

    /// <summary>
    /// The verdict (docs/rules.md#standard-land-control-indicators): false when any check fails; true only when every
    /// check made passed and no required indicator is undecided; null when not checked or incomplete.
    /// </summary>
    public bool? StandardLandPassed => !StandardLandChecked ? null
        : FailsStandardLand ? false
        : AnyCheck(passed: null) ? null
        : true;

    /// <summary>The checks that could not be decided (their indicators), empty when none.</summary>
    public IReadOnlyList<string> Incomplete => [.. Checks.Where(c => c.Passed is null).Select(c => c.Indicator)];

    /// <summary>供地日期 (the contract date the thresholds were chosen by), or null.</summary>
    public DateOnly? SuppliedOn { get; init; }

    /// <summary>The regime judged under: <c>控制指标</c> or <c>标准地</c>, or null when not checked.</summary>
    public string? Regime { get; init; }

    /// <summary>The threshold version judged under, or null when not checked.</summary>
    public string? Version { get; init; }

    /// <summary>The evaluation unit (enterprise, or the parcel id when it has none).</summary>
    public required string UnitId { get; init; }

    /// <summary>The enterprise's grade A–D, or null when not graded.</summary>
    public string? Grade { get; init; }

    /// <summary>The enterprise's score, or null.</summary>
    public double? Score { get; init; }

    /// <summary>Whether a check's <see cref="StandardLandCheck.Passed"/> is <paramref name="passed"/> (a loop: asked for every parcel by every writer).</summary>
    private bool AnyCheck(bool? passed)
    {
        var checks = Checks;
        for (var i = 0; i < checks.Count; i++)
        {
            if (checks[i].Passed == passed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Area in 亩.</summary>
    public double AreaMu => Measures.AreaUnits.ToMu(AreaM2);
}
