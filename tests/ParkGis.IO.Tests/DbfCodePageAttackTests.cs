using System.Text;
using ParkGis.IO.Formats;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// A .cpg may name any code page .NET knows, not only the six the property test samples: for each of them — the
/// double-byte and stateful ones (ISO-2022, HZ, EUC), UTF-16 and UTF-32 included — the stack decoding of a text cell
/// must read what <c>GetString(cell).Trim('\0').TrimEnd()</c> reads in the encoding the reader settles on, cells of
/// 254 bytes of lead bytes, escapes, NULs and padding included, and never throw.
/// </summary>
public sealed class DbfCodePageAttackTests
{
    private const int Rows = 24;

    static DbfCodePageAttackTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static TheoryData<int> CodePages()
    {
        var pages = new TheoryData<int>();
        foreach (var page in Encoding.GetEncodings().Select(e => e.CodePage)
            .Concat(CodePagesEncodingProvider.Instance.GetEncodings().Select(e => e.CodePage)).Distinct().Order())
        {
            pages.Add(page);
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(CodePages))]
    public void A_text_cell_in_any_code_page_reads_as_the_plain_string_reading(int codePage)
    {
        var cpg = codePage.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(codePage);
        var shapefile = new RawShapefile { Cpg = cpg };
        shapefile.Fields.Clear();
        shapefile.Fields.AddRange([("a", 'C', 254, 0), ("b", 'C', 7, 0)]);
        for (var i = 0; i < Rows; i++)
        {
            shapefile.Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000 + (i * 200), 4_386_000)]));
        }

        using var folder = new TestFolder();
        var shp = shapefile.Write(folder.Path);
        var dbfPath = Path.ChangeExtension(shp, ".dbf");
        var dbf = File.ReadAllBytes(dbfPath);
        var headerLength = 32 + (32 * 2) + 1;
        var cells = new byte[Rows][][];
        for (var row = 0; row < Rows; row++)
        {
            var offset = headerLength + (row * (1 + 254 + 7)) + 1;
            cells[row] = [Cell(random, 254), Cell(random, 7)];
            cells[row][0].CopyTo(dbf, offset);
            cells[row][1].CopyTo(dbf, offset + 254);
        }

        File.WriteAllBytes(dbfPath, dbf);
        var request = new LayerReadRequest("parcels", shp, Path.GetFileName(shp), null, null, null);
        var encoding = DbfTextEncoding.Detect(dbf, Path.ChangeExtension(shp, ".cpg"), request, []);

        var layer = ShapefileLayerReader.Read(request);

        Assert.Equal(Rows, layer.Features.Count);
        for (var row = 0; row < Rows; row++)
        {
            var values = layer.Features[row].Attributes.Values.ToArray();
            for (var f = 0; f < 2; f++)
            {
                var cell = cells[row][f];
                var expected = cell.AsSpan().ContainsAnyExcept((byte)0) ? encoding.GetString(cell).Trim('\0').TrimEnd() : null;
                Assert.True(Equals(expected, values[f]), $"code page {codePage} ({encoding.WebName}), row {row}, field {f}");
            }
        }
    }

    /// <summary>Padding, NULs, lead and trail bytes, escapes (ESC $ B, ~{, +) and line ends, in runs or at random.</summary>
    private static byte[] Cell(Random random, int length)
    {
        byte[] pool = [0x00, 0x20, 0x09, 0x0A, 0x0D, 0x1B, 0x24, 0x28, 0x42, 0x7E, 0x7B, 0x2B, 0x2D, 0x0E, 0x0F, 0x81, 0x8E, 0x8F, 0xA1, 0xA4,
            0xB0, 0xC4, 0xD9, 0xE4, 0xE8, 0xE9, 0xEA, 0xEF, 0xF0, 0xFE, 0xFF, 0x85, 0xA0, 0x41, 0x30];
        var cell = new byte[length];
        Array.Fill(cell, (byte)' ');
        var used = random.Next(4) switch
        {
            0 => 0,
            1 => length,
            _ => random.Next(1, length + 1),
        };
        for (var i = 0; i < used; i++)
        {
            cell[i] = random.Next(3) == 0 ? (byte)random.Next(256) : pool[random.Next(pool.Length)];
        }

        if (random.Next(4) == 0)
        {
            Array.Fill(cell, (byte)0, used, length - used);
        }

        return cell;
    }
}
