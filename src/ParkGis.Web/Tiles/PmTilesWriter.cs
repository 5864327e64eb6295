
namespace ParkGis.Web.Tiles;

/// <summary>
/// Writes a PMTiles v3 archive (what static web hosting serves and MapLibre, OpenLayers and Leaflet read with range
/// requests): gzip-compressed MVT tiles stored once per distinct content (SHA-256), in tile-id order (clustered),
/// runs of consecutive tiles with the same content in one directory entry; a gzip-compressed root directory within
/// the first 16 KB, leaf directories when the entries do not fit there, and the TileJSON-style metadata. The tile
/// data is collected in a temporary file beside the archive and copied after the directories once every tile is in.
/// </summary>
internal sealed class PmTilesWriter : ITileSink
{
    /// <summary>Entries per leaf directory to start with; doubled until the root fits.</summary>
    private const int FirstLeafSize = 4096;

    private readonly string _path;
    private readonly string _dataPath;
    private readonly FileStream _data;
    private readonly Dictionary<UInt128, (ulong Offset, uint Length)> _contents = [];
    private readonly List<PmTilesEntry> _entries = [];
    private ulong _dataLength;
    private ulong _addressed;
    private bool _completed;

    /// <summary>Starts an archive at <paramref name="path"/>.</summary>
    public PmTilesWriter(string path)
    {
        _path = path;
        _dataPath = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".data");
        _data = new FileStream(_dataPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    /// <inheritdoc/>
    public string Name => Path.GetFileName(_path);

    /// <inheritdoc/>
    public long Bytes => (long)_dataLength;

    /// <inheritdoc/>
    public void Add(TileAddress tile, ulong tileId, byte[] mvt, byte[]? gzipped, UInt128 contentHash)
    {
        ArgumentNullException.ThrowIfNull(gzipped);
        if (_entries.Count > 0 && tileId < _entries[^1].TileId + _entries[^1].RunLength)
        {
            throw new InvalidOperationException($"Tiles must come in ascending id order; {tile} came after id {_entries[^1].TileId}.");
        }

        if (!_contents.TryGetValue(contentHash, out var stored))
        {
            stored = (_dataLength, (uint)gzipped.Length);
            _contents.Add(contentHash, stored);
            _data.Write(gzipped);
            _dataLength += (ulong)gzipped.Length;
        }

        _addressed++;
        if (_entries.Count > 0)
        {
            var last = _entries[^1];
            if (last.TileId + last.RunLength == tileId && last.Offset == stored.Offset && last.Length == stored.Length)
            {
                _entries[^1] = last with { RunLength = last.RunLength + 1 };
                return;
            }
        }

        _entries.Add(new PmTilesEntry(tileId, stored.Offset, stored.Length, 1));
    }

    /// <inheritdoc/>
    public void Complete(TileSetDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (_entries.Count == 0)
        {
            throw new InvalidOperationException("A PMTiles archive needs at least one tile.");
        }

        var (root, leaves) = Directories();
        var metadata = TileCompression.Gzip(description.ToJson());
        var rootOffset = (ulong)PmTilesHeader.Size;
        var metadataOffset = rootOffset + (ulong)root.Length;
        var leavesOffset = metadataOffset + (ulong)metadata.Length;
        var dataOffset = leavesOffset + (ulong)leaves.Length;
        var header = new PmTilesHeader
        {
            RootOffset = rootOffset,
            RootLength = (ulong)root.Length,
            MetadataOffset = metadataOffset,
            MetadataLength = (ulong)metadata.Length,
            LeafDirectoriesOffset = leavesOffset,
            LeafDirectoriesLength = (ulong)leaves.Length,
            TileDataOffset = dataOffset,
            TileDataLength = _dataLength,
            AddressedTiles = _addressed,
            TileEntries = (ulong)_entries.Count,
            TileContents = (ulong)_contents.Count,
            Clustered = true,
            InternalCompression = PmTilesHeader.Gzip,
            TileCompression = PmTilesHeader.Gzip,
            TileType = PmTilesHeader.Mvt,
            MinZoom = (byte)description.MinZoom,
            MaxZoom = (byte)description.MaxZoom,
            MinLonE7 = E7(description.West),
            MinLatE7 = E7(description.South),
            MaxLonE7 = E7(description.East),
            MaxLatE7 = E7(description.North),
            CenterZoom = (byte)description.CenterZoom,
            CenterLonE7 = E7(description.CenterLon),
            CenterLatE7 = E7(description.CenterLat),
        };
        using (var archive = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            archive.Write(header.ToBytes());
            archive.Write(root);
            archive.Write(metadata);
            archive.Write(leaves);
            _data.Position = 0;
            _data.CopyTo(archive);
        }

        _completed = true;
        Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _data.Dispose();
        if (File.Exists(_dataPath))
        {
            File.Delete(_dataPath);
        }

        if (!_completed && File.Exists(_path))
        {
            File.Delete(_path);
        }
    }

    private static int E7(double degrees) => (int)Math.Round(degrees * 10_000_000, MidpointRounding.AwayFromZero);

    /// <summary>The compressed root directory and leaf directories (empty when the root holds every entry).</summary>
    private (byte[] Root, byte[] Leaves) Directories()
    {
        var root = TileCompression.Gzip(PmTilesDirectory.Serialize(_entries));
        if (PmTilesHeader.Size + root.Length <= PmTilesHeader.RootLimit)
        {
            return (root, []);
        }

        for (var leafSize = FirstLeafSize; ; leafSize *= 2)
        {
            using var leaves = new MemoryStream();
            var rootEntries = new List<PmTilesEntry>();
            for (var start = 0; start < _entries.Count; start += leafSize)
            {
                var leaf = _entries.GetRange(start, Math.Min(leafSize, _entries.Count - start));
                var bytes = TileCompression.Gzip(PmTilesDirectory.Serialize(leaf));
                rootEntries.Add(new PmTilesEntry(leaf[0].TileId, (ulong)leaves.Length, (uint)bytes.Length, 0));
                leaves.Write(bytes);
            }

            root = TileCompression.Gzip(PmTilesDirectory.Serialize(rootEntries));
            if (PmTilesHeader.Size + root.Length <= PmTilesHeader.RootLimit)
            {
                return (root, leaves.ToArray());
            }
        }
    }
}
