using ParkGis.Web.Localization;

namespace ParkGis.Web.Tiles;

/// <summary>
/// PMTiles v3 directory encoding: the entry count, then column by column the tile-id deltas, the run lengths, the
/// lengths and the offsets (0 for "right after the previous entry's bytes", else offset + 1), all as little-endian
/// varints. Compression is the caller's.
/// </summary>
public static class PmTilesDirectory
{
    /// <summary>Encodes entries sorted by tile id.</summary>
    public static byte[] Serialize(IReadOnlyList<PmTilesEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var writer = new ProtobufWriter();
        writer.Varint((ulong)entries.Count);
        ulong lastId = 0;
        foreach (var entry in entries)
        {
            writer.Varint(entry.TileId - lastId);
            lastId = entry.TileId;
        }

        foreach (var entry in entries)
        {
            writer.Varint(entry.RunLength);
        }

        foreach (var entry in entries)
        {
            writer.Varint(entry.Length);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var follows = i > 0 && entries[i].Offset == entries[i - 1].Offset + entries[i - 1].Length;
            writer.Varint(follows ? 0 : entries[i].Offset + 1);
        }

        return writer.Written.ToArray();
    }

    /// <summary>Decodes a directory.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a directory.</exception>
    public static IReadOnlyList<PmTilesEntry> Deserialize(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        var count = Varint(bytes, ref at);
        if (count == 0 || count > (ulong)bytes.Length)
        {
            throw new InvalidDataException(Localized.Format("PmTilesDirectoryCount", count, bytes.Length));
        }

        var n = (int)count;
        var ids = new ulong[n];
        var runs = new uint[n];
        var lengths = new uint[n];
        var offsets = new ulong[n];
        ulong id = 0;
        for (var i = 0; i < n; i++)
        {
            id += Varint(bytes, ref at);
            ids[i] = id;
        }

        for (var i = 0; i < n; i++)
        {
            runs[i] = checked((uint)Varint(bytes, ref at));
        }

        for (var i = 0; i < n; i++)
        {
            lengths[i] = checked((uint)Varint(bytes, ref at));
        }

        var entries = new PmTilesEntry[n];
        for (var i = 0; i < n; i++)
        {
            var raw = Varint(bytes, ref at);
            if (raw == 0 && i == 0)
            {
                throw new InvalidDataException(Localized.Get("PmTilesDirectoryFirstOffset"));
            }

            offsets[i] = raw == 0 && i > 0 ? offsets[i - 1] + lengths[i - 1] : raw - 1;
            entries[i] = new PmTilesEntry(ids[i], offsets[i], lengths[i], runs[i]);
        }

        return entries;
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw new InvalidDataException(Localized.Get("PmTilesDirectoryEndsInNumber"));
            }

            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException(Localized.Get("PmTilesDirectoryNumberTooLong"));
    }
}
