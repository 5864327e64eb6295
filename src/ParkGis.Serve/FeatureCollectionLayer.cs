using System.Text.Encodings.Web;
using System.Text.Json;
using ParkGis.Web.Localization;

namespace ParkGis.Serve;

/// <summary>
/// One published GeoJSON file served as an OGC API – Features collection (要素集合): its features kept as the JSON
/// they were written with, each given its position in the file (from 1, as in the vector tiles) as <c>id</c>, and
/// its bounding box for the <c>bbox</c> filter.
/// </summary>
public sealed class FeatureCollectionLayer
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private FeatureCollectionLayer(string id, string? frame, IReadOnlyList<ServedFeature> features)
    {
        Id = id;
        CoordinateFrame = frame;
        Features = features;
        var boxes = features.Where(f => f.Box is not null).Select(f => f.Box!.Value).ToList();
        Extent = boxes.Count == 0
            ? null
            : new BoundingBox(boxes.Min(b => b.MinX), boxes.Min(b => b.MinY), boxes.Max(b => b.MaxX), boxes.Max(b => b.MaxY));
    }

    /// <summary>The collection id: the file name without <c>.geojson</c>.</summary>
    public string Id { get; }

    /// <summary>The file's <c>coordinate_frame</c> member (WGS84, GCJ-02, BD-09), null when it has none.</summary>
    public string? CoordinateFrame { get; }

    /// <summary>The features in file order.</summary>
    public IReadOnlyList<ServedFeature> Features { get; }

    /// <summary>The extent of every feature, null when none has a geometry.</summary>
    public BoundingBox? Extent { get; }

    /// <summary>Reads a FeatureCollection file.</summary>
    /// <exception cref="InvalidDataException">It is not a GeoJSON FeatureCollection.</exception>
    public static FeatureCollectionLayer Read(string id, Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(Localized.Format("ServeGeoJsonNotJson", id, e.Message), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException(Localized.Format("ServeNotFeatureCollection", id));
            }

            var frame = root.TryGetProperty("coordinate_frame", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            var features = new List<ServedFeature>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException(Localized.Format("ServeFeatureNotObject", id, features.Count + 1));
                }

                features.Add(Feature(item, features.Count + 1));
            }

            return new FeatureCollectionLayer(id, frame, features);
        }
    }

    private static ServedFeature Feature(JsonElement item, int position)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", position);
            json.WritePropertyName("geometry");
            if (item.TryGetProperty("geometry", out var geometry))
            {
                geometry.WriteTo(json);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("properties");
            if (item.TryGetProperty("properties", out var properties) && properties.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            {
                properties.WriteTo(json);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        return new ServedFeature(position, buffer.WrittenMemory.ToArray(), BoxOf(item));
    }

    private static BoundingBox? BoxOf(JsonElement feature)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var box = new BoxBuilder();
        box.Add(geometry);
        return box.Result;
    }

    private sealed class BoxBuilder
    {
        private double _minX = double.PositiveInfinity, _minY = double.PositiveInfinity, _maxX = double.NegativeInfinity, _maxY = double.NegativeInfinity;

        public BoundingBox? Result => double.IsFinite(_minX) ? new BoundingBox(_minX, _minY, _maxX, _maxY) : null;

        public void Add(JsonElement geometry)
        {
            if (geometry.TryGetProperty("geometries", out var parts) && parts.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in parts.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
                {
                    Add(part);
                }
            }

            if (geometry.TryGetProperty("coordinates", out var coordinates))
            {
                AddPositions(coordinates);
            }
        }

        private void AddPositions(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            if (value.GetArrayLength() >= 2 && value[0].ValueKind == JsonValueKind.Number)
            {
                if (value[0].TryGetDouble(out var x) && value[1].TryGetDouble(out var y) && double.IsFinite(x) && double.IsFinite(y))
                {
                    _minX = Math.Min(_minX, x);
                    _minY = Math.Min(_minY, y);
                    _maxX = Math.Max(_maxX, x);
                    _maxY = Math.Max(_maxY, y);
                }

                return;
            }

            foreach (var child in value.EnumerateArray())
            {
                AddPositions(child);
            }
        }
    }
}
