using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ParkGis.Web.Tiles;

/// <summary>
/// Writes an MBTiles 1.3 file (what QGIS, GDAL and tile servers open): SQLite with a <c>metadata</c> table (name,
/// format pbf, bounds, center, zooms, and the <c>json</c> row with vector_layers) and gzip-compressed MVT tiles in TMS
/// rows (y counted from the south). Each distinct tile content is stored once (<c>images</c>), tiles point at it
/// (<c>map</c>), and the <c>tiles</c> view joins them as the spec names it. One transaction, no journal: the file is
/// in the staging folder, which a failed run discards whole.
/// </summary>
internal sealed class MbTilesWriter : ITileSink
{
    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insertImage;
    private readonly SqliteCommand _insertMap;
    private readonly Dictionary<UInt128, long> _images = [];
    private bool _completed;

    /// <summary>Starts a file at <paramref name="path"/>.</summary>
    public MbTilesWriter(string path)
    {
        _path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;");
        _transaction = _connection.BeginTransaction();
        Execute("""
            CREATE TABLE metadata (name TEXT NOT NULL, value TEXT);
            CREATE TABLE images (tile_id INTEGER PRIMARY KEY, tile_data BLOB NOT NULL);
            CREATE TABLE map (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, tile_id INTEGER NOT NULL);
            CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column, map.tile_row AS tile_row, images.tile_data AS tile_data
                FROM map JOIN images ON images.tile_id = map.tile_id;
            """);
        _insertImage = Command("INSERT INTO images (tile_id, tile_data) VALUES ($id, $data)", "$id", "$data");
        _insertMap = Command("INSERT INTO map (zoom_level, tile_column, tile_row, tile_id) VALUES ($z, $x, $y, $id)", "$z", "$x", "$y", "$id");
    }

    /// <inheritdoc/>
    public string Name => Path.GetFileName(_path);

    /// <inheritdoc/>
    public long Bytes { get; private set; }

    /// <inheritdoc/>
    public void Add(TileAddress tile, ulong tileId, byte[] mvt, byte[]? gzipped, UInt128 contentHash)
    {
        ArgumentNullException.ThrowIfNull(gzipped);
        if (!_images.TryGetValue(contentHash, out var image))
        {
            image = _images.Count + 1;
            _images.Add(contentHash, image);
            _insertImage.Parameters["$id"].Value = image;
            _insertImage.Parameters["$data"].Value = gzipped;
            _insertImage.ExecuteNonQuery();
            Bytes += gzipped.Length;
        }

        _insertMap.Parameters["$z"].Value = tile.Zoom;
        _insertMap.Parameters["$x"].Value = tile.X;
        _insertMap.Parameters["$y"].Value = (1 << tile.Zoom) - 1 - tile.Y;
        _insertMap.Parameters["$id"].Value = image;
        _insertMap.ExecuteNonQuery();
        Bytes += 16;
    }

    /// <inheritdoc/>
    public void Complete(TileSetDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Execute("CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);");
        using var insert = Command("INSERT INTO metadata (name, value) VALUES ($name, $value)", "$name", "$value");
        foreach (var (name, value) in Metadata(description))
        {
            insert.Parameters["$name"].Value = name;
            insert.Parameters["$value"].Value = value;
            insert.ExecuteNonQuery();
        }

        _transaction.Commit();
        _completed = true;
        Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _insertImage.Dispose();
        _insertMap.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        if (!_completed && File.Exists(_path))
        {
            File.Delete(_path);
        }
    }

    private static IEnumerable<(string Name, string Value)> Metadata(TileSetDescription description)
    {
        yield return ("name", TileSetDescription.Name);
        yield return ("description", description.Description);
        yield return ("format", "pbf");
        yield return ("type", "overlay");
        yield return ("version", "2");
        yield return ("minzoom", description.MinZoom.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("maxzoom", description.MaxZoom.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("bounds", description.BoundsText);
        yield return ("center", description.CenterText);
        yield return (Core.WebFrames.WebMapFrames.MemberName, Core.WebFrames.WebMapFrames.DisplayName(description.Frame));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            description.WriteVectorLayers(json);
            json.WriteEndObject();
        }

        yield return ("json", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        command.Prepare();
        return command;
    }
}
