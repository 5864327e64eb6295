using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParkGis.Serve;

/// <summary>
/// The JSON documents of OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) for a <see cref="ServedContent"/>:
/// landing page, conformance, collections, one collection, items and one item, and a minimal OpenAPI description.
/// Links are absolute, built from the request's base URL.
/// </summary>
public static class OgcFeaturesDocuments
{
    /// <summary>Media type of GeoJSON.</summary>
    public const string GeoJson = "application/geo+json";

    /// <summary>Media type of JSON.</summary>
    public const string Json = "application/json";

    /// <summary>Media type of the OpenAPI 3.0 document.</summary>
    public const string OpenApi = "application/vnd.oai.openapi+json;version=3.0";

    /// <summary>The conformance classes the server implements.</summary>
    public static IReadOnlyList<string> ConformanceClasses { get; } =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ];

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The landing page (<c>/</c>).</summary>
    public static byte[] Landing(ServedContent content, string baseUrl) => Write(json =>
    {
        ArgumentNullException.ThrowIfNull(content);
        json.WriteString("title", "ParkGis 园区数据服务");
        json.WriteString("description", "园区、三区三线与分析结果：OGC API – Features 要素服务与矢量瓦片（只读）");
        json.WriteStartArray("links");
        Link(json, baseUrl + "/?f=json", "self", Json, "本页");
        Link(json, baseUrl + "/?f=html", "alternate", "text/html", "本页（网页）");
        Link(json, baseUrl + "/api", "service-desc", OpenApi, "API 说明（OpenAPI 3.0）");
        Link(json, baseUrl + "/conformance", "conformance", Json, "符合的标准类别");
        Link(json, baseUrl + "/collections", "data", Json, "要素集合");
        if (content.Tiles is not null)
        {
            Link(json, baseUrl + "/tiles.json", "describedby", Json, "矢量瓦片（TileJSON）");
        }

        if (content.ReportFile is not null)
        {
            Link(json, baseUrl + "/report", "related", "text/html", "分析报告");
        }

        Link(json, baseUrl + "/map", "related", "text/html", "地图");
        json.WriteEndArray();
    });

    /// <summary>The conformance declaration (<c>/conformance</c>).</summary>
    public static byte[] Conformance() => Write(json =>
    {
        json.WriteStartArray("conformsTo");
        foreach (var uri in ConformanceClasses)
        {
            json.WriteStringValue(uri);
        }

        json.WriteEndArray();
    });

    /// <summary>The collections (<c>/collections</c>).</summary>
    public static byte[] Collections(ServedContent content, string baseUrl) => Write(json =>
    {
        ArgumentNullException.ThrowIfNull(content);
        json.WriteStartArray("links");
        Link(json, baseUrl + "/collections", "self", Json, "要素集合");
        json.WriteEndArray();
        json.WriteStartArray("collections");
        foreach (var collection in content.Collections)
        {
            json.WriteStartObject();
            CollectionMembers(json, content, collection, baseUrl);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>One collection (<c>/collections/{id}</c>).</summary>
    public static byte[] Collection(ServedContent content, FeatureCollectionLayer collection, string baseUrl) =>
        Write(json => CollectionMembers(json, content, collection, baseUrl));

    /// <summary>A page of features (<c>/collections/{id}/items</c>) with numberMatched, numberReturned and next/prev links.</summary>
    public static byte[] Items(FeatureCollectionLayer collection, ItemsQuery query, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(query);
        var matched = query.Bbox is null ? collection.Features : collection.Features.Where(f => query.Matches(f.Box)).ToList();
        var page = matched.Skip(query.Offset).Take(query.Limit).ToList();
        var items = $"{baseUrl}/collections/{collection.Id}/items";
        string PageUrl(int offset) => string.Create(CultureInfo.InvariantCulture, $"{items}?limit={query.Limit}&offset={offset}")
            + (query.RawBbox is null ? string.Empty : "&bbox=" + Uri.EscapeDataString(query.RawBbox));
        return Write(json =>
        {
            json.WriteString("type", "FeatureCollection");
            json.WriteNumber("numberMatched", matched.Count);
            json.WriteNumber("numberReturned", page.Count);
            json.WriteStartArray("links");
            Link(json, PageUrl(query.Offset), "self", GeoJson, "本页");
            Link(json, $"{baseUrl}/collections/{collection.Id}", "collection", Json, "要素集合");
            if ((long)query.Offset + page.Count < matched.Count)
            {
                Link(json, PageUrl(query.Offset + page.Count), "next", GeoJson, "下一页");
            }

            if (query.Offset > 0)
            {
                Link(json, PageUrl(Math.Max(0, query.Offset - query.Limit)), "prev", GeoJson, "上一页");
            }

            json.WriteEndArray();
            json.WriteStartArray("features");
            foreach (var feature in page)
            {
                json.WriteRawValue(feature.Json, skipInputValidation: true);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>One feature (<c>/collections/{id}/items/{featureId}</c>) with self and collection links.</summary>
    public static byte[] Item(FeatureCollectionLayer collection, ServedFeature feature, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(feature);
        using var parsed = JsonDocument.Parse(feature.Json);
        return Write(json =>
        {
            foreach (var member in parsed.RootElement.EnumerateObject())
            {
                member.WriteTo(json);
            }

            json.WriteStartArray("links");
            Link(json, string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/collections/{collection.Id}/items/{feature.Id}"), "self", GeoJson, "本要素");
            Link(json, $"{baseUrl}/collections/{collection.Id}", "collection", Json, "要素集合");
            json.WriteEndArray();
        });
    }

    /// <summary>An exception document (<c>{"code","description"}</c>) for 4xx answers.</summary>
    public static byte[] Exception(string code, string description) => Write(json =>
    {
        json.WriteString("code", code);
        json.WriteString("description", description);
    });

    /// <summary>A minimal OpenAPI 3.0 description of the paths (<c>/api</c>).</summary>
    public static byte[] Api(ServedContent content, string baseUrl) => Write(json =>
    {
        ArgumentNullException.ThrowIfNull(content);
        json.WriteString("openapi", "3.0.3");
        json.WriteStartObject("info");
        json.WriteString("title", "ParkGis 园区数据服务");
        json.WriteString("version", "1.0.0");
        json.WriteString("description", "OGC API – Features Part 1 (Core, GeoJSON)，只读");
        json.WriteEndObject();
        json.WriteStartArray("servers");
        json.WriteStartObject();
        json.WriteString("url", baseUrl + "/");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("paths");
        Path(json, "/", "landingPage", "着陆页", Json, []);
        Path(json, "/conformance", "getConformanceDeclaration", "符合的标准类别", Json, []);
        Path(json, "/collections", "getCollections", "要素集合", Json, []);
        Path(json, "/collections/{collectionId}", "describeCollection", "一个要素集合", Json, ["collectionId"]);
        Path(json, "/collections/{collectionId}/items", "getFeatures", "要素（分页）", GeoJson, ["collectionId"], items: true);
        Path(json, "/collections/{collectionId}/items/{featureId}", "getFeature", "一个要素", GeoJson, ["collectionId", "featureId"]);
        json.WriteEndObject();
    });

    private static void Path(Utf8JsonWriter json, string path, string operationId, string summary, string mediaType, string[] pathParameters, bool items = false)
    {
        json.WriteStartObject(path);
        json.WriteStartObject("get");
        json.WriteString("operationId", operationId);
        json.WriteString("summary", summary);
        json.WriteStartArray("parameters");
        foreach (var name in pathParameters)
        {
            Parameter(json, name, "path", "string", required: true);
        }

        if (items)
        {
            Parameter(json, "limit", "query", "integer", required: false, minimum: 1, maximum: ItemsQuery.MaxLimit, defaultValue: ItemsQuery.DefaultLimit);
            Parameter(json, "offset", "query", "integer", required: false, minimum: 0, defaultValue: 0);
            Parameter(json, "bbox", "query", "array", required: false);
            Parameter(json, "bbox-crs", "query", "string", required: false);
            Parameter(json, "datetime", "query", "string", required: false);
        }

        json.WriteEndArray();
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", summary);
        json.WriteStartObject("content");
        json.WriteStartObject(mediaType);
        json.WriteStartObject("schema");
        json.WriteString("type", "object");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("400");
        json.WriteString("description", "请求参数错误");
        json.WriteEndObject();
        json.WriteStartObject("404");
        json.WriteString("description", "没有这个资源");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Parameter(Utf8JsonWriter json, string name, string location, string type, bool required, int? minimum = null, int? maximum = null, int? defaultValue = null)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("in", location);
        json.WriteBoolean("required", required);
        if (type == "array")
        {
            json.WriteString("style", "form");
            json.WriteBoolean("explode", false);
        }

        json.WriteStartObject("schema");
        json.WriteString("type", type);
        if (type == "array")
        {
            json.WriteNumber("minItems", 4);
            json.WriteNumber("maxItems", 6);
            json.WriteStartObject("items");
            json.WriteString("type", "number");
            json.WriteEndObject();
        }

        if (minimum is { } min)
        {
            json.WriteNumber("minimum", min);
        }

        if (maximum is { } max)
        {
            json.WriteNumber("maximum", max);
        }

        if (defaultValue is { } d)
        {
            json.WriteNumber("default", d);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void CollectionMembers(Utf8JsonWriter json, ServedContent content, FeatureCollectionLayer collection, string baseUrl)
    {
        json.WriteString("id", collection.Id);
        json.WriteString("title", content.Titles.GetValueOrDefault(collection.Id, collection.Id));
        json.WriteString("description", string.Create(CultureInfo.InvariantCulture, $"{content.Titles.GetValueOrDefault(collection.Id, collection.Id)}（{collection.Features.Count} 个要素，WGS84 经纬度）"));
        json.WriteString("itemType", "feature");
        json.WriteStartArray("crs");
        json.WriteStringValue(ItemsQuery.Crs84);
        json.WriteEndArray();
        json.WriteStartObject("extent");
        json.WriteStartObject("spatial");
        json.WriteStartArray("bbox");
        json.WriteStartArray();
        var box = collection.Extent ?? new BoundingBox(-180, -90, 180, 90);
        json.WriteNumberValue(box.MinX);
        json.WriteNumberValue(box.MinY);
        json.WriteNumberValue(box.MaxX);
        json.WriteNumberValue(box.MaxY);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteString("crs", ItemsQuery.Crs84);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("links");
        Link(json, $"{baseUrl}/collections/{collection.Id}", "self", Json, "本集合");
        Link(json, $"{baseUrl}/collections/{collection.Id}/items", "items", GeoJson, "要素");
        json.WriteEndArray();
    }

    private static void Link(Utf8JsonWriter json, string href, string rel, string type, string title)
    {
        json.WriteStartObject();
        json.WriteString("href", href);
        json.WriteString("rel", rel);
        json.WriteString("type", type);
        json.WriteString("title", title);
        json.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory.ToArray();
    }
}
