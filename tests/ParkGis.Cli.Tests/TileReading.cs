using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using ParkGis.Web.Tiles;

namespace ParkGis.Cli.Tests;

/// <summary>
/// What the tile tests compare: the exported GeoJSON features (layer, MVT id = position from 1, lon/lat geometry,
/// properties), the XYZ tile that holds a point inside each at a zoom (Web Mercator worked out here, not taken from
/// the writer), and the tiles of an MBTiles file read with SQLite.
/// </summary>
internal static class TileReading
{
    public static List<ExportedFeature> ExportedFeatures(string folder)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var features = new List<ExportedFeature>();
        foreach (var file in Directory.GetFiles(folder, "*.geojson").Order(StringComparer.Ordinal))
        {
            var layer = Path.GetFileNameWithoutExtension(file);
            var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(file), options)!;
            for (var i = 0; i < collection.Count; i++)
            {
                var properties = collection[i].Attributes.GetNames()
                    .Select(name => (name, collection[i].Attributes[name]))
                    .Where(p => p.Item2 is not null)
                    .ToDictionary(p => p.name, p => p.Item2!, StringComparer.Ordinal);
                features.Add(new ExportedFeature(layer, (ulong)i + 1, collection[i].Geometry, properties));
            }
        }

        return features;
    }

    /// <summary>The tile of <paramref name="zoom"/> holding a point inside <paramref name="geometry"/> (lon/lat).</summary>
    public static (int X, int Y) TileOf(Geometry geometry, int zoom)
    {
        var point = geometry.InteriorPoint;
        var n = Math.Pow(2, zoom);
        var x = (point.X + 180) / 360 * n;
        var latitude = point.Y * Math.PI / 180;
        var y = (1 - (Math.Log(Math.Tan(latitude) + (1 / Math.Cos(latitude))) / Math.PI)) / 2 * n;
        return ((int)Math.Floor(x), (int)Math.Floor(y));
    }

    /// <summary>Width or height of the geometry's bounding box in 256-px screen pixels at <paramref name="zoom"/>, whichever is larger.</summary>
    public static double Pixels(Geometry geometry, int zoom)
    {
        var envelope = geometry.EnvelopeInternal;
        static double MercatorY(double lat) => Math.Log(Math.Tan((45 + (lat / 2)) * Math.PI / 180));
        var worldPixels = 256 * Math.Pow(2, zoom);
        var width = (envelope.MaxX - envelope.MinX) / 360 * worldPixels;
        var height = (MercatorY(envelope.MaxY) - MercatorY(envelope.MinY)) / (2 * Math.PI) * worldPixels;
        return Math.Max(width, height);
    }

    /// <summary>Every tile of an MBTiles file, decompressed, by z/x/y (XYZ rows).</summary>
    public static Dictionary<(int Z, int X, int Y), byte[]> MbTiles(string path)
    {
        var tiles = new Dictionary<(int, int, int), byte[]>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var z = reader.GetInt32(0);
            var row = reader.GetInt32(2);
            tiles.Add((z, reader.GetInt32(1), (1 << z) - 1 - row), TileCompression.Gunzip((byte[])reader.GetValue(3)));
        }

        return tiles;
    }

    /// <summary>The metadata table of an MBTiles file.</summary>
    public static Dictionary<string, string> MbTilesMetadata(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM metadata";
        using var reader = command.ExecuteReader();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            metadata.Add(reader.GetString(0), reader.GetString(1));
        }

        return metadata;
    }

    /// <summary>True when a tile's property value (as a JSON reader gives it) is the GeoJSON property value.</summary>
    public static bool SameValue(object geoJson, JsonElement tile) => geoJson switch
    {
        string text => tile.ValueKind == JsonValueKind.String && tile.GetString() == text,
        bool flag => tile.ValueKind == (flag ? JsonValueKind.True : JsonValueKind.False),
        _ => tile.ValueKind == JsonValueKind.Number
            && double.Parse(Convert.ToString(geoJson, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture) == tile.GetDouble(),
    };
}

/// <summary>A feature of an exported GeoJSON file.</summary>
internal sealed record ExportedFeature(string Layer, ulong Id, Geometry Geometry, IReadOnlyDictionary<string, object> Properties);
