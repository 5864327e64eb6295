namespace ParkGis.Core.Intensity;

/// <summary>
/// One row of the economics table (经济指标): the figures of a parcel or an enterprise for one year. Money in
/// 万元; a figure the row does not give is null.
/// </summary>
/// <param name="Row">1-based data row in the source, for data-issue locations.</param>
/// <param name="ParcelId">宗地编号, or null when the row is keyed by enterprise only.</param>
/// <param name="Enterprise">企业名称, or null.</param>
/// <param name="Year">年份.</param>
/// <param name="OutputWan">工业总产值 (万元).</param>
/// <param name="RevenueWan">营业收入 (万元).</param>
/// <param name="TaxWan">税收 (万元).</param>
/// <param name="ValueAddedWan">增加值 (万元).</param>
/// <param name="FixedInvestmentWan">cumulative 固定资产投资 including the land price (万元).</param>
/// <param name="EnergyTce">综合能耗 (吨标准煤).</param>
/// <param name="EmissionsT">主要污染物排放 (吨).</param>
/// <param name="Employees">从业人员 (persons).</param>
/// <param name="RdWan">研发经费 (万元).</param>
/// <param name="ElectricityKwh">用电量 (kWh).</param>
public sealed record EconomicsRecord(
    int Row,
    string? ParcelId,
    string? Enterprise,
    int Year,
    double? OutputWan = null,
    double? RevenueWan = null,
    double? TaxWan = null,
    double? ValueAddedWan = null,
    double? FixedInvestmentWan = null,
    double? EnergyTce = null,
    double? EmissionsT = null,
    double? Employees = null,
    double? RdWan = null,
    double? ElectricityKwh = null);
