using System.Globalization;
using ParkGis.Core.Intensity;
using ParkGis.IO.Output;

namespace ParkGis.IO.Intensity;

/// <summary>
/// Writes the people-facing outputs of <c>parkgis intensity</c>: CSVs with Chinese headers for Excel (through
/// <see cref="ExcelCsvWriter"/>: UTF-8 with BOM, text neutralised against formula injection). The parcels' GeoJSON is
/// the published <c>intensity</c> layer.
/// </summary>
public static class IntensityTablesWriter
{
    /// <summary>Writes the per-parcel CSV.</summary>
    public static void WriteParcels(string path, IntensityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        // A line at a time (the BOM first, as File.WriteAllText wrote it): the whole table was a list of lines, then
        // one string of them, then its bytes (docs/performance.md, "Tenth round, intensity evaluation and writing").
        using var writer = new StreamWriter(path, append: false, ExcelCsvWriter.Encoding);
        writer.Write(ExcelCsvWriter.Row("宗地编号,园区编号,用地企业,产业,用地分类,面积(亩),容积率,建筑系数,行政办公及生活服务设施用地比重,绿地率,亩均产值(万元/亩),亩均税收(万元/亩),亩均固定资产投资(万元/亩),亩均增加值(万元/亩),单位能耗增加值(万元/吨标煤),评价等级,标准地,未达标指标".Split(',')));
        writer.Write("\r\n");
        foreach (var p in result.Parcels)
        {
            var failed = string.Join(";", p.Checks.Where(c => c.Passed == false).Select(c => c.ChineseName));
            var standard = !p.StandardLandChecked ? "不适用" : p.FailsStandardLand ? "不达标" : "达标";
            writer.Write(Row(p.ParcelId, p.ParkId, p.Enterprise, p.Industry, p.LandUse, N(p.AreaMu, 4), N(p.PlotRatio, 4), N(p.BuildingCoefficient, 4),
                N(p.AdminShare, 4), N(p.GreenRatio, 4), N(p.OutputPerMu, 2), N(p.TaxPerMu, 2), N(p.InvestmentPerMu, 2), N(p.ValueAddedPerMu, 2),
                N(p.ValueAddedPerEnergy, 4), p.Grade, standard, failed));
            writer.Write("\r\n");
        }
    }

    /// <summary>Writes the per-park CSV.</summary>
    public static void WriteParks(string path, IntensityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var indicatorNames = result.Parks.FirstOrDefault()?.Indicators.Select(i => $"{i.ChineseName}({i.Unit})").ToList() ?? [];
        var header = new List<string> { "园区编号", "园区名称", "宗地数", "已建成面积(亩)", "工矿仓储用地面积(亩)",
            $"{result.BaselineYear}年亩均产值(万元/亩)", $"{result.Year}年亩均产值(万元/亩)", "增长", "较基准年+35%进度", "较基准年翻番进度", "亩均税收(万元/亩)" };
        header.AddRange(indicatorNames);
        header.AddRange(["A类", "B类", "C类", "D类", "未评价", "标准地不达标宗地数", "未计算指标"]);
        var lines = new List<string> { Row([.. header]) };
        foreach (var park in result.Parks)
        {
            var cells = new List<string?> { park.ParkId, park.Name, park.ParcelCount.ToString(CultureInfo.InvariantCulture),
                N(Core.Measures.AreaUnits.ToMu(park.BuiltAreaM2), 2), N(Core.Measures.AreaUnits.ToMu(park.IndustrialAreaM2), 2),
                N(park.OutputPerMu.Baseline, 2), N(park.OutputPerMu.Current, 2), N(park.OutputPerMu.Growth, 4),
                N(park.OutputPerMu.ProgressToPlus35, 4), N(park.OutputPerMu.ProgressToDouble, 4), N(park.TaxPerMu, 2) };
            cells.AddRange(park.Indicators.Select(i => N(i.Value, 4)));
            cells.AddRange(GradeClassing.Letters.Select(l => park.GradeCounts[l].ToString(CultureInfo.InvariantCulture)));
            cells.Add(park.NotGraded.ToString(CultureInfo.InvariantCulture));
            cells.Add(park.StandardLandFailures.ToString(CultureInfo.InvariantCulture));
            cells.Add(string.Join("；", park.Indicators.Where(i => i.NotComputedReason is not null).Select(i => $"{i.ChineseName}: {i.NotComputedReason}")));
            lines.Add(Row([.. cells]));
        }

        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", ExcelCsvWriter.Encoding);
    }

    private static string? N(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) : null;

    private static string Row(params string?[] cells) => ExcelCsvWriter.Row(cells);
}
