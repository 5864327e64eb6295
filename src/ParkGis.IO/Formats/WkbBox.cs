using System.Buffers.Binary;
using NetTopologySuite.Geometries;

namespace ParkGis.IO.Formats;

/// <summary>
/// The box of a WKB polygon or multipolygon read straight from its bytes, without building it: what lets a reader
/// leave a control feature outside the parks' reach unbuilt (<see cref="LayerReadRequest.Reach"/>). It covers every
/// ring (a polygon's own envelope, its shell's, is never larger), so a feature whose box is out of reach is out of
/// reach however it is built. Anything else — another type, Z or M, a NaN or infinite coordinate, a ring of fewer than
/// four points or not closed, no point at all, a count beyond the bytes — has no box here and is built and checked as usual.
/// </summary>
internal static class WkbBox
{
    private const uint Polygon = 3;
    private const uint MultiPolygon = 6;

    /// <summary>The box of a plain 2D polygon or multipolygon with finite coordinates, or false.</summary>
    public static bool TryRead(ReadOnlySpan<byte> wkb, out Envelope box)
    {
        box = null!;
        var minX = double.PositiveInfinity;
        var minY = double.PositiveInfinity;
        var maxX = double.NegativeInfinity;
        var maxY = double.NegativeInfinity;
        if (!TryHeader(wkb, 0, out var littleEndian, out var type, out var position))
        {
            return false;
        }

        if (type == Polygon)
        {
            if (!TryPolygon(wkb, ref position, littleEndian, ref minX, ref minY, ref maxX, ref maxY))
            {
                return false;
            }
        }
        else if (type == MultiPolygon)
        {
            if (position + 4 > wkb.Length)
            {
                return false;
            }

            var members = UInt32(wkb, position, littleEndian);
            position += 4;
            for (var m = 0u; m < members; m++)
            {
                if (!TryHeader(wkb, position, out var memberLittleEndian, out var memberType, out position) || memberType != Polygon
                    || !TryPolygon(wkb, ref position, memberLittleEndian, ref minX, ref minY, ref maxX, ref maxY))
                {
                    return false;
                }
            }
        }
        else
        {
            return false;
        }

        if (position != wkb.Length || !(minX <= maxX && minY <= maxY) || !double.IsFinite(minX) || !double.IsFinite(maxX) || !double.IsFinite(minY) || !double.IsFinite(maxY))
        {
            return false;
        }

        box = new Envelope(minX, maxX, minY, maxY);
        return true;
    }

    private static bool TryHeader(ReadOnlySpan<byte> wkb, int at, out bool littleEndian, out uint type, out int position)
    {
        littleEndian = false;
        type = 0;
        position = at;
        if (at + 5 > wkb.Length || wkb[at] > 1)
        {
            return false;
        }

        littleEndian = wkb[at] == 1;
        type = UInt32(wkb, at + 1, littleEndian); // any Z, M or SRID flag makes it another type here
        position = at + 5;
        return true;
    }

    private static bool TryPolygon(ReadOnlySpan<byte> wkb, ref int position, bool littleEndian, ref double minX, ref double minY, ref double maxX, ref double maxY)
    {
        if (position + 4 > wkb.Length)
        {
            return false;
        }

        var rings = UInt32(wkb, position, littleEndian);
        position += 4;
        for (var r = 0u; r < rings; r++)
        {
            if (position + 4 > wkb.Length)
            {
                return false;
            }

            var points = UInt32(wkb, position, littleEndian);
            position += 4;
            if (points < 4 || points > (uint)(wkb.Length - position) / 16 || !IsClosed(wkb, position, (int)points, littleEndian))
            {
                return false;
            }

            for (var p = 0u; p < points; p++, position += 16)
            {
                var x = Double(wkb, position, littleEndian);
                var y = Double(wkb, position + 8, littleEndian);
                if (!double.IsFinite(x) || !double.IsFinite(y))
                {
                    return false;
                }

                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
            }
        }

        return true;
    }

    private static bool IsClosed(ReadOnlySpan<byte> wkb, int first, int points, bool littleEndian)
    {
        var last = first + (16 * (points - 1));
        return Double(wkb, first, littleEndian).Equals(Double(wkb, last, littleEndian)) && Double(wkb, first + 8, littleEndian).Equals(Double(wkb, last + 8, littleEndian));
    }

    private static uint UInt32(ReadOnlySpan<byte> wkb, int position, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[position..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[position..]);

    private static double Double(ReadOnlySpan<byte> wkb, int position, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(wkb[position..]) : BinaryPrimitives.ReadDoubleBigEndian(wkb[position..]);
}
