namespace ParkGis.Web.Tiles;

/// <summary>Where finished tiles go, in ascending tile id: an archive or a folder tree.</summary>
internal interface ITileSink : IDisposable
{
    /// <summary>The file or folder name inside the output folder.</summary>
    string Name { get; }

    /// <summary>Bytes written so far.</summary>
    long Bytes { get; }

    /// <summary>Adds one tile: its MVT bytes, the same gzip-compressed (null when no sink needs them) and a hash of the content.</summary>
    void Add(TileAddress tile, ulong tileId, byte[] mvt, byte[]? gzipped, UInt128 contentHash);

    /// <summary>Writes what follows the tiles (directories, metadata) and closes the sink.</summary>
    void Complete(TileSetDescription description);
}
