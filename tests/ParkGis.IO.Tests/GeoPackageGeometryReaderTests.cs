using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Tests;

public sealed class GeoPackageGeometryReaderTests
{
    private const string Square = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))";

    [Theory]
    [InlineData(0, 8)]
    [InlineData(1, 40)]
    [InlineData(2, 56)]
    [InlineData(3, 56)]
    [InlineData(4, 72)]
    public void The_header_gives_the_wkb_offset_for_every_envelope_indicator(int envelope, int wkbOffset)
    {
        foreach (var littleEndian in new[] { true, false })
        {
            var blob = Blob(envelope, littleEndian, srsId: 4545, Square);

            Assert.Equal(new GeoPackageGeometryHeader(4545, false, wkbOffset), GeoPackageGeometryHeader.Read(blob));
        }
    }

    [Fact]
    public void The_header_reads_the_empty_flag_and_a_negative_srs_id()
    {
        var blob = Blob(0, littleEndian: false, srsId: -1, "POINT EMPTY", flags: 0b1_0000);

        Assert.Equal(new GeoPackageGeometryHeader(-1, true, 8), GeoPackageGeometryHeader.Read(blob));
    }

    [Theory]
    [InlineData("wrong magic", "not the magic \"GP\"")]
    [InlineData("version 1", "version byte is 1")]
    [InlineData("extended type", "extended (non-standard) geometry type")]
    [InlineData("envelope indicator 5", "envelope indicator is 5")]
    [InlineData("envelope cut off", "fewer than its header and envelope")]
    [InlineData("shorter than 8 bytes", "fewer than the 8-byte header")]
    public void A_blob_that_is_not_a_standard_geopackage_geometry_is_an_error_saying_why_never_an_empty_geometry(string variant, string reason)
    {
        var blob = Odd(variant);

        var header = Assert.Throws<ParseException>(() => GeoPackageGeometryHeader.Read(blob));
        var read = Assert.Throws<ParseException>(() => new GeoPackageGeometryReader().Read(blob));

        Assert.Contains(reason, header.Message, StringComparison.Ordinal);
        Assert.Equal(header.Message, read.Message);
    }

    [Theory]
    [InlineData("wkb cut off")]
    [InlineData("unknown geometry type")]
    [InlineData("no wkb")]
    public void A_blob_with_a_good_header_and_broken_wkb_is_a_parse_exception(string variant)
    {
        Assert.Throws<ParseException>(() => new GeoPackageGeometryReader().Read(Odd(variant)));
    }

    [Theory]
    [InlineData(Square)]
    [InlineData("POINT (1 2)")]
    [InlineData("POINT EMPTY")]
    [InlineData("LINESTRING (0 0, 1 1, 2 0)")]
    [InlineData("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))")]
    [InlineData("POLYGON Z ((0 0 1, 10 0 2, 10 10 3, 0 0 1))")]
    [InlineData("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))")]
    [InlineData("POLYGON EMPTY")]
    public void Geometries_are_read_as_geopackage_geo_reader_reads_them(string wkt)
    {
        for (var envelope = 0; envelope <= 4; envelope++)
        {
            foreach (var littleEndian in new[] { true, false })
            {
                var blob = Blob(envelope, littleEndian, srsId: 4545, wkt, flags: wkt.EndsWith("EMPTY", StringComparison.Ordinal) ? 0b1_0000 : 0);
                AssertSameAsGeneralReader(blob);
            }
        }
    }

    [Fact]
    public void A_blob_written_by_geopackage_geo_writer_is_read_as_before()
    {
        var geometry = new WKTReader().Read(Square);
        geometry.SRID = 4490;

        AssertSameAsGeneralReader(new GeoPackageGeoWriter().Write(geometry));
    }

    [Fact]
    public void An_unclosed_ring_is_read_as_the_general_reader_reads_it()
    {
        AssertSameAsGeneralReader(Odd("ring not closed"));
    }

    [Theory]
    [InlineData("MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1)), ((5 5, 6 5, 6 6, 5 5)))", "LittleEndian", "")]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))", "BigEndian", "")]
    [InlineData("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", "BigEndian", "")]
    [InlineData(Square, "LittleEndian", "one byte more")]
    [InlineData(Square, "LittleEndian", "infinity inside")]
    [InlineData(Square, "LittleEndian", "NaN closing")]
    [InlineData(Square, "LittleEndian", "three points")]
    [InlineData(Square, "LittleEndian", "rings beyond the bytes")]
    [InlineData("MULTIPOLYGON EMPTY", "LittleEndian", "")]
    public void Polygons_read_without_the_general_reader_are_what_it_reads_and_the_rest_goes_to_it(string wkt, string byteOrder, string change)
    {
        var wkb = new WKBWriter(Enum.Parse<ByteOrder>(byteOrder), handleSRID: false, emitZ: false).Write(new WKTReader().Read(wkt));
        wkb = change switch
        {
            "one byte more" => [.. wkb, 0],
            "infinity inside" => WithDouble(wkb, 13 + 16, double.PositiveInfinity),
            "NaN closing" => WithDouble(WithDouble(wkb, 13, double.NaN), 13 + (4 * 16), double.NaN),
            "three points" => WithCount(wkb, 9, 3),
            "rings beyond the bytes" => WithCount(wkb, 5, 1000),
            _ => wkb,
        };
        var header = Blob(0, littleEndian: true, srsId: 4545, "POINT (0 0)")[..8];

        AssertSameAsGeneralReader([.. header, .. wkb]);
    }

    private static byte[] WithDouble(byte[] wkb, int at, double value)
    {
        var changed = wkb.ToArray();
        BinaryPrimitives.WriteDoubleLittleEndian(changed.AsSpan(at), value);
        return changed;
    }

    private static byte[] WithCount(byte[] wkb, int at, int count)
    {
        var changed = wkb.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(changed.AsSpan(at), count);
        return changed;
    }

    private static byte[] Odd(string variant)
    {
        var good = Blob(1, littleEndian: true, srsId: 4545, Square);
        return variant switch
        {
            "wrong magic" => [(byte)'X', .. good[1..]],
            "version 1" => [.. good[..2], 1, .. good[3..]],
            "extended type" => [.. good[..3], (byte)(good[3] | 0b10_0000), .. good[4..]],
            "envelope indicator 5" => [.. good[..3], (byte)((5 << 1) | 1), .. good[4..]],
            "envelope cut off" => good[..20],
            "shorter than 8 bytes" => good[..5],
            "wkb cut off" => good[..(good.Length - 7)],
            "unknown geometry type" => [.. good[..41], 99, 0, 0, 0, .. good[45..]],
            "ring not closed" => [.. good[..40], .. UnclosedTriangleWkb()],
            "no wkb" => good[..40],
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };
    }

    /// <summary>WKB of a polygon whose only ring has three points and is not closed.</summary>
    private static byte[] UnclosedTriangleWkb()
    {
        var wkb = new byte[1 + 4 + 4 + 4 + (3 * 16)];
        wkb[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(wkb.AsSpan(1), 3);
        BinaryPrimitives.WriteInt32LittleEndian(wkb.AsSpan(5), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wkb.AsSpan(9), 3);
        double[] ordinates = [0, 0, 10, 0, 10, 10];
        for (var i = 0; i < ordinates.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(wkb.AsSpan(13 + (8 * i)), ordinates[i]);
        }

        return wkb;
    }

    private static void AssertSameAsGeneralReader(byte[] blob)
    {
        var expected = Catch(() => new GeoPackageGeoReader { HandleSRID = true }.Read(blob));
        var actual = Catch(() => new GeoPackageGeometryReader().Read(blob));

        Assert.Equal(expected.Exception?.GetType(), actual.Exception?.GetType());
        Assert.Equal(expected.Exception?.Message, actual.Exception?.Message);
        if (expected.Geometry is not null)
        {
            Assert.NotNull(actual.Geometry);
            Assert.Equal(expected.Geometry.AsText(), actual.Geometry.AsText());
            Assert.True(expected.Geometry.EqualsExact(actual.Geometry));
            Assert.Equal(expected.Geometry.GetType(), actual.Geometry.GetType());
            Assert.Equal(expected.Geometry.SRID, actual.Geometry.SRID);
            Assert.Equal(expected.Geometry.Factory.SRID, actual.Geometry.Factory.SRID);
            Assert.Equal(expected.Geometry.Factory.PrecisionModel, actual.Geometry.Factory.PrecisionModel);
            Assert.Equal(expected.Geometry.Factory.CoordinateSequenceFactory.GetType(), actual.Geometry.Factory.CoordinateSequenceFactory.GetType());
            Assert.Equal(Convert.ToHexString(expected.Geometry.AsBinary()), Convert.ToHexString(actual.Geometry.AsBinary()));
        }
    }

    private static (Geometry? Geometry, Exception? Exception) Catch(Func<Geometry> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return (null, exception);
        }
    }

    /// <summary>A GeoPackage blob with the given envelope indicator (an arbitrary envelope) and header byte order.</summary>
    private static byte[] Blob(int envelope, bool littleEndian, int srsId, string wkt, int flags = 0)
    {
        var geometry = new WKTReader().Read(wkt);
        var wkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: geometry.Coordinate is { } c && !double.IsNaN(c.Z)).Write(geometry);
        var doubles = envelope switch { 0 => 0, 1 => 4, 2 or 3 => 6, _ => 8 };
        var blob = new byte[8 + (8 * doubles) + wkb.Length];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[3] = (byte)(flags | (envelope << 1) | (littleEndian ? 1 : 0));
        if (littleEndian)
        {
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), srsId);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), srsId);
        }

        for (var i = 0; i < doubles; i++)
        {
            var value = 1000.5 + i;
            if (littleEndian)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(8 + (8 * i)), value);
            }
            else
            {
                BinaryPrimitives.WriteDoubleBigEndian(blob.AsSpan(8 + (8 * i)), value);
            }
        }

        wkb.CopyTo(blob, 8 + (8 * doubles));
        return blob;
    }
}
