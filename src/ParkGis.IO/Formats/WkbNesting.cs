using System.Buffers.Binary;
using System.Globalization;
using NetTopologySuite.IO;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Checks how deeply the collections of a WKB geometry nest before NetTopologySuite's <see cref="WKBReader"/>, which
/// reads them recursively, sees it: a GeometryCollection level costs 9 bytes, so a 200 KB GeoPackage blob can nest
/// 20 000 deep and overflow the stack — an abort no handler catches. The walk is iterative and stops at anything it
/// cannot follow (an unknown type, a count beyond the bytes), leaving that for the reader to report.
/// </summary>
internal static class WkbNesting
{
    /// <summary>Deeper than any real layer: a MultiPolygon inside a GeometryCollection is depth 2.</summary>
    public const int MaxDepth = 32;

    /// <exception cref="ParseException">The collections nest deeper than <see cref="MaxDepth"/>.</exception>
    public static void Check(ReadOnlySpan<byte> wkb)
    {
        Span<long> remaining = stackalloc long[MaxDepth + 1];
        var depth = 0;
        var position = 0;
        while (true)
        {
            if (position + 5 > wkb.Length || wkb[position] > 1)
            {
                return;
            }

            var littleEndian = wkb[position] == 1;
            var type = UInt32(wkb, position + 1, littleEndian);
            position += 5;
            if ((type & 0x2000_0000) != 0)
            {
                position += 4; // EWKB SRID
            }

            var code = type & 0x0FFF_FFFF;
            var dimensions = 2 + ((type & 0x8000_0000) != 0 ? 1 : 0) + ((type & 0x4000_0000) != 0 ? 1 : 0) + (code / 1000) switch { 1 or 2 => 1, 3 => 2, _ => 0 };
            var pointBytes = 8L * dimensions;
            switch (code % 1000)
            {
                case 1:
                    position = Advance(position, pointBytes, wkb.Length);
                    break;
                case 2:
                    position = Points(wkb, position, pointBytes, littleEndian);
                    break;
                case 3:
                    if (position + 4 > wkb.Length)
                    {
                        return;
                    }

                    var rings = UInt32(wkb, position, littleEndian);
                    position += 4;
                    for (var i = 0L; i < rings && position >= 0; i++)
                    {
                        position = Points(wkb, position, pointBytes, littleEndian);
                    }

                    break;
                case 4 or 5 or 6 or 7:
                    if (position + 4 > wkb.Length)
                    {
                        return;
                    }

                    if (depth == MaxDepth)
                    {
                        throw new ParseException(Localized.Format("WkbTooDeep", MaxDepth));
                    }

                    var members = UInt32(wkb, position, littleEndian);
                    position += 4;
                    if (members > 0)
                    {
                        remaining[depth++] = members;
                        continue; // its members come next
                    }

                    break;
                default:
                    return;
            }

            if (position < 0)
            {
                return;
            }

            // A geometry ended: count it against the collection it belongs to; a collection whose last member it was
            // has ended too.
            while (true)
            {
                if (depth == 0)
                {
                    return;
                }

                if (--remaining[depth - 1] > 0)
                {
                    break;
                }

                depth--;
            }
        }
    }

    /// <summary>The position after a point list, or -1 when its count goes beyond the bytes.</summary>
    private static int Points(ReadOnlySpan<byte> wkb, int position, long pointBytes, bool littleEndian)
    {
        if (position < 0 || position + 4 > wkb.Length)
        {
            return -1;
        }

        return Advance(position + 4, UInt32(wkb, position, littleEndian) * pointBytes, wkb.Length);
    }

    private static int Advance(int position, long bytes, int length) => position + bytes > length ? -1 : (int)(position + bytes);

    private static uint UInt32(ReadOnlySpan<byte> wkb, int position, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[position..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[position..]);
}
