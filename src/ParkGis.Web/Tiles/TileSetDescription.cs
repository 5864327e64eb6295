using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParkGis.Core.WebFrames;

namespace ParkGis.Web.Tiles;

/// <summary>
/// What a tile set holds, as its archives describe it: zoom range, lon/lat bounds and centre, the coordinate frame,
/// and per layer its id, Chinese title and fields (TileJSON 3.0 <c>vector_layers</c>, which PMTiles metadata, the
/// MBTiles <c>json</c> row and tiles.json all carry).
/// </summary>
internal sealed record TileSetDescription(
    int MinZoom,
    int MaxZoom,
    double West,
    double South,
    double East,
    double North,
    WebMapFrame Frame,
    IReadOnlyList<TiledLayer> Layers)
{
    /// <summary>Name of the tile set.</summary>
    public const string Name = "ParkGis";

    /// <summary>The zoom a viewer opens at: the lowest.</summary>
    public int CenterZoom => MinZoom;

    /// <summary>Centre longitude.</summary>
    public double CenterLon => (West + East) / 2;

    /// <summary>Centre latitude.</summary>
    public double CenterLat => (South + North) / 2;

    /// <summary>A one-line description.</summary>
    public string Description => "ParkGis: 园区、三区三线与分析结果 / parks, control lines and analysis results";

    /// <summary>Writes the <c>vector_layers</c> array.</summary>
    public void WriteVectorLayers(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray("vector_layers");
        foreach (var layer in Layers)
        {
            json.WriteStartObject();
            json.WriteString("id", layer.Name);
            json.WriteString("description", layer.Title);
            json.WriteNumber("minzoom", MinZoom);
            json.WriteNumber("maxzoom", MaxZoom);
            json.WriteStartObject("fields");
            foreach (var (key, type) in FieldTypes(layer))
            {
                json.WriteString(key, type);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The metadata JSON object: name, format, bounds, centre, frame and vector_layers.</summary>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("name", Name);
            json.WriteString("description", Description);
            json.WriteString("type", "overlay");
            json.WriteString("format", "pbf");
            json.WriteString("version", "2");
            json.WriteString(WebMapFrames.MemberName, WebMapFrames.DisplayName(Frame));
            json.WriteNumber("minzoom", MinZoom);
            json.WriteNumber("maxzoom", MaxZoom);
            json.WriteStartArray("bounds");
            json.WriteNumberValue(Math.Round(West, 7));
            json.WriteNumberValue(Math.Round(South, 7));
            json.WriteNumberValue(Math.Round(East, 7));
            json.WriteNumberValue(Math.Round(North, 7));
            json.WriteEndArray();
            json.WriteStartArray("center");
            json.WriteNumberValue(Math.Round(CenterLon, 7));
            json.WriteNumberValue(Math.Round(CenterLat, 7));
            json.WriteNumberValue(CenterZoom);
            json.WriteEndArray();
            WriteVectorLayers(json);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Bounds as MBTiles writes them: "west,south,east,north".</summary>
    public string BoundsText => string.Create(CultureInfo.InvariantCulture, $"{West:0.#######},{South:0.#######},{East:0.#######},{North:0.#######}");

    /// <summary>Centre as MBTiles writes it: "lon,lat,zoom".</summary>
    public string CenterText => string.Create(CultureInfo.InvariantCulture, $"{CenterLon:0.#######},{CenterLat:0.#######},{CenterZoom}");

    /// <summary>Each key of the layer with the TileJSON type of its values ("String", "Number", "Boolean", or a mix joined by |).</summary>
    private static IEnumerable<(string Key, string Type)> FieldTypes(TiledLayer layer)
    {
        var types = new SortedSet<string>[layer.Keys.Count];
        foreach (var feature in layer.Features)
        {
            for (var t = 0; t < feature.Tags.Length; t += 2)
            {
                var type = layer.Values[feature.Tags[t + 1]].Type switch
                {
                    TileValue.StringField => "String",
                    TileValue.BoolField => "Boolean",
                    _ => "Number",
                };
                (types[feature.Tags[t]] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(type);
            }
        }

        for (var k = 0; k < layer.Keys.Count; k++)
        {
            yield return (layer.Keys[k], string.Join("|", types[k] ?? []));
        }
    }
}
