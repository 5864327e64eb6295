using System.Globalization;
using ParkGis.Core.Boundaries;
using ParkGis.Core.Measures;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes a boundary-point table (界址点坐标表) as CSV that Excel opens with its Chinese intact (through
/// <see cref="ExcelCsvWriter"/>: UTF-8 with BOM, CRLF, text neutralised against formula injection): columns 地块,
/// 圈号, 点号, X, Y, 边长(米); the closing row repeats the first point of each ring; below the points, the area in
/// 公顷 and m² and the coordinate system.
/// </summary>
public static class BoundaryPointsCsvWriter
{
    /// <summary>Writes the table of park <paramref name="parkId"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, string parkId, string? parkName, BoundaryPointTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<string?[]> { new[] { "地块", "圈号", "点号", "X(北)", "Y(东)", "边长(米)" } };
        foreach (var block in table.Blocks)
        {
            foreach (var ring in block.Rings)
            {
                foreach (var point in ring.Points)
                {
                    rows.Add(
                    [
                        Invariant($"{block.Number}"), Invariant($"{ring.RingNumber}"), point.Number, Invariant($"{point.NorthM:0.000}"),
                        Invariant($"{point.EastM:0.000}"), point.EdgeLengthM is { } edge ? Invariant($"{edge:0.00}") : null,
                    ]);
                }
            }
        }

        rows.Add([]);
        rows.Add(["面积(公顷)", Invariant($"{AreaUnits.ToHectares(table.AreaM2):0.0000}")]);
        rows.Add(["面积(平方米)", Invariant($"{table.AreaM2:0.00}")]);
        rows.Add(["园区", parkName is null ? parkId : $"{parkId} {parkName}"]);
        rows.Add(["坐标系", table.Crs.ToString()]);
        ExcelCsvWriter.Write(path, rows);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
