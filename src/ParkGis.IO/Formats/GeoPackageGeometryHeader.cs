using System.Buffers.Binary;
using System.Globalization;
using NetTopologySuite.IO;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// The header of a GeoPackage geometry blob (GeoPackage 1.x, "GeoPackageBinary"): magic <c>GP</c>, version 0, flags
/// (bit 0 byte order of the header, bits 1–3 envelope indicator, bit 4 empty geometry, bit 5 extended type),
/// <c>srs_id</c>, then an envelope of 0, 4, 6, 6 or 8 doubles before the WKB geometry.
/// </summary>
/// <param name="SrsId">The <c>srs_id</c> stored in the blob.</param>
/// <param name="IsEmpty">The empty-geometry flag.</param>
/// <param name="WkbOffset">Where the WKB geometry starts (8 bytes plus the envelope).</param>
internal readonly record struct GeoPackageGeometryHeader(int SrsId, bool IsEmpty, int WkbOffset)
{
    private const int FixedLength = 8;

    /// <summary>Reads the header of a standard blob.</summary>
    /// <exception cref="ParseException">
    /// The blob is not one: shorter than its header, a magic other than <c>GP</c> (a bare WKB, another database's
    /// blob), another version, an extended (non-standard) geometry type, an envelope indicator above 4.
    /// </exception>
    public static GeoPackageGeometryHeader Read(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < FixedLength)
        {
            throw new ParseException(Localized.Format("GpkgBlobTooShort", blob.Length));
        }

        if (blob[0] != (byte)'G' || blob[1] != (byte)'P')
        {
            throw new ParseException(Localized.Format("GpkgBadMagic", blob[0], blob[1]));
        }

        if (blob[2] != 0)
        {
            throw new ParseException(Localized.Format("GpkgBadVersion", blob[2]));
        }

        var flags = blob[3];
        if ((flags & 0b0010_0000) != 0)
        {
            throw new ParseException(Localized.Get("GpkgExtendedType"));
        }

        var indicator = (flags >> 1) & 0b111;
        var envelopeLength = indicator switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            _ => -1,
        };
        if (envelopeLength < 0)
        {
            throw new ParseException(Localized.Format("GpkgBadEnvelope", indicator));
        }

        if (blob.Length < FixedLength + envelopeLength)
        {
            throw new ParseException(Localized.Format("GpkgBlobShorterThanHeader", blob.Length, FixedLength + envelopeLength));
        }

        var srsIdBytes = blob.Slice(4, 4);
        var srsId = (flags & 1) == 1 ? BinaryPrimitives.ReadInt32LittleEndian(srsIdBytes) : BinaryPrimitives.ReadInt32BigEndian(srsIdBytes);
        return new GeoPackageGeometryHeader(srsId, (flags & 0b1_0000) != 0, FixedLength + envelopeLength);
    }
}
