using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace ParkGis.Serve;

/// <summary>
/// The read-only HTTP server of <c>parkgis serve</c> (Kestrel): OGC API – Features over the folder's GeoJSON layers,
/// XYZ vector tiles from its archive (<c>/tiles/{z}/{x}/{y}.pbf</c>, stored bytes sent as they are, gzip announced
/// by Content-Encoding — or unpacked for a client that does not accept gzip), <c>/tiles.json</c>, a MapLibre map
/// page (<c>/map</c>) with MapLibre served from the tool itself, the report (<c>/report</c>) and the folder's other
/// files under <c>/files/</c> through <see cref="ServedFolder"/> (with byte ranges). Only GET and HEAD; every HTML page carries a
/// Content-Security-Policy that allows no request beyond this server.
/// </summary>
public sealed class ParkGisServer : IAsyncDisposable
{
    /// <summary>The Content-Security-Policy of every HTML page: nothing from anywhere but this server (MapLibre's worker runs from a blob).</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "worker-src 'self' blob:; child-src blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

    private const string VectorTile = "application/vnd.mapbox-vector-tile";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private readonly WebApplication _app;

    private ParkGisServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the server listens on (the real port when 0 was asked for), ending in <c>/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="content"/> on <paramref name="host"/>:<paramref name="port"/> (0: a free port).</summary>
    /// <exception cref="IOException">The address cannot be bound (port in use, not an address of this machine).</exception>
    public static async Task<ParkGisServer> StartAsync(ServedContent content, IPAddress host, int port, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(host);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Listen(host, port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(); // no provider: nothing is logged, but results that log find a factory
        var app = builder.Build();
        app.Use(ReadOnlyAndHeaders);
        Map(app, content);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new IOException("Kestrel did not report the address it listens on.");
        return new ParkGisServer(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <summary>Stops accepting requests and lets running ones finish within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        using var timeout = new CancellationTokenSource(grace);
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task ReadOnlyAndHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await Problem(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "只读服务：只接受 GET 和 HEAD 请求").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static void Map(WebApplication app, ServedContent content)
    {
        app.MapMethods("/", GetAndHead, context =>
        {
            var format = context.Request.Query["f"].ToString();
            var html = format == "html" || (format.Length == 0 && PrefersHtml(context.Request));
            if (format.Length > 0 && format is not ("json" or "html"))
            {
                return Problem(context, 400, "InvalidParameterValue", "f 只能是 json 或 html");
            }

            return html
                ? Html(context, LandingHtml(content))
                : Send(context, OgcFeaturesDocuments.Json, OgcFeaturesDocuments.Landing(content, BaseUrl(context)));
        });
        app.MapMethods("/api", GetAndHead, context => Send(context, OgcFeaturesDocuments.OpenApi, OgcFeaturesDocuments.Api(content, BaseUrl(context))));
        app.MapMethods("/conformance", GetAndHead, context => Send(context, OgcFeaturesDocuments.Json, OgcFeaturesDocuments.Conformance()));
        app.MapMethods("/collections", GetAndHead, context => Send(context, OgcFeaturesDocuments.Json, OgcFeaturesDocuments.Collections(content, BaseUrl(context))));
        app.MapMethods("/collections/{id}", GetAndHead, context => content.Collection(RouteValue(context, "id")) is { } collection
            ? Send(context, OgcFeaturesDocuments.Json, OgcFeaturesDocuments.Collection(content, collection, BaseUrl(context)))
            : NotFound(context, "没有这个要素集合"));
        app.MapMethods("/collections/{id}/items", GetAndHead, context =>
        {
            if (content.Collection(RouteValue(context, "id")) is not { } collection)
            {
                return NotFound(context, "没有这个要素集合");
            }

            return ItemsQuery.Parse(context.Request.Query, out var error) is { } query
                ? Send(context, OgcFeaturesDocuments.GeoJson, OgcFeaturesDocuments.Items(collection, query, BaseUrl(context)))
                : Problem(context, 400, "InvalidParameterValue", error!);
        });
        app.MapMethods("/collections/{id}/items/{featureId}", GetAndHead, context =>
        {
            if (content.Collection(RouteValue(context, "id")) is not { } collection)
            {
                return NotFound(context, "没有这个要素集合");
            }

            return int.TryParse(RouteValue(context, "featureId"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= collection.Features.Count
                ? Send(context, OgcFeaturesDocuments.GeoJson, OgcFeaturesDocuments.Item(collection, collection.Features[n - 1], BaseUrl(context)))
                : NotFound(context, "这个集合里没有这个要素");
        });
        app.MapMethods("/tiles.json", GetAndHead, context => content.Tiles is { } tiles
            ? Send(context, OgcFeaturesDocuments.Json, TileJson(tiles, BaseUrl(context)))
            : NotFound(context, "这个文件夹没有矢量瓦片（tiles.pmtiles 或 tiles.mbtiles）"));
        app.MapMethods("/tiles/{z}/{x}/{file}", GetAndHead, context => Tile(context, content.Tiles, RouteValue(context, "z"), RouteValue(context, "x"), RouteValue(context, "file")));
        app.MapMethods("/map", GetAndHead, context => Html(context, ServeAssets.Text("map.html")));
        app.MapMethods("/assets/{name}", GetAndHead, context => ServeAssets.ContentType(RouteValue(context, "name")) is { } type
            ? Send(context, type, ServeAssets.Bytes(RouteValue(context, "name")), cacheSeconds: 3600)
            : NotFound(context, "没有这个资源"));
        app.MapMethods("/report", GetAndHead, context =>
        {
            if (content.ReportFile is null)
            {
                return NotFound(context, "这个文件夹没有分析报告（report.html 或 index.html）");
            }

            context.Response.Redirect("/files/" + content.ReportFile);
            return Task.CompletedTask;
        });
        app.MapMethods("/favicon.ico", GetAndHead, context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapMethods("/files/{**path}", GetAndHead, context => File(context, content.Folder, context.Request.RouteValues["path"] as string));
        app.MapFallback(context => NotFound(context, "没有这个资源"));
    }

    /// <summary>A route parameter's value (every handler is a <see cref="RequestDelegate"/>: no reflection-bound parameters, so the Native-AOT publish stays trim-clean).</summary>
    private static string RouteValue(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    private static Task Tile(HttpContext context, TileArchive? tiles, string zText, string xText, string file)
    {
        if (tiles is null)
        {
            return NotFound(context, "这个文件夹没有矢量瓦片（tiles.pmtiles 或 tiles.mbtiles）");
        }

        var extension = Path.GetExtension(file);
        if (extension is not (".pbf" or ".mvt")
            || !int.TryParse(zText, NumberStyles.None, CultureInfo.InvariantCulture, out var z)
            || !int.TryParse(xText, NumberStyles.None, CultureInfo.InvariantCulture, out var x)
            || !int.TryParse(file[..^extension.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || z > 30 || x >= 1L << z || y >= 1L << z)
        {
            return NotFound(context, "瓦片地址应为 /tiles/{z}/{x}/{y}.pbf");
        }

        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (tiles.ReadTile(z, x, y) is not var (bytes, gzip))
        {
            // Inside the grid but empty: 204, what tile servers answer so that viewers draw nothing and log no error.
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        if (gzip && AcceptsGzip(context.Request))
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }
        else if (gzip)
        {
            bytes = Gunzip(bytes);
        }

        return Send(context, VectorTile, bytes, cacheSeconds: 3600);
    }

    private static async Task File(HttpContext context, ServedFolder folder, string? path)
    {
        var stream = folder.OpenRequested(path, out var refusal);
        if (stream is null)
        {
            var outside = refusal is not "no such file" and not "a folder";
            await Problem(context, outside ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound,
                outside ? "Forbidden" : "NotFound", outside ? "请求的路径不在发布文件夹内，已拒绝" : "没有这个文件").ConfigureAwait(false);
            return;
        }

        var type = ContentTypeOf(path!);
        if (type.StartsWith("text/html", StringComparison.Ordinal))
        {
            context.Response.Headers.ContentSecurityPolicy = PagePolicy;
        }

        // Range requests too: the pmtiles library reads an archive beside a page by byte ranges. The result disposes the stream.
        await Results.Stream(stream, type, enableRangeProcessing: true).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".geojson" => OgcFeaturesDocuments.GeoJson,
        ".json" => OgcFeaturesDocuments.Json,
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".png" => "image/png",
        ".pdf" => "application/pdf",
        ".mvt" or ".pbf" => VectorTile,
        _ => "application/octet-stream",
    };

    private static byte[] TileJson(TileArchive tiles, string baseUrl)
    {
        var layers = tiles.VectorLayersJson;
        var bounds = string.Join(",", tiles.Bounds.Select(b => b.ToString("R", CultureInfo.InvariantCulture)));
        var center = string.Create(CultureInfo.InvariantCulture, $"{(tiles.Bounds[0] + tiles.Bounds[2]) / 2:R},{(tiles.Bounds[1] + tiles.Bounds[3]) / 2:R},{tiles.MinZoom}");
        var frame = tiles.CoordinateFrame is null ? string.Empty : ",\"coordinate_frame\":" + JsonStringLiteral.Of(tiles.CoordinateFrame);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{{\"tilejson\":\"3.0.0\",\"name\":\"ParkGis\",\"scheme\":\"xyz\",\"format\":\"pbf\",\"tiles\":[{JsonStringLiteral.Of(baseUrl + "/tiles/{z}/{x}/{y}.pbf")}],\"minzoom\":{tiles.MinZoom},\"maxzoom\":{tiles.MaxZoom},\"bounds\":[{bounds}],\"center\":[{center}],\"archive\":{JsonStringLiteral.Of(tiles.FileName)}{frame},\"vector_layers\":{layers}}}");
        return Encoding.UTF8.GetBytes(text);
    }

    private static string LandingHtml(ServedContent content)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>ParkGis 园区数据服务</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}td,th{padding:.2em .8em;text-align:left}</style></head><body>")
            .Append("<h1>ParkGis 园区数据服务</h1><ul>")
            .Append("<li><a href=\"/map\">地图</a>（矢量瓦片，MapLibre）</li>");
        if (content.ReportFile is not null)
        {
            page.Append("<li><a href=\"/report\">分析报告</a></li>");
        }

        page.Append("<li><a href=\"/collections\">要素集合</a>（OGC API – Features，QGIS 可直接添加）</li>")
            .Append("<li><a href=\"/conformance\">符合的标准类别</a> · <a href=\"/api\">API 说明</a></li>");
        if (content.Tiles is { } tiles)
        {
            page.Append("<li><a href=\"/tiles.json\">矢量瓦片 TileJSON</a>（").Append(html.Encode(tiles.FileName)).Append("）</li>");
        }

        page.Append("</ul><table><tr><th>集合</th><th>名称</th><th>要素数</th></tr>");
        foreach (var collection in content.Collections)
        {
            page.Append("<tr><td><a href=\"/collections/").Append(html.Encode(collection.Id)).Append("/items\">").Append(html.Encode(collection.Id)).Append("</a></td><td>")
                .Append(html.Encode(content.Titles.GetValueOrDefault(collection.Id, collection.Id))).Append("</td><td>")
                .Append(collection.Features.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        return page.Append("</table></body></html>").ToString();
    }

    private static bool PrefersHtml(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.ToString().Split(',').Any(e => e.Trim().StartsWith("gzip", StringComparison.OrdinalIgnoreCase) && !e.Contains("q=0", StringComparison.Ordinal));

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    private static Task Html(HttpContext context, string page)
    {
        context.Response.Headers.ContentSecurityPolicy = PagePolicy;
        return Send(context, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));
    }

    private static Task NotFound(HttpContext context, string description) => Problem(context, StatusCodes.Status404NotFound, "NotFound", description);

    private static Task Problem(HttpContext context, int status, string code, string description)
    {
        context.Response.StatusCode = status;
        return Send(context, OgcFeaturesDocuments.Json, OgcFeaturesDocuments.Exception(code, description));
    }

    private static async Task Send(HttpContext context, string contentType, byte[] body, int cacheSeconds = 0)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (cacheSeconds > 0)
        {
            context.Response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={cacheSeconds}");
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
