using System.Buffers.Binary;

namespace ParkGis.IO.Formats;

/// <summary>
/// The header of a GeoPackage geometry blob (GeoPackage 1.x, "GeoPackageBinary"): magic <c>GP</c>, version, flags
/// (bit 0 byte order of the header, bits 1–3 envelope indicator, bit 4 empty geometry, bit 5 extended type),
/// <c>srs_id</c>, then an envelope of 0, 4, 6, 6 or 8 doubles before the WKB geometry.
/// </summary>
/// <param name="SrsId">The <c>srs_id</c> stored in the blob.</param>
/// <param name="IsEmpty">The empty-geometry flag.</param>
/// <param name="WkbOffset">Where the WKB geometry starts (8 bytes plus the envelope).</param>
internal readonly record struct GeoPackageGeometryHeader(int SrsId, bool IsEmpty, int WkbOffset)
{
    private const int FixedLength = 8;

    /// <summary>
    /// Reads the header of a standard version-1 blob. Returns false for anything else — a wrong magic or version,
    /// the extended type, an envelope indicator above 4, a blob too short for its envelope — so that the caller
    /// can leave odd blobs to the general reader.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> blob, out GeoPackageGeometryHeader header)
    {
        header = default;
        if (blob.Length < FixedLength || blob[0] != (byte)'G' || blob[1] != (byte)'P' || blob[2] != 0)
        {
            return false;
        }

        var flags = blob[3];
        if ((flags & 0b1110_0000) != 0)
        {
            return false;
        }

        var envelopeLength = ((flags >> 1) & 0b111) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            _ => -1,
        };
        if (envelopeLength < 0 || blob.Length < FixedLength + envelopeLength)
        {
            return false;
        }

        var srsIdBytes = blob.Slice(4, 4);
        var srsId = (flags & 1) == 1 ? BinaryPrimitives.ReadInt32LittleEndian(srsIdBytes) : BinaryPrimitives.ReadInt32BigEndian(srsIdBytes);
        header = new GeoPackageGeometryHeader(srsId, (flags & 0b1_0000) != 0, FixedLength + envelopeLength);
        return true;
    }
}
