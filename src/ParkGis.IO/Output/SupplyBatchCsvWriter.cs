using System.Globalization;
using ParkGis.Core.Measures;
using ParkGis.Core.Supply;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes <c>supply_batches.csv</c>, the batch table (批次供地台账) for Excel through <see cref="ExcelCsvWriter"/>
/// (UTF-8 with BOM, CRLF, text neutralised against formula injection), invariant numbers, a header in Chinese and English.
/// </summary>
public static class SupplyBatchCsvWriter
{
    private static readonly string[] Header =
    [
        "批次编号 batch_id", "批准文号 approval_no", "批准日期 approved_on", "旗区 banner",
        "批准面积(m²) approved_m2", "批准面积(亩) approved_mu", "批准面积(公顷) approved_ha",
        "已供面积(m²) supplied_m2", "已供面积(亩) supplied_mu", "已供面积(公顷) supplied_ha",
        "批而未供(m²) unsupplied_m2", "批而未供(亩) unsupplied_mu", "批而未供(公顷) unsupplied_ha",
        "供地率 supply_rate", "坐标系 crs",
    ];

    /// <summary>Writes the table to a file.</summary>
    public static void Write(string path, SupplyLedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ExcelCsvWriter.Write(path, [Header, .. result.Batches.Select(Row)]);
    }

    private static string[] Row(BatchSupply b) =>
    [
        b.BatchId, b.ApprovalNo, b.ApprovedOn is { } d ? JsonOutput.Date(d) : string.Empty, b.Banner,
        Number(b.ApprovedM2, 2), Number(AreaUnits.ToMu(b.ApprovedM2), 4), Number(AreaUnits.ToHectares(b.ApprovedM2), 6),
        Number(b.SuppliedM2, 2), Number(AreaUnits.ToMu(b.SuppliedM2), 4), Number(AreaUnits.ToHectares(b.SuppliedM2), 6),
        Number(b.UnsuppliedM2, 2), Number(AreaUnits.ToMu(b.UnsuppliedM2), 4), Number(AreaUnits.ToHectares(b.UnsuppliedM2), 6),
        b.SupplyRate is { } r ? Number(r, 6) : string.Empty, b.Crs.Code,
    ];

    private static string Number(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.############", CultureInfo.InvariantCulture);
}
