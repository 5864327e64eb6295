using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;
using ParkGis.Web.Localization;

namespace ParkGis.Web.Tiles;

/// <summary>
/// Reads tiles from a PMTiles v3 archive by z/x/y — what a tile server answers a request with: the stored bytes
/// (compressed as <see cref="PmTilesHeader.TileCompression"/> says, ready to send with that Content-Encoding), found
/// through the root directory and at most three levels of leaf directories (kept once read). Thread-safe.
/// </summary>
public sealed class PmTilesReader : IDisposable
{
    private const int MaxDepth = 4;

    private readonly SafeFileHandle _file;
    private readonly IReadOnlyList<PmTilesEntry> _root;
    private readonly ConcurrentDictionary<ulong, IReadOnlyList<PmTilesEntry>> _leaves = new();

    private PmTilesReader(SafeFileHandle file, PmTilesHeader header, IReadOnlyList<PmTilesEntry> root)
    {
        _file = file;
        Header = header;
        _root = root;
    }

    /// <summary>The archive's header.</summary>
    public PmTilesHeader Header { get; }

    /// <summary>Opens an archive.</summary>
    /// <exception cref="InvalidDataException">The file is not a PMTiles v3 archive.</exception>
    public static PmTilesReader Open(string path)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var start = new byte[(int)Math.Min(PmTilesHeader.RootLimit, RandomAccess.GetLength(file))];
            RandomAccess.Read(file, start, 0);
            var header = PmTilesHeader.Read(start);
            var root = ReadDirectory(file, header, header.RootOffset, header.RootLength);
            return new PmTilesReader(file, header, root);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The stored bytes of tile z/x/y, or null when the archive has no such tile.</summary>
    public byte[]? ReadTile(int zoom, int x, int y)
    {
        if (zoom < Header.MinZoom || zoom > Header.MaxZoom || zoom > TileAddress.MaxZoom || x < 0 || y < 0 || x >= 1L << zoom || y >= 1L << zoom)
        {
            return null;
        }

        var id = new TileAddress(zoom, x, y).Id;
        var directory = _root;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (Find(directory, id) is not { } entry)
            {
                return null;
            }

            if (entry.RunLength > 0)
            {
                return Read(_file, Header.TileDataOffset + entry.Offset, entry.Length);
            }

            directory = _leaves.GetOrAdd(entry.Offset, offset => ReadDirectory(_file, Header, Header.LeafDirectoriesOffset + offset, entry.Length));
        }

        throw new InvalidDataException(Localized.Format("PmTilesTooDeep", MaxDepth));
    }

    /// <summary>The JSON metadata as text.</summary>
    public string ReadMetadata()
    {
        var bytes = Read(_file, Header.MetadataOffset, Header.MetadataLength);
        return Encoding.UTF8.GetString(Header.InternalCompression == PmTilesHeader.Gzip ? TileCompression.Gunzip(bytes) : bytes);
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private static PmTilesEntry? Find(IReadOnlyList<PmTilesEntry> entries, ulong id)
    {
        int low = 0, high = entries.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (entries[middle].TileId == id)
            {
                return entries[middle];
            }

            if (entries[middle].TileId < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (high < 0)
        {
            return null;
        }

        var before = entries[high];
        return before.RunLength == 0 || id - before.TileId < before.RunLength ? before : null;
    }

    private static IReadOnlyList<PmTilesEntry> ReadDirectory(SafeFileHandle file, PmTilesHeader header, ulong offset, ulong length)
    {
        var bytes = Read(file, offset, length);
        return PmTilesDirectory.Deserialize(header.InternalCompression == PmTilesHeader.Gzip ? TileCompression.Gunzip(bytes) : bytes);
    }

    private static byte[] Read(SafeFileHandle file, ulong offset, ulong length)
    {
        if (length > int.MaxValue || offset + length > (ulong)RandomAccess.GetLength(file))
        {
            throw new InvalidDataException(Localized.Format("PmTilesSectionBeyondEnd", length, offset));
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(file, bytes.AsSpan(read), (long)offset + read);
            if (n == 0)
            {
                throw new InvalidDataException(Localized.Get("PmTilesEndsEarly"));
            }

            read += n;
        }

        return bytes;
    }
}
