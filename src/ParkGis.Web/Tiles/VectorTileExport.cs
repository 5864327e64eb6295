using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using ParkGis.Core.WebFrames;
using ParkGis.Web.Export;

namespace ParkGis.Web.Tiles;

/// <summary>
/// Writes Mapbox vector tiles (矢量瓦片) z8–z16 as <c>tiles/{z}/{x}/{y}.mvt</c> (XYZ scheme, extent 4096) with a
/// TileJSON 3.0 <c>tiles.json</c>, one tile layer per published layer. Zoom levels are built one at a time so memory
/// holds one level's tile index, not nine. A feature is put into a zoom level only when its envelope spans at least
/// one 256-px screen pixel there (sub-pixel parcels are left out of the low zooms); tiles with no feature are not
/// written.
/// </summary>
public static class VectorTileExport
{
    /// <summary>Lowest zoom written (a whole city).</summary>
    public const int MinZoom = 8;

    /// <summary>Highest zoom written (single parcels).</summary>
    public const int MaxZoom = 16;

    private const uint Extent = 4096;

    /// <summary>Writes the tiles of <paramref name="layers"/> (lon/lat in <paramref name="frame"/>) under <paramref name="folder"/>.</summary>
    public static TileSummary Write(IReadOnlyList<PublishedLayer> layers, string folder, WebMapFrame frame, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var clock = Stopwatch.StartNew();
        var tileFeatures = layers.Select(l => (l.Name, Features: l.Features.Select(ToTileFeature).ToList())).ToList();
        long count = 0;
        long bytes = 0;
        var perZoom = new List<long>();
        for (var zoom = MinZoom; zoom <= MaxZoom; zoom++)
        {
            var pixelDegrees = 360.0 / (256.0 * Math.Pow(2, zoom));
            var tree = new VectorTileTree();
            foreach (var (name, features) in tileFeatures)
            {
                foreach (var feature in features)
                {
                    var envelope = feature.Geometry.EnvelopeInternal;
                    if (Math.Max(envelope.Width, envelope.Height) >= pixelDegrees)
                    {
                        tree.Add(feature, zoom, name);
                    }
                }
            }

            long zoomCount = 0;
            foreach (var id in tree.GetTileIds().Order())
            {
                var tile = tree[id];
                if (tile.IsEmpty)
                {
                    continue;
                }

                var position = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(id);
                var directory = Path.Combine(folder, position.Zoom.ToString(CultureInfo.InvariantCulture), position.X.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, position.Y.ToString(CultureInfo.InvariantCulture) + ".mvt");
                using (var stream = File.Create(path))
                {
                    tile.Write(stream, minLinealExtent: 0, minPolygonalExtent: 0, extent: Extent, idAttributeName: MapboxTileWriter.DefaultIdAttributeName);
                    bytes += stream.Length;
                }

                zoomCount++;
            }

            perZoom.Add(zoomCount);
            count += zoomCount;
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"tiles z{zoom}: {zoomCount}"));
        }

        WriteTileJson(Path.Combine(folder, "tiles.json"), layers, frame);
        return new TileSummary(MinZoom, MaxZoom, count, bytes, perZoom, clock.Elapsed);
    }

    private static IFeature ToTileFeature(PublishedFeature feature)
    {
        var attributes = new AttributesTable();
        foreach (var (key, value) in feature.Properties)
        {
            object? tileValue = value switch
            {
                null => null,
                string or bool or double or float or int or long => value,
                decimal number => (double)number,
                short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                _ => PublishedLayers.Text(value),
            };
            if (tileValue is not null && !attributes.Exists(key))
            {
                attributes.Add(key, tileValue);
            }
        }

        return new NetTopologySuite.Features.Feature(feature.Geometry, attributes);
    }

    private static void WriteTileJson(string path, IReadOnlyList<PublishedLayer> layers, WebMapFrame frame)
    {
        var bounds = new Envelope();
        foreach (var feature in layers.SelectMany(l => l.Features))
        {
            bounds.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tilejson", "3.0.0");
        json.WriteString("name", "ParkGis");
        json.WriteString("scheme", "xyz");
        json.WriteStartArray("tiles");
        json.WriteStringValue("{z}/{x}/{y}.mvt");
        json.WriteEndArray();
        json.WriteNumber("minzoom", MinZoom);
        json.WriteNumber("maxzoom", MaxZoom);
        json.WriteString(WebMapFrames.MemberName, WebMapFrames.DisplayName(frame));
        if (!bounds.IsNull)
        {
            json.WriteStartArray("bounds");
            json.WriteNumberValue(Math.Round(bounds.MinX, 6));
            json.WriteNumberValue(Math.Round(bounds.MinY, 6));
            json.WriteNumberValue(Math.Round(bounds.MaxX, 6));
            json.WriteNumberValue(Math.Round(bounds.MaxY, 6));
            json.WriteEndArray();
        }

        json.WriteStartArray("vector_layers");
        foreach (var layer in layers)
        {
            json.WriteStartObject();
            json.WriteString("id", layer.Name);
            json.WriteString("description", layer.Title);
            json.WriteNumber("minzoom", MinZoom);
            json.WriteNumber("maxzoom", MaxZoom);
            json.WriteStartObject("fields");
            foreach (var key in layer.Features.SelectMany(f => f.Properties.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                json.WriteString(key, "String|Number|Boolean");
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
