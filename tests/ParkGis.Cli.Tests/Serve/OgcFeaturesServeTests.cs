using System.Net;
using System.Text.Json;

namespace ParkGis.Cli.Tests.Serve;

/// <summary>
/// <c>parkgis serve</c> as an OGC API – Features Part 1 server (Core, GeoJSON): each document checked against the
/// members the standard requires (landing page: links self/service-desc/conformance/data; conformance: conformsTo;
/// collections: links and collections with id, links rel=items, extent in CRS84; items: a GeoJSON FeatureCollection
/// with numberMatched, numberReturned and next links; an item: a Feature with id and links).
/// </summary>
public sealed class OgcFeaturesServeTests(ServedSample served) : IClassFixture<ServedSample>
{
    private const string Core = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    private const string GeoJsonClass = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";

    [Fact]
    public async Task Landing_page_links_itself_the_api_description_the_conformance_and_the_collections()
    {
        using var landing = await Json("/", "application/json");
        var links = Links(landing.RootElement);
        foreach (var rel in new[] { "self", "service-desc", "conformance", "data" })
        {
            Assert.True(links.ContainsKey(rel), $"landing page has no link rel={rel}: {landing.RootElement}");
        }

        Assert.EndsWith("/conformance", links["conformance"], StringComparison.Ordinal);
        Assert.EndsWith("/collections", links["data"], StringComparison.Ordinal);
        Assert.StartsWith(served.Server.Address.ToString().TrimEnd('/'), links["self"], StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, landing.RootElement.GetProperty("title").ValueKind);
    }

    [Fact]
    public async Task Landing_page_asked_for_by_a_browser_is_html_with_a_policy_that_allows_nothing_but_this_server()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await served.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("/collections/parks/items", page, StringComparison.Ordinal);
        Assert.Contains("园区", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_and_openapi()
    {
        using var conformance = await Json("/conformance", "application/json");
        var classes = conformance.RootElement.GetProperty("conformsTo").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(Core, classes);
        Assert.Contains(GeoJsonClass, classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
    }

    [Fact]
    public async Task Api_is_a_valid_openapi_3_document_naming_every_path_of_the_core()
    {
        using var response = await served.Http.GetAsync("/api");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType?.MediaType);
        using var api = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("3.0", api.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, api.RootElement.GetProperty("info").GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.String, api.RootElement.GetProperty("info").GetProperty("version").ValueKind);
        var paths = api.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/", "/conformance", "/collections", "/collections/{collectionId}", "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}"], paths);
        foreach (var path in api.RootElement.GetProperty("paths").EnumerateObject())
        {
            Assert.True(path.Value.GetProperty("get").GetProperty("responses").TryGetProperty("200", out _), $"{path.Name} has no 200 response");
        }
    }

    [Fact]
    public async Task Collections_list_every_published_layer_with_an_items_link_and_its_extent_in_crs84()
    {
        using var collections = await Json("/collections", "application/json");
        Assert.True(Links(collections.RootElement).ContainsKey("self"));
        var files = Directory.GetFiles(served.Folder, "*.geojson").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var listed = collections.RootElement.GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(files, listed.Select(c => c.GetProperty("id").GetString()).ToList());
        foreach (var collection in listed)
        {
            var id = collection.GetProperty("id").GetString()!;
            var links = Links(collection);
            Assert.True(links.TryGetValue("items", out var items), $"{id} has no items link");
            Assert.EndsWith($"/collections/{id}/items", items, StringComparison.Ordinal);
            var bbox = collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(4, bbox.Length);
            Assert.True(bbox[0] >= 106 && bbox[2] <= 112 && bbox[1] >= 37 && bbox[3] <= 41 && bbox[0] <= bbox[2] && bbox[1] <= bbox[3], $"{id}: extent {string.Join(",", bbox)} is not the sample's lon/lat");
            Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", collection.GetProperty("extent").GetProperty("spatial").GetProperty("crs").GetString());
            Assert.False(string.IsNullOrEmpty(collection.GetProperty("title").GetString()));
        }

        Assert.Equal("园区", listed.Single(c => c.GetProperty("id").GetString() == "parks").GetProperty("title").GetString());
        using var one = await Json("/collections/parks", "application/json");
        Assert.Equal("parks", one.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Items_are_a_geojson_feature_collection_with_number_matched_number_returned_and_a_next_link()
    {
        using var page = await Json("/collections/parcels/items?limit=5", "application/geo+json");
        var root = page.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(FeatureCount("parcels"), root.GetProperty("numberMatched").GetInt32());
        Assert.Equal(5, root.GetProperty("numberReturned").GetInt32());
        Assert.Equal(5, root.GetProperty("features").GetArrayLength());
        foreach (var feature in root.GetProperty("features").EnumerateArray())
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Number, feature.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.Object, feature.GetProperty("geometry").ValueKind);
            Assert.Equal(JsonValueKind.Object, feature.GetProperty("properties").ValueKind);
        }

        var links = Links(root);
        Assert.True(links.ContainsKey("self") && links.ContainsKey("next"), root.GetProperty("links").ToString());
        Assert.False(links.ContainsKey("prev"), "the first page has a prev link");
    }

