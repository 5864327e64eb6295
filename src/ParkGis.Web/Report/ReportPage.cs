using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Idle;
using ParkGis.Core.Publishing;
using ParkGis.IO.Output;
using ParkGis.Web.Export;
using ParkGis.Web.Localization;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Report;

/// <summary>
/// Writes the HTML map report (成果报告): one self-contained <c>index.html</c> that opens from file:// with no
/// network — Leaflet, ECharts, the district boundaries of the cities the data lie in and the data are inlined —
/// laid out as a map sheet (title, map with park labels, legend with the layers' own symbols, scale bar, north arrow,
/// date, data source) that prints on one A3 landscape page, followed by the charts of every analysis the dataset
/// allowed and the findings tables. Layers too big to inline (<see cref="ReportTiling"/>) are tiled into a PMTiles
/// archive embedded in the page (base64) and drawn from it with protomaps-leaflet. The page is streamed to the file,
/// layer by layer. With a 天地图 key the page also loads the 天地图 vector base map (CGCS2000, so the WGS 84 data need
/// no shift); that is the only network use.
/// </summary>
public static class ReportPage
{
    /// <summary>The scratch folder, beside the page, that holds the tile archive until it is embedded.</summary>
    private const string ScratchFolderName = ".parkgis-report-tiles";

