using System.Buffers.Binary;
using NetTopologySuite.Geometries;

namespace ParkGis.IO.Formats;

/// <summary>
/// Builds a plain polygon or multipolygon straight from its WKB bytes: little-endian, 2D (type 3 or 6, no Z, M or SRID
/// flag), every ring closed with at least four finite points, the last byte used — the form of nearly every polygon
/// in a GeoPackage. The result is what <see cref="NetTopologySuite.IO.WKBReader"/> (strict) builds from the same bytes
/// with <paramref name="factory"/>: a <see cref="Coordinate"/> per point in the factory's sequences. Anything else
/// gives false, and the caller reads it with the general reader, which also reports what is wrong with it.
/// </summary>
internal static class PolygonWkbReader
{
    private const uint Polygon = 3;
    private const uint MultiPolygon = 6;

    /// <summary>The polygon or multipolygon of <paramref name="wkb"/>, or false for any other WKB.</summary>
    public static bool TryRead(ReadOnlySpan<byte> wkb, GeometryFactory factory, out Geometry geometry)
    {
        geometry = null!;
        if (!TryType(wkb, 0, out var type))
        {
            return false;
        }

        var position = 5;
        if (type == Polygon)
        {
            if (TryPolygon(wkb, ref position, factory) is not { } polygon)
            {
                return false;
            }

            geometry = polygon;
        }
        else if (type == MultiPolygon)
        {
            if (position + 4 > wkb.Length)
            {
                return false;
            }

            var count = BinaryPrimitives.ReadUInt32LittleEndian(wkb[position..]);
            position += 4;
            // Each member takes at least 9 bytes and a ring: a count beyond the bytes left is broken WKB.
            if (count == 0 || count > (uint)(wkb.Length - position) / 9)
            {
                return false;
            }

            var polygons = new Polygon[count];
            for (var i = 0; i < polygons.Length; i++)
            {
                if (!TryType(wkb, position, out var memberType) || memberType != Polygon)
                {
                    return false;
                }

                position += 5;
                if (TryPolygon(wkb, ref position, factory) is not { } polygon)
                {
                    return false;
                }

                polygons[i] = polygon;
            }

            geometry = factory.CreateMultiPolygon(polygons);
        }
        else
        {
            return false;
        }

        return position == wkb.Length;
    }

    private static bool TryType(ReadOnlySpan<byte> wkb, int at, out uint type)
    {
        type = 0;
        if (at + 5 > wkb.Length || wkb[at] != 1)
        {
            return false;
        }

        type = BinaryPrimitives.ReadUInt32LittleEndian(wkb[(at + 1)..]);
        return true;
    }

    private static Polygon? TryPolygon(ReadOnlySpan<byte> wkb, ref int position, GeometryFactory factory)
    {
        if (position + 4 > wkb.Length)
        {
            return null;
        }

        var rings = BinaryPrimitives.ReadUInt32LittleEndian(wkb[position..]);
        position += 4;
        // An empty polygon (no ring) is left to the general reader; each ring takes at least 4 + 64 bytes.
        if (rings == 0 || rings > (uint)(wkb.Length - position) / 68)
        {
            return null;
        }

        var shell = TryRing(wkb, ref position, factory);
        if (shell is null)
        {
            return null;
        }

        var holes = new LinearRing[rings - 1];
        for (var i = 0; i < holes.Length; i++)
        {
            if (TryRing(wkb, ref position, factory) is not { } hole)
            {
                return null;
            }

            holes[i] = hole;
        }

        return factory.CreatePolygon(shell, holes);
    }

    private static LinearRing? TryRing(ReadOnlySpan<byte> wkb, ref int position, GeometryFactory factory)
    {
        if (position + 4 > wkb.Length)
        {
            return null;
        }

        var points = BinaryPrimitives.ReadUInt32LittleEndian(wkb[position..]);
        position += 4;
        if (points < 4 || points > (uint)(wkb.Length - position) / 16)
        {
            return null;
        }

        var coordinates = new Coordinate[points];
        var ordinates = wkb.Slice(position, (int)points * 16);
        for (var i = 0; i < coordinates.Length; i++)
        {
            var x = BinaryPrimitives.ReadDoubleLittleEndian(ordinates[(16 * i)..]);
            var y = BinaryPrimitives.ReadDoubleLittleEndian(ordinates[((16 * i) + 8)..]);
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                return null;
            }

            coordinates[i] = new Coordinate(x, y);
        }

        position += ordinates.Length;
        var first = coordinates[0];
        var last = coordinates[^1];
        // Closed as NetTopologySuite's LinearRing requires (Equals2D); an open ring is the general reader's to report.
        return first.X == last.X && first.Y == last.Y ? factory.CreateLinearRing(factory.CoordinateSequenceFactory.Create(coordinates)) : null;
    }
}