    [Fact]
    public async Task Paging_as_qgis_does_follows_next_links_to_the_end_and_returns_every_feature_once_in_file_order()
    {
        var expected = FeatureCount("parcels");
        var ids = new List<int>();
        string? next = "/collections/parcels/items?limit=37";
        var pages = 0;
        while (next is not null)
        {
            using var page = await Json(next, "application/geo+json");
            ids.AddRange(page.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
            Assert.Equal(expected, page.RootElement.GetProperty("numberMatched").GetInt32());
            var links = Links(page.RootElement);
            Assert.Equal(pages > 0, links.ContainsKey("prev"));
            next = links.GetValueOrDefault("next");
            Assert.True(++pages <= expected / 37 + 2, "the next links do not end");
        }

        Assert.Equal(Enumerable.Range(1, expected), ids);
        Assert.Equal((expected + 36) / 37, pages);
    }

    [Fact]
    public async Task Bbox_returns_exactly_the_features_whose_bounding_box_meets_it_and_its_next_links_keep_the_filter()
    {
        const string box = "109.5,39.2,110.2,39.9";
        double[] query = [109.5, 39.2, 110.2, 39.9];
        var expected = ParcelBoxes().Where(b => b.Box[0] <= query[2] && query[0] <= b.Box[2] && b.Box[1] <= query[3] && query[1] <= b.Box[3]).Select(b => b.Id).ToList();
        Assert.True(expected.Count > 10 && expected.Count < FeatureCount("parcels"), $"the box should hold some parcels, not all: {expected.Count}");
        var ids = new List<int>();
        string? next = $"/collections/parcels/items?limit=10&bbox={box}";
        while (next is not null)
        {
            using var page = await Json(next, "application/geo+json");
            Assert.Equal(expected.Count, page.RootElement.GetProperty("numberMatched").GetInt32());
            ids.AddRange(page.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
            next = Links(page.RootElement).GetValueOrDefault("next");
            Assert.True(next is null || next.Contains("bbox=109.5%2C39.2%2C110.2%2C39.9", StringComparison.Ordinal), next);
        }

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task One_item_is_the_feature_at_that_position_with_self_and_collection_links()
    {
        using var page = await Json("/collections/parks/items?offset=2&limit=1", "application/geo+json");
        var third = page.RootElement.GetProperty("features")[0];
        Assert.Equal(3, third.GetProperty("id").GetInt32());
        using var item = await Json("/collections/parks/items/3", "application/geo+json");
        Assert.Equal("Feature", item.RootElement.GetProperty("type").GetString());
        Assert.Equal(3, item.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(third.GetProperty("properties").GetRawText(), item.RootElement.GetProperty("properties").GetRawText());
        var links = Links(item.RootElement);
        Assert.EndsWith("/collections/parks/items/3", links["self"], StringComparison.Ordinal);
        Assert.EndsWith("/collections/parks", links["collection"], StringComparison.Ordinal);
        foreach (var missing in new[] { "/collections/parks/items/0", "/collections/parks/items/9", "/collections/parks/items/abc", "/collections/nope/items", "/collections/nope" })
        {
            using var response = await served.Http.GetAsync(missing);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{missing}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("limit=0", "limit 0")]
    [InlineData("limit=-3", "a negative limit")]
    [InlineData("limit=ten", "a limit that is not a number")]
    [InlineData("offset=-1", "a negative offset")]
    [InlineData("bbox=1,2,3", "three numbers")]
    [InlineData("bbox=109,40,110,39", "south above north")]
    [InlineData("bbox=a,b,c,d", "words")]
    [InlineData("bbox-crs=EPSG:4326", "another bbox-crs")]
    [InlineData("colour=red", "a parameter the API does not define")]
    [InlineData("limit=5&limit=6", "a parameter given twice")]
    public async Task Items_with_a_bad_parameter_are_400_with_an_exception_document(string query, string reason)
    {
        using var response = await served.Http.GetAsync("/collections/parks/items?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{reason}: {response.StatusCode}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task A_limit_above_the_maximum_is_the_maximum_not_an_error()
    {
        using var page = await Json("/collections/parcels/items?limit=99999999999999", "application/geo+json");
        Assert.Equal(Math.Min(FeatureCount("parcels"), 10_000), page.RootElement.GetProperty("numberReturned").GetInt32());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task The_server_is_read_only_and_refuses_writing_methods_with_405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/collections/parks/items") { Content = new StringContent("{}") };
        using var response = await served.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(FeatureCount("parks"), JsonDocument.Parse(await served.Http.GetStringAsync("/collections/parks/items")).RootElement.GetProperty("numberMatched").GetInt32());
    }

    private async Task<JsonDocument> Json(string path, string mediaType)
    {
        using var response = await served.Http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    private static Dictionary<string, string> Links(JsonElement document)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in document.GetProperty("links").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, link.GetProperty("href").ValueKind);
            links.TryAdd(link.GetProperty("rel").GetString()!, link.GetProperty("href").GetString()!);
        }

        return links;
    }

    private int FeatureCount(string layer)
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(served.Folder, layer + ".geojson")));
        return file.RootElement.GetProperty("features").GetArrayLength();
    }

    private List<(int Id, double[] Box)> ParcelBoxes()
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(served.Folder, "parcels.geojson")));
        var boxes = new List<(int, double[])>();
        var id = 0;
        foreach (var feature in file.RootElement.GetProperty("features").EnumerateArray())
        {
            id++;
            double[] box = [double.MaxValue, double.MaxValue, double.MinValue, double.MinValue];
            Extend(feature.GetProperty("geometry").GetProperty("coordinates"), box);
            boxes.Add((id, box));
        }

        return boxes;
    }

    private static void Extend(JsonElement coordinates, double[] box)
    {
        if (coordinates[0].ValueKind == JsonValueKind.Number)
        {
            box[0] = Math.Min(box[0], coordinates[0].GetDouble());
            box[1] = Math.Min(box[1], coordinates[1].GetDouble());
            box[2] = Math.Max(box[2], coordinates[0].GetDouble());
            box[3] = Math.Max(box[3], coordinates[1].GetDouble());
            return;
        }

        foreach (var child in coordinates.EnumerateArray())
        {
            Extend(child, box);
        }
    }
}