    /// <summary>The messages the page script shows start with this (<c>ReportUiYes</c> is <c>ui.Yes</c> there).</summary>
    private const string UiPrefix = "ReportUi";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the report.</summary>
    /// <param name="path">The HTML file.</param>
    /// <param name="content">What the report shows.</param>
    /// <param name="progress">Progress lines (the tile archive's zooms), or null.</param>
    public static void Write(string path, ReportContent content, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var tiling = content.Tiling ?? ReportTiling.Default;
        var tiled = content.Layers.Where(tiling.Tiles).ToList();
        var scratch = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, ScratchFolderName);
        var ownScratch = !Directory.Exists(scratch);
        try
        {
            var archive = tiled.Count > 0 && ownScratch ? ReportTileArchive.Write(tiled, tiling, scratch, progress) : null;
            WritePage(path, content, archive is null ? [] : tiled, archive is null ? tiled : [], archive);
        }
        finally
        {
            if (ownScratch && Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static void WritePage(string path, ReportContent content, List<PublishedLayer> tiled, List<PublishedLayer> omitted, (string File, TileSummary Summary)? archive)
    {
        var layers = content.Layers;
        var results = content.Results;
        var shown = layers.Where(l => !omitted.Contains(l)).ToList();
        var districts = BoundarySet.Covering(layers.Where(l => !l.IsResult).SelectMany(l => l.Features).Select(f => f.Geometry), out var cities);
        var city = TitleCity(districts, layers.FirstOrDefault(l => !l.IsResult && l.Name == "parks"));
        var title = city.Length == 0 ? Localized.Get("ReportTitle") : Localized.Format("ReportTitleCity", city);
        var madeOn = content.MadeOn.ToString(Localized.Get("ReportDateFormat"), CultureInfo.InvariantCulture);
        var asOf = content.AsOf is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var html = new StreamWriter(file, Utf8, 1 << 16);
        html.Write("<!DOCTYPE html>\n<html lang=\"" + Localized.Get("ReportHtmlLang") + "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Write("<title>" + Encode(title) + " — " + Encode(content.DatasetName) + "</title>\n");
        html.Write("<style>\n" + ReportAssets.Text("leaflet.css") + "\n</style>\n");
        html.Write("<style>\n" + ReportAssets.Text("report.css") + "\n</style>\n</head>\n<body>\n<main>\n");

        // The map sheet (成果图): one A3 landscape page when printed.
        var sheet = new StringBuilder();
        sheet.Append("<section id=\"sheet\">\n<header class=\"sheet-title\"><h1>").Append(Encode(title)).Append("</h1><p>")
            .Append(Encode(Localized.Format("ReportDataset", content.DatasetName)));
        if (asOf is not null)
        {
            sheet.Append(" · ").Append(Encode(Localized.Format("ReportAsOf", asOf)));
        }

        sheet.Append(" · ").Append(Encode(Localized.Get(results.HasFindings ? "ReportFindings" : "ReportNoFindings"))).Append("</p></header>\n");
        sheet.Append("<div class=\"sheet-body\"><div id=\"map\"></div>\n<aside id=\"legend\"><h2>").Append(Encode(Localized.Get("ReportLegend")))
            .Append("</h2><div id=\"legend-entries\"></div>");
        sheet.Append("<p class=\"legend-hint\">").Append(Encode(Localized.Get("ReportLegendHint"))).Append("</p></aside></div>\n");
        sheet.Append("<footer class=\"sheet-footer\"><span id=\"made-on\">").Append(Encode(Localized.Format("ReportMadeOn", madeOn))).Append("</span>");
        sheet.Append("<span id=\"data-source\">").Append(Encode(Localized.Format("ReportDataSource", content.DatasetName, BoundarySet.Source)))
            .Append(Encode(Localized.Get(content.TiandituKey is null ? "ReportBaseMapNone" : "ReportBaseMapTianditu"))).Append("</span>");
        sheet.Append("<span>").Append(Encode(Localized.Get("ReportCrsNote"))).Append("</span><span>").Append(Encode(Localized.Get("ReportMadeBy")))
            .Append("</span></footer>\n</section>\n");
        if (archive is { Summary: var summary })
        {
            sheet.Append("<p class=\"note\" id=\"tiled-note\">")
                .Append(Encode(Localized.Format("ReportTiledNote", Core.Localization.ResourceText.List(tiled.Select(l => l.Title)), summary.MinZoom, summary.MaxZoom))).Append("</p>\n");
        }

        foreach (var layer in omitted)
        {
            sheet.Append("<p class=\"note\">").Append(Encode(Localized.Format("ReportOmittedNote", layer.Title, layer.Features.Count))).Append("</p>\n");
        }

        sheet.Append("<section id=\"charts\"><h2 class=\"section-title\">").Append(Encode(Localized.Get("ReportCharts"))).Append("</h2>\n");
        ChartBox(sheet, "ReportChartConflicts", "chart-conflicts");
        ChartBox(sheet, "ReportChartSupply", "chart-supply", "<p id=\"supply-headline\" class=\"headline\"></p>");
        ChartBox(sheet, "ReportChartSupplyBanners", "chart-supply-banners", "<p class=\"note\">" + Encode(Localized.Get("ReportChartSupplyBannersNote")) + "</p>");
        ChartBox(sheet, "ReportChartIdle", "chart-idle");
        ChartBox(sheet, "ReportChartIntensity", "chart-intensity");
        ChartBox(sheet, "ReportChartGrades", "chart-grades");
        ChartBox(sheet, "ReportChartInfrastructure", "chart-infrastructure");
        ChartBox(sheet, "ReportChartScorecard", "chart-scorecard");
        sheet.Append("</section>\n<section id=\"tables\">\n");
        if (results.SupplyRates is null || results.SupplyRates.Count == 0)
        {
            sheet.Append("<p class=\"note\" id=\"no-supply\">").Append(Encode(Localized.Get("ReportNoSupply"))).Append("</p>\n");
        }

        html.Write(sheet.ToString());
        foreach (var table in results.Tables)
        {
            html.Write(Table(table));
        }

        html.Write("</section>\n</main>\n<script type=\"application/json\" id=\"parkgis-data\">");
        html.Flush();
        file.Write(DataJson(shown, tiled, archive?.Summary, layers, districts, cities, content.Figures(), content.TiandituKey));
        html.Write("</script>\n");

        // Each inline layer's GeoJSON in its own element, streamed feature by feature.
        var geojson = new Rfc7946Writer(6);
        for (var i = 0; i < shown.Count; i++)
        {
            if (tiled.Contains(shown[i]))
            {
                continue;
            }

            html.Write(string.Create(CultureInfo.InvariantCulture, $"<script type=\"application/json\" id=\"{LayerScriptId(i)}\">"));
            html.Flush();
            using (var escaped = new HtmlSafeJsonStream(file))
            {
                geojson.Write(escaped, shown[i].Features.Select(WebExport.ToGeoJson));
            }

            html.Write("</script>\n");
        }

        if (archive is { File: var archiveFile })
        {
            // The archive as base64: a page opened from file:// cannot read a file beside it.
            html.Write("<script type=\"application/octet-stream\" id=\"parkgis-tiles\">");
            html.Flush();
            WriteBase64(archiveFile, file);
            html.Write("</script>\n");
        }

        html.Write("<script>\n" + ReportAssets.Text("leaflet.js") + "\n</script>\n");
        if (archive is not null)
        {
            html.Write("<script>\n" + ReportAssets.Text("pmtiles.js") + "\n</script>\n");
            html.Write("<script>\n" + ReportAssets.Text("protomaps-leaflet.js") + "\n</script>\n");
        }

        html.Write("<script>\n" + ReportAssets.Text("echarts.min.js") + "\n</script>\n");
        html.Write("<script>\n" + ReportAssets.Text("report.js") + "\n</script>\n</body>\n</html>\n");
    }

    /// <summary>A chart's box: its heading (the message <paramref name="titleKey"/>), what goes above the chart, the chart element.</summary>
    private static void ChartBox(StringBuilder sheet, string titleKey, string chartId, string above = "")
    {
        sheet.Append("<div class=\"chart-box\"><h3>").Append(Encode(Localized.Get(titleKey))).Append("</h3>").Append(above)
            .Append("<div class=\"chart\" id=\"").Append(chartId).Append("\"></div></div>\n");
    }

    private static string LayerScriptId(int index) => string.Create(CultureInfo.InvariantCulture, $"parkgis-layer-{index}");

    /// <summary>Copies <paramref name="file"/> into <paramref name="output"/> as base64, a chunk at a time.</summary>
    private static void WriteBase64(string file, Stream output)
    {
        using var input = File.OpenRead(file);
        var chunk = new byte[3 * 21_846];
        var encoded = new byte[4 * 21_846];
        int read;
        while ((read = input.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false)) > 0)
        {
            Base64.EncodeToUtf8(chunk.AsSpan(0, read), encoded, out _, out var written);
            output.Write(encoded, 0, written);
        }
    }

    /// <summary>
    /// The data block: JSON inside <c>&lt;script&gt;</c> with every <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped
    /// (<see cref="HtmlSafeJson"/>), so that no value — a park named <c>园区&lt;!--&lt;script&gt;</c> — can end the
    /// block or switch the HTML parser into another state.
    /// </summary>
    private static byte[] DataJson(IReadOnlyList<PublishedLayer> layers, IReadOnlyList<PublishedLayer> tiled, TileSummary? tiles, IReadOnlyList<PublishedLayer> all, IReadOnlyList<PublishedFeature> districts, IReadOnlyList<string> cities, ReportFigures figures, string? tiandituKey)
    {
        using var buffer = new MemoryStream();
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

            using (var collection = new MemoryStream())
            {
                new Rfc7946Writer(4).Write(collection, districts.Select(WebExport.ToGeoJson));
                json.WritePropertyName("base");
                json.WriteRawValue(HtmlSafeJson.Escape(collection.ToArray()), skipInputValidation: true);
            }

            // docs/decisions.md "Field labels": the popups' field names in the run's language, from the one label table
            json.WriteStartObject("field_labels");
            foreach (var field in FieldLabels.Fields)
            {
                json.WriteStartArray(field);
                json.WriteStringValue(FieldLabels.Label(field));
                json.WriteStringValue(FieldLabels.Unit(field));
                json.WriteEndArray();
            }

            json.WriteEndObject();

            // The page script's own text in the run's language (the messages ReportUi*), and the names of the kinds.
            json.WriteStartObject("ui");
            foreach (var key in Localized.Resources.All(CultureInfo.InvariantCulture).Keys.Where(k => k.StartsWith(UiPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                json.WriteString(key[UiPrefix.Length..], Localized.Get(key));
            }

            json.WriteEndObject();
            json.WriteStartObject("kinds");
            foreach (var (code, label) in KindLabels())
            {
                json.WriteString(code, label);
            }

            json.WriteEndObject();
            json.WriteStartArray("base_cities");
            foreach (var city in cities)
            {
                json.WriteStringValue(city);
            }

            json.WriteEndArray();
            if (tiles is null)
            {
                json.WriteNull("tiles");
            }
            else
            {
                json.WriteStartObject("tiles");
                json.WriteString("script", "parkgis-tiles");
                json.WriteNumber("minzoom", tiles.MinZoom);
                json.WriteNumber("maxzoom", tiles.MaxZoom);
                json.WriteNumber("bytes", tiles.Bytes);
                json.WriteEndObject();
            }

            json.WriteStartArray("layers");
            for (var i = 0; i < layers.Count; i++)
            {
                var layer = layers[i];
                json.WriteStartObject();
                json.WriteString("name", layer.Name);
                json.WriteString("title", layer.Title);
                json.WriteBoolean("is_result", layer.IsResult);
                json.WriteBoolean("highlight", layer.Highlight);
                json.WriteNumber("count", layer.Features.Count);
                if (tiled.Contains(layer))
                {
                    WriteTiledLayer(json, layer);
                }
                else
                {
                    json.WriteString("script", LayerScriptId(i));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("figures");
            WriteLayerFigures(json, all, figures);
            figures.WriteTo(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// What the page needs of a layer drawn from the tiles, which it cannot learn from them before they are drawn:
    /// the bounds (to fit the map), the geometry kind and the <c>kind</c> values (for the legend's entries), and for
    /// parks a label point (the park's name at a point inside it).
    /// </summary>
    private static void WriteTiledLayer(Utf8JsonWriter json, PublishedLayer layer)
    {
        json.WriteBoolean("tiled", true);
        var bounds = new Envelope();
        foreach (var feature in layer.Features)
        {
            bounds.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        json.WriteStartArray("bounds");
        foreach (var value in new[] { bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY })
        {
            json.WriteNumberValue(Math.Round(value, 6));
        }

        json.WriteEndArray();
        var lines = layer.Features.Any(f => f.Geometry is ILineal);
        var points = layer.Features.All(f => f.Geometry is IPuntal);
        json.WriteString("geometry", lines ? "line" : points ? "point" : "polygon");
        json.WriteStartArray("kinds");
        foreach (var kind in layer.Features.Select(f => Text(f, "kind")).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(kind);
        }

        json.WriteEndArray();
        if (layer.Name == "parks" && !layer.IsResult)
        {
            json.WriteStartArray("labels");
            foreach (var feature in layer.Features)
            {
                var point = feature.Geometry.InteriorPoint;
                if (point.IsEmpty)
                {
                    continue;
                }

                json.WriteStartArray();
                json.WriteStringValue(Text(feature, "name") ?? Text(feature, "park_id") ?? feature.Label);
                json.WriteNumberValue(Math.Round(point.Y, 6));
                json.WriteNumberValue(Math.Round(point.X, 6));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }
    }

    /// <summary>
    /// The figures read from the published result layers, so that they agree with the map: the 三区三线 conflict
    /// area per park and kind, and the idle land per cause (宗数, 公顷).
    /// </summary>
    private static void WriteLayerFigures(Utf8JsonWriter json, IReadOnlyList<PublishedLayer> layers, ReportFigures figures)
    {
        if (layers.FirstOrDefault(l => l.IsResult && l.Name == "conflicts") is { } conflicts)
        {
            var rows = conflicts.Features
                .GroupBy(f => (Park: Text(f, "park_name") ?? Text(f, "park_id") ?? string.Empty, Kind: KindLabel(f, "kind", "kind_zh")))
                .Select(g => (g.Key.Park, g.Key.Kind, Key: Text(g.First(), "kind") ?? string.Empty, Ha: g.Sum(f => Number(f, "area_ha"))))
                .OrderBy(r => r.Park, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal)
                .ToList();
            json.WriteStartObject("conflicts");
            json.WriteNumber("total_ha", Math.Round(rows.Sum(r => r.Ha), 4));
            json.WriteStartArray("parks");
            foreach (var park in rows.Select(r => r.Park).Distinct(StringComparer.Ordinal))
            {
                json.WriteStringValue(park);
            }

            json.WriteEndArray();
            json.WriteStartArray("kinds");
            foreach (var kind in rows.Select(r => r.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(kind);
            }

            json.WriteEndArray();
            json.WriteStartObject("kind_keys");
            foreach (var row in rows.DistinctBy(r => r.Kind))
            {
                json.WriteString(row.Kind, row.Key);
            }

            json.WriteEndObject();
            json.WriteStartArray("rows");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("park", row.Park);
                json.WriteString("kind", row.Kind);
                json.WriteNumber("ha", Math.Round(row.Ha, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (layers.FirstOrDefault(l => l.IsResult && l.Name == "idle") is { } idle)
        {
            json.WriteStartArray("idle");
            foreach (var cause in idle.Features
                .GroupBy(f => KindLabel(f, "status", "status_zh"))
                .OrderByDescending(g => g.Sum(f => Number(f, "area_ha"))).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("cause", cause.Key);
                json.WriteNumber("parcels", cause.Count());
                json.WriteNumber("ha", Math.Round(cause.Sum(f => Number(f, "area_ha")), 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        else if (!figures.Missing.ContainsKey("idle"))
        {
            json.WriteString("idle_missing", Localized.Get("ReportIdleMissing"));
        }
    }

    /// <summary>The kind codes of the result layers (<c>kind</c>, an idle parcel's <c>status</c>) and their names in the run's language.</summary>
    private static IEnumerable<(string Code, string Label)> KindLabels() =>
    [
        .. ConflictKinds.All.Select(k => (ConflictKinds.Name(k), ConflictKinds.Label(k))),
        .. IdleStatuses.All.Select(s => (IdleStatuses.Name(s), IdleStatuses.Title(s))),
        ("unsupplied", Localized.Get("ReportUiUnsupplied")),
        ("unapproved_supply", Localized.Get("ReportUiUnapprovedSupply")),
        ("unserved", Localized.Get("ReportUiUnserved")),
    ];

    /// <summary>The city (市) holding most parks (by a point inside each), for the sheet's title; empty when none.</summary>
    private static string TitleCity(IReadOnlyList<PublishedFeature> districts, PublishedLayer? parks)
    {
        if (parks is null || districts.Count == 0)
        {
            return string.Empty;
        }

        return parks.Features
            .Select(p => p.Geometry.InteriorPoint)
            .Select(point => districts.FirstOrDefault(d => d.Geometry.Covers(point)))
            .Where(d => d is not null)
            .Select(d => Text(d!, "市") ?? string.Empty)
            .GroupBy(city => city, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? string.Empty;
    }

    /// <summary>A result feature's kind in the run's language: the label of its code, else its Chinese name, else the code.</summary>
    private static string KindLabel(PublishedFeature feature, string codeKey, string chineseKey)
    {
        var code = Text(feature, codeKey);
        var label = code is null ? null : KindLabels().FirstOrDefault(k => k.Code == code).Label;
        return label ?? Text(feature, chineseKey) ?? code ?? string.Empty;
    }

    private static string? Text(PublishedFeature feature, string key) =>
        PublishedLayers.Text(feature.Properties.FirstOrDefault(p => p.Key == key).Value) is { Length: > 0 } text ? text : null;

    private static double Number(PublishedFeature feature, string key) =>
        feature.Properties.FirstOrDefault(p => p.Key == key).Value is double value && double.IsFinite(value) ? value : 0;

    private static string Table(FindingsTable table)
    {
        var html = new StringBuilder();
        html.Append("<section><h2>").Append(Encode(table.Title)).Append("</h2>\n");
        if (table.Rows.Count == 0)
        {
            html.Append("<p class=\"note\">").Append(Encode(Localized.Get("ReportNone"))).Append("</p></section>\n");
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
