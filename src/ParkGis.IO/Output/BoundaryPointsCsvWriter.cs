using System.Globalization;
using System.Text;
using ParkGis.Core.Boundaries;
using ParkGis.Core.Measures;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes a boundary-point table (界址点坐标表) as CSV that Excel opens with its Chinese intact: UTF-8 with BOM,
/// CRLF, columns 地块, 圈号, 点号, X, Y, 边长(米); the closing row repeats the first point of each ring; below the
/// points, the area in 公顷 and m² and the coordinate system.
/// </summary>
public static class BoundaryPointsCsvWriter
{
    /// <summary>Writes the table of park <paramref name="parkId"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, string parkId, string? parkName, BoundaryPointTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        text.Append("地块,圈号,点号,X(北),Y(东),边长(米)\r\n");
        foreach (var block in table.Blocks)
        {
            foreach (var ring in block.Rings)
            {
                foreach (var point in ring.Points)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{block.Number},{ring.RingNumber},{point.Number},{point.NorthM:0.000},{point.EastM:0.000},");
                    if (point.EdgeLengthM is { } edge)
                    {
                        text.Append(edge.ToString("0.00", CultureInfo.InvariantCulture));
                    }

                    text.Append("\r\n");
                }
            }
        }

        text.Append("\r\n");
        text.Append(CultureInfo.InvariantCulture, $"面积(公顷),{AreaUnits.ToHectares(table.AreaM2):0.0000}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"面积(平方米),{table.AreaM2:0.00}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"园区,{Cell(parkId)}{(parkName is null ? string.Empty : " " + Cell(parkName))}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"坐标系,{Cell(table.Crs.ToString())}\r\n");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
