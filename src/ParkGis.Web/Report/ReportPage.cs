using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ParkGis.Core.Publishing;
using ParkGis.IO.Output;
using ParkGis.Web.Export;

namespace ParkGis.Web.Report;

/// <summary>
/// Writes the HTML map report (成果报告): one self-contained <c>index.html</c> that opens from file:// with no
/// network — Leaflet and the data are inlined — with every layer toggleable, findings highlighted, a popup with
/// a feature's attributes on click, the findings tables and the supply-rate chart. With a 天地图 key the page also
/// loads the 天地图 vector base map (CGCS2000, so the WGS 84 data needs no shift); that is the only network use.
/// </summary>
public static class ReportPage
{
    /// <summary>Layers with more features than this are left off the map (the page would be too heavy); the page says so.</summary>
    public const int MaxMapFeatures = 20_000;

    /// <summary>Writes the report.</summary>
    /// <param name="path">The HTML file.</param>
    /// <param name="datasetName">The dataset as the user named it.</param>
    /// <param name="layers">Input and result layers in lon/lat (WGS 84 / CGCS2000).</param>
    /// <param name="results">The analyses' tables and supply rates.</param>
    /// <param name="tiandituKey">A 天地图 key, or null for no base map.</param>
    public static void Write(string path, string datasetName, IReadOnlyList<PublishedLayer> layers, PublishedResults results, string? tiandituKey)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(results);
        var shown = layers.Where(l => l.Features.Count <= MaxMapFeatures).ToList();
        var omitted = layers.Where(l => l.Features.Count > MaxMapFeatures).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>ParkGis 园区用地报告 — ").Append(Encode(datasetName)).Append("</title>\n");
        html.Append("<style>\n").Append(ReportAssets.Text("leaflet.css")).Append("\n</style>\n");
        html.Append("<style>\n").Append(ReportAssets.Text("report.css")).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<header><h1>ParkGis 园区用地报告</h1><p>数据集 ").Append(Encode(datasetName))
            .Append(" · 坐标 CGCS2000 ≈ WGS 84 · 面积为高斯-克吕格平面面积 · ")
            .Append(results.HasFindings ? "发现问题（findings）" : "未发现问题（no findings）").Append("</p></header>\n<main>\n");
        html.Append("<div id=\"map\"></div>\n");
        html.Append("<p class=\"note\">点击要素查看属性；右上角可开关图层。")
            .Append(tiandituKey is null ? "底图：无（离线）。" : "底图：天地图。").Append("</p>\n");
        foreach (var layer in omitted)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Encode(layer.Title)} ({Encode(layer.Name)}): {layer.Features.Count} 个要素，超过 {MaxMapFeatures}，未画入地图；请用 parkgis export --tiles 发布矢量瓦片。</p>\n");
        }

        html.Append("<section id=\"supply\"><h2>各园区供地率（Supply rate per park）</h2>\n");
        html.Append(SupplyChart(results.SupplyRates));
        html.Append("</section>\n");
        foreach (var table in results.Tables)
        {
            html.Append(Table(table));
        }

        html.Append("</main>\n<script type=\"application/json\" id=\"parkgis-data\">");
        html.Append(DataJson(shown, tiandituKey));
        html.Append("</script>\n<script>\n").Append(ReportAssets.Text("leaflet.js")).Append("\n</script>\n");
        html.Append("<script>\n").Append(ReportAssets.Text("report.js")).Append("\n</script>\n</body>\n</html>\n");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>
    /// The data block: JSON inside <c>&lt;script&gt;</c> with every <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped
    /// (<see cref="HtmlSafeJson"/>), so that no value — a park named <c>园区&lt;!--&lt;script&gt;</c> — can end the
    /// block or switch the HTML parser into another state.
    /// </summary>
    private static string DataJson(IReadOnlyList<PublishedLayer> layers, string? tiandituKey)
    {
        using var buffer = new MemoryStream();
        var geojson = new Rfc7946Writer(6);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = HtmlSafeJson.Encoder }))
        {
            json.WriteStartObject();
            if (tiandituKey is null)
            {
                json.WriteNull("tianditu_key");
            }
            else
            {
                json.WriteString("tianditu_key", tiandituKey);
            }

            json.WriteStartArray("layers");
            foreach (var layer in layers)
            {
                json.WriteStartObject();
                json.WriteString("name", layer.Name);
                json.WriteString("title", layer.Title);
                json.WriteBoolean("is_result", layer.IsResult);
                json.WriteBoolean("highlight", layer.Highlight);
                using var collection = new MemoryStream();
                geojson.Write(collection, layer.Features.Select(WebExport.ToGeoJson));
                json.WritePropertyName("geojson");
                json.WriteRawValue(HtmlSafeJson.Escape(collection.ToArray()), skipInputValidation: true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string SupplyChart(IReadOnlyList<ParkSupplyRate>? rates)
    {
        if (rates is null || rates.Count == 0)
        {
            return "<p class=\"note\" id=\"no-supply\">No supply data — 无供地数据：供地分析（批而未供）尚未运行或数据集缺少供地信息，故不显示供地率。</p>\n";
        }

        const int barHeight = 22;
        const int labelWidth = 260;
        const int chartWidth = 420;
        var height = (rates.Count * barHeight) + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"supply-chart\" width=\"{labelWidth + chartWidth + 60}\" height=\"{height}\" role=\"img\" aria-label=\"供地率\">\n");
        for (var i = 0; i < rates.Count; i++)
        {
            var rate = rates[i].Rate;
            var y = i * barHeight;
            var width = rate is { } r ? Math.Clamp(r, 0, 1) * chartWidth : 0;
            var colour = rate is >= 0.6 ? "#33a02c" : "#e31a1c";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{Encode(rates[i].Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{barHeight - 6}\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 4:0.#}\" y=\"{y + 15}\">{(rate is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—")}</text>\n");
        }

        var yardstick = labelWidth + (0.6 * chartWidth);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{yardstick:0.#}\" y1=\"0\" x2=\"{yardstick:0.#}\" y2=\"{height - 24}\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{yardstick:0.#}\" y=\"{height - 8}\" text-anchor=\"middle\">60%</text>\n</svg>\n");
        return svg.ToString();
    }

    private static string Table(FindingsTable table)
    {
        var html = new StringBuilder();
        html.Append("<section><h2>").Append(Encode(table.Title)).Append("</h2>\n");
        if (table.Rows.Count == 0)
        {
            html.Append("<p class=\"note\">无（none）</p></section>\n");
            return html.ToString();
        }

        html.Append("<table><thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></section>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
