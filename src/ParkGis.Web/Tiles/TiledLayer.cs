using ParkGis.Web.Export;

namespace ParkGis.Web.Tiles;

/// <summary>
/// A published layer ready to tile: its features in world units and the layer's attribute keys and values, each
/// stored once (a tile keeps the ones its features use, in the order they first occur).
/// </summary>
internal sealed class TiledLayer
{
    private TiledLayer(string name, string title, IReadOnlyList<string> keys, IReadOnlyList<TileValue> values, IReadOnlyList<TiledFeature> features)
    {
        Name = name;
        Title = title;
        Keys = keys;
        Values = values;
        Features = features;
    }

    /// <summary>The MVT layer name (the GeoJSON file name without .geojson).</summary>
    public string Name { get; }

    /// <summary>The Chinese title.</summary>
    public string Title { get; }

    /// <summary>Every attribute key of the layer.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Every distinct attribute value of the layer.</summary>
    public IReadOnlyList<TileValue> Values { get; }

    /// <summary>The features, in the layer's order.</summary>
    public IReadOnlyList<TiledFeature> Features { get; }

    /// <summary>Prepares <paramref name="layer"/> (lon/lat) for tiling up to <paramref name="maxZoom"/>.</summary>
    public static TiledLayer From(PublishedLayer layer, int layerIndex, int maxZoom)
    {
        var keys = new List<string>();
        var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<TileValue>();
        var valueIndex = new Dictionary<TileValue, int>();
        var tags = new int[layer.Features.Count][];
        var attributeBytes = new int[layer.Features.Count];
        var featureTags = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < layer.Features.Count; i++)
        {
            featureTags.Clear();
            seen.Clear();
            foreach (var (key, raw) in layer.Features[i].Properties)
            {
                if (TileValue.Of(raw) is not { } value || !seen.Add(key))
                {
                    continue;
                }

                if (!keyIndex.TryGetValue(key, out var k))
                {
                    k = keys.Count;
                    keyIndex.Add(key, k);
                    keys.Add(key);
                }

                if (!valueIndex.TryGetValue(value, out var v))
                {
                    v = values.Count;
                    valueIndex.Add(value, v);
                    values.Add(value);
                }

                featureTags.Add(k);
                featureTags.Add(v);
                attributeBytes[i] += 4 + value.Type switch
                {
                    TileValue.StringField => System.Text.Encoding.UTF8.GetByteCount(value.Text!),
                    TileValue.DoubleField => 8,
                    _ => 10,
                };
            }

            tags[i] = [.. featureTags];
        }

        var features = new TiledFeature[layer.Features.Count];
        Parallel.For(0, features.Length, i => features[i] = TiledFeature.From(layer.Features[i].Geometry, layerIndex, i, tags[i], attributeBytes[i], maxZoom));
        return new TiledLayer(layer.Name, layer.Title, keys, values, features);
    }
}
