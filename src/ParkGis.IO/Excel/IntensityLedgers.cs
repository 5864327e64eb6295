using System.Globalization;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.Core.Measures;

namespace ParkGis.IO.Excel;

/// <summary>
/// The ledgers of <c>parkgis intensity</c> (亩均效益 / 集约利用): the per-park table and the per-parcel table of the
/// CSVs, with numbers as number cells.
/// </summary>
public static class IntensityLedgers
{
    /// <summary>Sheet name of the park table.</summary>
    public const string ParkSheet = "园区亩均效益";

    /// <summary>Sheet name of the parcel table.</summary>
    public const string ParcelSheet = "宗地亩均效益";

    /// <summary>The ledgers.</summary>
    public static IReadOnlyList<LedgerSheet> Of(IntensityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var indicators = result.Parks.FirstOrDefault()?.Indicators ?? [];
        var parkColumns = new List<LedgerColumn>
        {
            LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("park_name")), LedgerColumn.Integer("宗地数"), LedgerColumn.Number("已建成面积（亩）"),
            LedgerColumn.Number("工矿仓储用地面积（亩）"),
            LedgerColumn.Number(string.Create(CultureInfo.InvariantCulture, $"{result.BaselineYear}年亩均产值（万元/亩）")),
            LedgerColumn.Number(result.Year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y}年亩均产值（万元/亩）") : "亩均产值（万元/亩）"),
            LedgerColumn.Percent("增长"), LedgerColumn.Percent("较基准年+35%进度"), LedgerColumn.Percent("较基准年翻番进度"), LedgerColumn.Number("亩均税收（万元/亩）"),
        };
        parkColumns.AddRange(indicators.Select(IndicatorColumn));
        parkColumns.AddRange(GradeClassing.Letters.Select(l => LedgerColumn.Integer(l + "类")));
        parkColumns.AddRange([LedgerColumn.Integer("未评价"), LedgerColumn.Integer("标准地不达标宗地数"), LedgerColumn.Text("未计算指标")]);
        var parks = result.Parks.Select(park => (IReadOnlyList<object?>)
        [
            park.ParkId, park.Name, park.ParcelCount, AreaUnits.ToMu(park.BuiltAreaM2), AreaUnits.ToMu(park.IndustrialAreaM2),
            park.OutputPerMu.Baseline, park.OutputPerMu.Current, park.OutputPerMu.Growth, park.OutputPerMu.ProgressToPlus35, park.OutputPerMu.ProgressToDouble,
            park.TaxPerMu,
            .. park.Indicators.Select(i => (object?)i.Value),
            .. GradeClassing.Letters.Select(l => (object?)park.GradeCounts[l]),
            park.NotGraded, park.StandardLandFailures,
            string.Join("；", park.Indicators.Where(i => i.NotComputedReason is not null).Select(i => $"{i.ChineseName}：{i.NotComputedReason}")),
        ]).ToList();

        LedgerColumn[] parcelColumns =
        [
            LedgerColumn.Text(FieldLabels.Header("parcel_id")), LedgerColumn.Text(FieldLabels.Header("park_id")), LedgerColumn.Text(FieldLabels.Header("enterprise")), LedgerColumn.Text(FieldLabels.Header("industry")), LedgerColumn.Text(FieldLabels.Header("land_use")),
            LedgerColumn.Number(FieldLabels.Header("area_mu"), 4), LedgerColumn.Number(FieldLabels.Header("plot_ratio"), 4), LedgerColumn.Percent(FieldLabels.Header("building_coefficient")),
            LedgerColumn.Percent("行政办公及生活服务设施用地比重"), LedgerColumn.Percent(FieldLabels.Header("green_ratio")),
            LedgerColumn.Number("亩均产值（万元/亩）"), LedgerColumn.Number("亩均税收（万元/亩）"), LedgerColumn.Number("亩均固定资产投资（万元/亩）"),
            LedgerColumn.Number("亩均增加值（万元/亩）"), LedgerColumn.Number("单位能耗增加值（万元/吨标煤）", 4), LedgerColumn.Text("评价等级"),
            LedgerColumn.Text("标准地"), LedgerColumn.Text("未达标指标"),
        ];
        var parcels = result.Parcels.Select(p => (IReadOnlyList<object?>)
        [
            p.ParcelId, p.ParkId, p.Enterprise, p.Industry, p.LandUse, p.AreaMu, p.PlotRatio, p.BuildingCoefficient, p.AdminShare, p.GreenRatio,
            p.OutputPerMu, p.TaxPerMu, p.InvestmentPerMu, p.ValueAddedPerMu, p.ValueAddedPerEnergy, p.Grade,
            !p.StandardLandChecked ? "不适用" : p.FailsStandardLand ? "不达标" : "达标",
            string.Join("；", p.Checks.Where(c => c.Passed == false).Select(c => c.ChineseName)),
        ]).ToList();
        return [new LedgerSheet(ParkSheet, parkColumns, parks), new LedgerSheet(ParcelSheet, parcelColumns, parcels)];
    }

    /// <summary>A 控制指标 column: a plot ratio (容积率) is a bare number, another ratio a share shown as a percentage, else the unit in the header.</summary>
    private static LedgerColumn IndicatorColumn(IntensityIndicator indicator) => indicator.Unit switch
    {
        "ratio" when indicator.ChineseName.Contains("容积率", StringComparison.Ordinal) => LedgerColumn.Number(indicator.ChineseName),
        "ratio" => LedgerColumn.Percent(indicator.ChineseName),
        _ => LedgerColumn.Number($"{indicator.ChineseName}（{indicator.Unit}）", 4),
    };
}
