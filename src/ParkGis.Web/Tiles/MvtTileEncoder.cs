namespace ParkGis.Web.Tiles;

/// <summary>
/// Encodes one tile as an MVT 2.1 protocol-buffers message: one <c>Layer</c> (version 2, extent 4096) per tiled
/// layer that has features in the tile, in the tile set's layer order; its features in layer order, each with its id
/// (position in the layer from 1), type, tags and geometry; and the layer's keys and values — only those its features
/// in this tile use, in the order they first occur, each once. One encoder per worker thread.
/// </summary>
internal sealed class MvtTileEncoder
{
    private const int TileLayersField = 3;
    private const int LayerNameField = 1;
    private const int LayerFeaturesField = 2;
    private const int LayerKeysField = 3;
    private const int LayerValuesField = 4;
    private const int LayerExtentField = 5;
    private const int LayerVersionField = 15;
    private const int FeatureIdField = 1;
    private const int FeatureTagsField = 2;
    private const int FeatureTypeField = 3;
    private const int FeatureGeometryField = 4;
    private const int MvtVersion = 2;

    private readonly ProtobufWriter _tile = new();
    private readonly ProtobufWriter _layer = new();
    private readonly ProtobufWriter _value = new();
    private readonly Dictionary<int, int> _keys = [];
    private readonly Dictionary<int, int> _values = [];
    private readonly List<int> _keyOrder = [];
    private readonly List<int> _valueOrder = [];
    private readonly List<uint> _tags = [];

    /// <summary>The tile holding <paramref name="fragments"/>, sorted by layer, then feature.</summary>
    public byte[] Encode(IReadOnlyList<TiledLayer> layers, ReadOnlySpan<TileFragment> fragments)
    {
        _tile.Clear();
        var start = 0;
        while (start < fragments.Length)
        {
            var layerIndex = fragments[start].Feature.LayerIndex;
            var end = start;
            while (end < fragments.Length && fragments[end].Feature.LayerIndex == layerIndex)
            {
                end++;
            }

            EncodeLayer(layers[layerIndex], fragments[start..end]);
            _tile.BytesField(TileLayersField, _layer.Written);
            start = end;
        }

        return _tile.Written.ToArray();
    }

    private void EncodeLayer(TiledLayer layer, ReadOnlySpan<TileFragment> fragments)
    {
        _layer.Clear();
        _keys.Clear();
        _values.Clear();
        _keyOrder.Clear();
        _valueOrder.Clear();
        _layer.VarintField(LayerVersionField, MvtVersion);
        _layer.StringField(LayerNameField, layer.Name);
        foreach (var fragment in fragments)
        {
            var feature = fragment.Feature;
            _tags.Clear();
            for (var t = 0; t < feature.Tags.Length; t += 2)
            {
                _tags.Add((uint)Local(_keys, _keyOrder, feature.Tags[t]));
                _tags.Add((uint)Local(_values, _valueOrder, feature.Tags[t + 1]));
            }

            var size = 1 + ProtobufWriter.VarintSize(feature.Id) + 1 + 1;
            size += PackedSize(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tags));
            size += PackedSize(fragment.Commands);
            _layer.Header(LayerFeaturesField, size);
            _layer.VarintField(FeatureIdField, feature.Id);
            if (_tags.Count > 0)
            {
                _layer.PackedField(FeatureTagsField, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tags));
            }

            _layer.VarintField(FeatureTypeField, (ulong)fragment.Kind);
            _layer.PackedField(FeatureGeometryField, fragment.Commands);
        }

        foreach (var key in _keyOrder)
        {
            _layer.StringField(LayerKeysField, layer.Keys[key]);
        }

        foreach (var value in _valueOrder)
        {
            WriteValue(layer.Values[value]);
            _layer.BytesField(LayerValuesField, _value.Written);
        }

        _layer.VarintField(LayerExtentField, WebMercator.TileExtent);
    }

    /// <summary>The size of a packed field with its key and length, or 0 for no values (the field is left out).</summary>
    private static int PackedSize(ReadOnlySpan<uint> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        var size = 0;
        foreach (var value in values)
        {
            size += ProtobufWriter.VarintSize(value);
        }

        return 1 + ProtobufWriter.VarintSize((ulong)size) + size;
    }

    private static int Local(Dictionary<int, int> map, List<int> order, int global)
    {
        if (!map.TryGetValue(global, out var local))
        {
            local = order.Count;
            map.Add(global, local);
            order.Add(global);
        }

        return local;
    }

    private void WriteValue(TileValue value)
    {
        _value.Clear();
        switch (value.Type)
        {
            case TileValue.StringField:
                _value.StringField(TileValue.StringField, value.Text!);
                break;
            case TileValue.DoubleField:
                _value.DoubleField(TileValue.DoubleField, value.Bits);
                break;
            case TileValue.SIntField:
                _value.VarintField(TileValue.SIntField, (ulong)((value.Bits << 1) ^ (value.Bits >> 63)));
                break;
            default:
                _value.VarintField(value.Type, unchecked((ulong)value.Bits));
                break;
        }
    }
}
