using System.Buffers.Binary;
using System.Text;
using ParkGis.Web.Localization;

namespace ParkGis.Web.Tiles;

/// <summary>
/// The 127-byte header of a PMTiles v3 archive (little-endian): where the root directory, the JSON metadata, the leaf
/// directories and the tile data are, tile counts, compression and tile type, the zoom range, bounds and centre.
/// </summary>
public sealed record PmTilesHeader
{
    /// <summary>Size of the header in bytes.</summary>
    public const int Size = 127;

    /// <summary>The header and the root directory together fit in this many bytes (so one read gets both).</summary>
    public const int RootLimit = 16_384;

    /// <summary>Compression enum value for gzip.</summary>
    public const byte Gzip = 2;

    /// <summary>Tile type enum value for Mapbox vector tiles.</summary>
    public const byte Mvt = 1;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("PMTiles");

    /// <summary>Spec version (3).</summary>
    public byte Version { get; init; } = 3;

    /// <summary>Offset of the root directory.</summary>
    public ulong RootOffset { get; init; }

    /// <summary>Length of the root directory.</summary>
    public ulong RootLength { get; init; }

    /// <summary>Offset of the JSON metadata.</summary>
    public ulong MetadataOffset { get; init; }

    /// <summary>Length of the JSON metadata.</summary>
    public ulong MetadataLength { get; init; }

    /// <summary>Offset of the leaf directories.</summary>
    public ulong LeafDirectoriesOffset { get; init; }

    /// <summary>Length of the leaf directories.</summary>
    public ulong LeafDirectoriesLength { get; init; }

    /// <summary>Offset of the tile data.</summary>
    public ulong TileDataOffset { get; init; }

    /// <summary>Length of the tile data.</summary>
    public ulong TileDataLength { get; init; }

    /// <summary>Tiles addressed (the sum of the run lengths).</summary>
    public ulong AddressedTiles { get; init; }

    /// <summary>Directory entries pointing at tiles.</summary>
    public ulong TileEntries { get; init; }

    /// <summary>Distinct tile contents stored.</summary>
    public ulong TileContents { get; init; }

    /// <summary>True when the tile data is in tile-id order.</summary>
    public bool Clustered { get; init; }

    /// <summary>Compression of the directories and metadata.</summary>
    public byte InternalCompression { get; init; }

    /// <summary>Compression of each tile.</summary>
    public byte TileCompression { get; init; }

    /// <summary>What the tiles are.</summary>
    public byte TileType { get; init; }

    /// <summary>Lowest zoom.</summary>
    public byte MinZoom { get; init; }

    /// <summary>Highest zoom.</summary>
    public byte MaxZoom { get; init; }

    /// <summary>West bound × 10⁷.</summary>
    public int MinLonE7 { get; init; }

    /// <summary>South bound × 10⁷.</summary>
    public int MinLatE7 { get; init; }

    /// <summary>East bound × 10⁷.</summary>
    public int MaxLonE7 { get; init; }

    /// <summary>North bound × 10⁷.</summary>
    public int MaxLatE7 { get; init; }

    /// <summary>Zoom a viewer opens at.</summary>
    public byte CenterZoom { get; init; }

    /// <summary>Centre longitude × 10⁷.</summary>
    public int CenterLonE7 { get; init; }

    /// <summary>Centre latitude × 10⁷.</summary>
    public int CenterLatE7 { get; init; }

    /// <summary>Reads a header.</summary>
    /// <exception cref="InvalidDataException">Not a PMTiles v3 header.</exception>
    public static PmTilesHeader Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || !bytes[..7].SequenceEqual(Magic))
        {
            throw new InvalidDataException(Localized.Get("PmTilesNoMagic"));
        }

        if (bytes[7] != 3)
        {
            throw new InvalidDataException(Localized.Format("PmTilesVersion", bytes[7]));
        }

        return new PmTilesHeader
        {
            Version = bytes[7],
            RootOffset = U64(bytes, 8),
            RootLength = U64(bytes, 16),
            MetadataOffset = U64(bytes, 24),
            MetadataLength = U64(bytes, 32),
            LeafDirectoriesOffset = U64(bytes, 40),
            LeafDirectoriesLength = U64(bytes, 48),
            TileDataOffset = U64(bytes, 56),
            TileDataLength = U64(bytes, 64),
            AddressedTiles = U64(bytes, 72),
            TileEntries = U64(bytes, 80),
            TileContents = U64(bytes, 88),
            Clustered = bytes[96] == 1,
            InternalCompression = bytes[97],
            TileCompression = bytes[98],
            TileType = bytes[99],
            MinZoom = bytes[100],
            MaxZoom = bytes[101],
            MinLonE7 = I32(bytes, 102),
            MinLatE7 = I32(bytes, 106),
            MaxLonE7 = I32(bytes, 110),
            MaxLatE7 = I32(bytes, 114),
            CenterZoom = bytes[118],
            CenterLonE7 = I32(bytes, 119),
            CenterLatE7 = I32(bytes, 123),
        };
    }

    /// <summary>The 127 header bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        Magic.CopyTo(bytes, 0);
        bytes[7] = Version;
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], RootOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], RootLength);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], MetadataOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(span[32..], MetadataLength);
        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], LeafDirectoriesOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(span[48..], LeafDirectoriesLength);
        BinaryPrimitives.WriteUInt64LittleEndian(span[56..], TileDataOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(span[64..], TileDataLength);
        BinaryPrimitives.WriteUInt64LittleEndian(span[72..], AddressedTiles);
        BinaryPrimitives.WriteUInt64LittleEndian(span[80..], TileEntries);
        BinaryPrimitives.WriteUInt64LittleEndian(span[88..], TileContents);
        bytes[96] = Clustered ? (byte)1 : (byte)0;
        bytes[97] = InternalCompression;
        bytes[98] = TileCompression;
        bytes[99] = TileType;
        bytes[100] = MinZoom;
        bytes[101] = MaxZoom;
        BinaryPrimitives.WriteInt32LittleEndian(span[102..], MinLonE7);
        BinaryPrimitives.WriteInt32LittleEndian(span[106..], MinLatE7);
        BinaryPrimitives.WriteInt32LittleEndian(span[110..], MaxLonE7);
        BinaryPrimitives.WriteInt32LittleEndian(span[114..], MaxLatE7);
        bytes[118] = CenterZoom;
        BinaryPrimitives.WriteInt32LittleEndian(span[119..], CenterLonE7);
        BinaryPrimitives.WriteInt32LittleEndian(span[123..], CenterLatE7);
        return bytes;
    }

    private static ulong U64(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]);

    private static int I32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
}
