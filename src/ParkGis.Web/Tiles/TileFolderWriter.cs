using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParkGis.Web.Tiles;

/// <summary>
/// Writes the tiles as a folder tree <c>{z}/{x}/{y}.mvt</c> (XYZ, uncompressed MVT, what a plain static server can
/// serve without Content-Encoding) with a TileJSON 3.0 <c>tiles.json</c>.
/// </summary>
internal sealed class TileFolderWriter : ITileSink
{
    /// <summary>The TileJSON file inside the folder.</summary>
    public const string TileJsonName = "tiles.json";

    private readonly string _folder;

    /// <summary>Starts a tree at <paramref name="folder"/> (created with the first tile).</summary>
    public TileFolderWriter(string folder)
    {
        _folder = folder;
    }

    /// <inheritdoc/>
    public string Name => Path.GetFileName(_folder);

    /// <inheritdoc/>
    public long Bytes { get; private set; }

    /// <inheritdoc/>
    public void Add(TileAddress tile, ulong tileId, byte[] mvt, byte[]? gzipped, UInt128 contentHash)
    {
        ArgumentNullException.ThrowIfNull(mvt);
        var directory = Path.Combine(_folder, tile.Zoom.ToString(CultureInfo.InvariantCulture), tile.X.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, tile.Y.ToString(CultureInfo.InvariantCulture) + ".mvt"), mvt);
        Bytes += mvt.Length;
    }

    /// <inheritdoc/>
    public void Complete(TileSetDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        using var stream = File.Create(Path.Combine(_folder, TileJsonName));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tilejson", "3.0.0");
        json.WriteString("name", TileSetDescription.Name);
        json.WriteString("description", description.Description);
        json.WriteString("scheme", "xyz");
        json.WriteStartArray("tiles");
        json.WriteStringValue("{z}/{x}/{y}.mvt");
        json.WriteEndArray();
        json.WriteNumber("minzoom", description.MinZoom);
        json.WriteNumber("maxzoom", description.MaxZoom);
        json.WriteString(Core.WebFrames.WebMapFrames.MemberName, Core.WebFrames.WebMapFrames.DisplayName(description.Frame));
        json.WriteStartArray("bounds");
        foreach (var value in new[] { description.West, description.South, description.East, description.North })
        {
            json.WriteNumberValue(Math.Round(value, 7));
        }

        json.WriteEndArray();
        json.WriteStartArray("center");
        json.WriteNumberValue(Math.Round(description.CenterLon, 7));
        json.WriteNumberValue(Math.Round(description.CenterLat, 7));
        json.WriteNumberValue(description.CenterZoom);
        json.WriteEndArray();
        description.WriteVectorLayers(json);
        json.WriteEndObject();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
