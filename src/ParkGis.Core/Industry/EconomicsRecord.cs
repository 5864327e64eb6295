namespace ParkGis.Core.Industry;

/// <summary>One row of the economics table (企业经济数据) as far as the leading-industry share needs it.</summary>
/// <param name="ParcelId">The parcel (宗地编号) the enterprise uses.</param>
/// <param name="Year">The year.</param>
/// <param name="OutputWan">Output value (产值) in 万元.</param>
public sealed record EconomicsRecord(string ParcelId, int Year, double OutputWan);
