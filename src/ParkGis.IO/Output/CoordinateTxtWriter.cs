using System.Globalization;
using System.Text;
using ParkGis.Core.Boundaries;
using ParkGis.Core.Measures;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes a boundary-point table as the ministry's coordinate TXT (自然资源部 建设用地报批坐标文件): the
/// <c>[属性描述]</c> block (2000国家大地坐标系, 几度分带, 高斯克吕格, 米, 带号, 精度 0.001), then <c>[地块坐标]</c> with
/// one parcel per block — header <c>界址点数,地块面积(公顷),地块编号,地块名称,面,图幅号,地块用途,地类编码,@</c> and rows
/// <c>点号,圈号,X,Y</c> with Y carrying the zone prefix. GBK with CRLF, as the ministry's Windows software
/// expects; ParkGis reads it back (UTF-8 or GBK). 数据产生日期 is left empty: output never depends on the clock.
/// </summary>
public static class CoordinateTxtWriter
{
    /// <summary>Writes the table of park <paramref name="parkId"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, string parkId, string? parkName, BoundaryPointTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        text.Append("[属性描述]\r\n");
        text.Append("格式版本号=1.01版本\r\n");
        text.Append("数据产生单位=\r\n");
        text.Append("数据产生日期=\r\n");
        text.Append("坐标系=2000国家大地坐标系\r\n");
        text.Append(CultureInfo.InvariantCulture, $"几度分带={table.Crs.ZoneWidthDegrees}\r\n");
        text.Append("投影类型=高斯克吕格\r\n");
        text.Append("计量单位=米\r\n");
        text.Append(CultureInfo.InvariantCulture, $"带号={table.Crs.Zone}\r\n");
        text.Append("精度=0.001\r\n");
        text.Append("转换参数=,,,,,,\r\n");
        text.Append("[地块坐标]\r\n");
        foreach (var block in table.Blocks)
        {
            var id = table.Blocks.Count == 1 ? parkId : string.Create(CultureInfo.InvariantCulture, $"{parkId}-{block.Number}");
            var rows = block.Rings.Sum(r => r.Points.Count);
            text.Append(CultureInfo.InvariantCulture, $"{rows},{AreaUnits.ToHectares(block.AreaM2):0.0000},{Clean(id)},{Clean(parkName ?? string.Empty)},面,,,,@\r\n");
            foreach (var ring in block.Rings)
            {
                foreach (var point in ring.Points)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{point.Number},{ring.RingNumber},{point.NorthM:0.000},{point.EastM:0.000}\r\n");
                }
            }
        }

        File.WriteAllText(path, text.ToString(), DbfTextEncoding.Gbk);
    }

    /// <summary>Commas and line breaks would break the row; the format has no quoting.</summary>
    private static string Clean(string value) => value.Replace(',', '，').Replace('\r', ' ').Replace('\n', ' ');
}
