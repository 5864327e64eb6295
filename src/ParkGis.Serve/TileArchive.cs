using System.Text.Json;
using Microsoft.Data.Sqlite;
using ParkGis.Web.Tiles;
using ParkGis.Web.Localization;

namespace ParkGis.Serve;

/// <summary>
/// The vector-tile archive a server answers XYZ requests from (瓦片归档): <c>tiles.pmtiles</c> through
/// <see cref="PmTilesReader"/>, or <c>tiles.mbtiles</c> read-only through SQLite (rows counted from the south).
/// Tiles are returned as stored, with whether they are gzip-compressed, so the server can send them unchanged.
/// </summary>
public abstract class TileArchive : IDisposable
{
    /// <summary>The archive's file name in the served folder.</summary>
    public abstract string FileName { get; }

    /// <summary>Lowest zoom in the archive.</summary>
    public abstract int MinZoom { get; }

    /// <summary>Highest zoom in the archive.</summary>
    public abstract int MaxZoom { get; }

    /// <summary>The <c>vector_layers</c> of the archive's metadata (TileJSON 3.0), as JSON; <c>[]</c> when it has none.</summary>
    public abstract string VectorLayersJson { get; }

    /// <summary>West, south, east, north in degrees; the whole world when the archive does not say.</summary>
    public abstract double[] Bounds { get; }

    /// <summary>The <c>coordinate_frame</c> of the metadata (WGS84, GCJ-02, BD-09), null when it has none.</summary>
    public abstract string? CoordinateFrame { get; }

    /// <summary>Opens <c>tiles.pmtiles</c> or else <c>tiles.mbtiles</c> of the folder; null when it has neither.</summary>
    /// <exception cref="InvalidDataException">The archive cannot be read.</exception>
    public static TileArchive? Open(ServedFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var pmtiles = folder.PathOf("tiles.pmtiles");
        if (File.Exists(pmtiles))
        {
            return new PmTilesArchive(pmtiles);
        }

        var mbtiles = folder.PathOf("tiles.mbtiles");
        return File.Exists(mbtiles) ? new MbTilesArchive(mbtiles) : null;
    }

    /// <summary>The stored bytes of tile z/x/y and whether they are gzip-compressed; null when the archive has no such tile.</summary>
    public abstract (byte[] Bytes, bool Gzip)? ReadTile(int zoom, int x, int y);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the archive.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Reads the members the server uses from TileJSON-style metadata.</summary>
    protected static (string VectorLayers, double[]? Bounds, string? Frame) ReadMetadata(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ("[]", null, null);
            }

            var layers = root.TryGetProperty("vector_layers", out var v) && v.ValueKind == JsonValueKind.Array ? v.GetRawText() : "[]";
            var frame = root.TryGetProperty("coordinate_frame", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            return (layers, ParseBounds(root.TryGetProperty("bounds", out var b) ? b : default), frame);
        }
        catch (JsonException)
        {
            return ("[]", null, null);
        }
    }

    /// <summary>Bounds given as a JSON array of four numbers or as MBTiles' comma-separated text.</summary>
    protected static double[]? ParseBounds(JsonElement bounds)
    {
        var values = bounds.ValueKind switch
        {
            JsonValueKind.Array => bounds.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN).ToArray(),
            JsonValueKind.String => (bounds.GetString() ?? string.Empty).Split(',')
                .Select(s => double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray(),
            _ => [],
        };
        return values.Length == 4 && values.All(double.IsFinite) ? values : null;
    }

    private sealed class PmTilesArchive : TileArchive
    {
        private readonly PmTilesReader _reader;

        public PmTilesArchive(string path)
        {
            try
            {
                _reader = PmTilesReader.Open(path);
                (VectorLayersJson, var bounds, CoordinateFrame) = ReadMetadata(_reader.ReadMetadata());
                var header = _reader.Header;
                Bounds = bounds ?? [header.MinLonE7 / 1e7, header.MinLatE7 / 1e7, header.MaxLonE7 / 1e7, header.MaxLatE7 / 1e7];
            }
            catch (Exception e) when (e is IOException or ArgumentException)
            {
                throw new InvalidDataException(Localized.Format("ServeTilesUnreadable", "tiles.pmtiles", e.Message), e);
            }
        }

        public override string FileName => "tiles.pmtiles";

        public override int MinZoom => _reader.Header.MinZoom;

        public override int MaxZoom => _reader.Header.MaxZoom;

        public override string VectorLayersJson { get; }

        public override double[] Bounds { get; }

        public override string? CoordinateFrame { get; }

        public override (byte[] Bytes, bool Gzip)? ReadTile(int zoom, int x, int y) =>
            _reader.ReadTile(zoom, x, y) is { } bytes ? (bytes, _reader.Header.TileCompression == PmTilesHeader.Gzip) : null;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _reader.Dispose();
            }
        }
    }

    private sealed class MbTilesArchive : TileArchive
    {
        private readonly string _connectionString;

        public MbTilesArchive(string path)
        {
            _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                using var connection = Connect();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT name, value FROM metadata";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (!reader.IsDBNull(0) && !reader.IsDBNull(1))
                    {
                        metadata[reader.GetString(0)] = reader.GetString(1);
                    }
                }
            }
            catch (SqliteException e)
            {
                throw new InvalidDataException(Localized.Format("ServeTilesUnreadable", "tiles.mbtiles", e.Message), e);
            }

            MinZoom = metadata.TryGetValue("minzoom", out var min) && int.TryParse(min, System.Globalization.CultureInfo.InvariantCulture, out var z0) ? z0 : 0;
            MaxZoom = metadata.TryGetValue("maxzoom", out var max) && int.TryParse(max, System.Globalization.CultureInfo.InvariantCulture, out var z1) ? z1 : TileOptions.HighestZoom;
            (VectorLayersJson, _, _) = metadata.TryGetValue("json", out var json) ? ReadMetadata(json) : ("[]", null, null);
            using (var bounds = JsonDocument.Parse(JsonStringLiteral.Of(metadata.GetValueOrDefault("bounds", string.Empty))))
            {
                Bounds = ParseBounds(bounds.RootElement) ?? [-180, -85.0511287798, 180, 85.0511287798];
            }

            CoordinateFrame = metadata.GetValueOrDefault("coordinate_frame");
        }

        public override string FileName => "tiles.mbtiles";

        public override int MinZoom { get; }

        public override int MaxZoom { get; }

        public override string VectorLayersJson { get; }

        public override double[] Bounds { get; }

        public override string? CoordinateFrame { get; }

        public override (byte[] Bytes, bool Gzip)? ReadTile(int zoom, int x, int y)
        {
            if (zoom < 0 || zoom > TileOptions.HighestZoom || x < 0 || y < 0 || x >= 1L << zoom || y >= 1L << zoom)
            {
                return null;
            }

            using var connection = Connect();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $y";
            command.Parameters.AddWithValue("$z", zoom);
            command.Parameters.AddWithValue("$x", x);
            command.Parameters.AddWithValue("$y", (1L << zoom) - 1 - y);
            if (command.ExecuteScalar() is not byte[] bytes)
            {
                return null;
            }

            return (bytes, bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B);
        }

        private SqliteConnection Connect()
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            return connection;
        }
    }
}
