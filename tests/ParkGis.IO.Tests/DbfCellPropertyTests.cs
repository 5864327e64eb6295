using System.Globalization;
using System.Text;
using ParkGis.IO.Formats;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// The DBF reader decodes cells on the stack and shares repeated values; these properties hold it to the plain
/// string reading it replaced — <c>GetString(cell).Trim('\0').TrimEnd()</c> for text, Latin-1 text trimmed as
/// <c>Trim().Trim('\0').Trim()</c> and parsed for numbers and dates — on random cells of padding, NULs, white space,
/// digits, signs, stars and the lead bytes of every multi-byte encoding a .cpg can name; and text cells in every code
/// page .NET offers (a .cpg may name any), the double-byte and stateful ones (ISO-2022, HZ, EUC), UTF-16 and UTF-32
/// included, against the plain reading in the encoding the reader settles on.
/// </summary>
public sealed class DbfCellPropertyTests
{
    private const int Rows = 400;

    /// <summary>Rows per code page in the every-code-page theory.</summary>
    private const int CodePageRows = 24;

    private static readonly (string Name, char Type, int Length, int Decimals)[] Fields =
        [("t_short", 'C', 12, 0), ("t_wide", 'C', 254, 0), ("n_int", 'N', 12, 0), ("n_dec", 'N', 19, 4), ("f_num", 'F', 24, 0), ("d_date", 'D', 8, 0)];

    static DbfCellPropertyTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData("UTF-8", 1)]
    [InlineData("CP936", 2)]
    [InlineData("GB18030", 3)]
    [InlineData("BIG5", 4)]
    [InlineData("1252", 5)]
    [InlineData("ISO-8859-1", 6)]
    public void Random_cells_read_as_the_plain_string_reading_reads_them(string cpg, int seed)
    {
        var encoding = DbfTextEncoding.FromCpg(cpg)!;
        var random = new Random(seed);
        using var folder = new TestFolder();
        var shp = Squares(folder.Path, cpg, Fields, Rows);
        var dbfPath = Path.ChangeExtension(shp, ".dbf");
        var dbf = File.ReadAllBytes(dbfPath);
        var headerLength = 32 + (32 * Fields.Length) + 1;
        var recordLength = 1 + Fields.Sum(f => f.Length);
        var cells = new byte[Rows][][];
        for (var row = 0; row < Rows; row++)
        {
            cells[row] = new byte[Fields.Length][];
            var offset = headerLength + (row * recordLength) + 1;
            for (var f = 0; f < Fields.Length; f++)
            {
                var cell = Cell(random, Fields[f].Type, Fields[f].Length, row);
                cell.CopyTo(dbf, offset);
                cells[row][f] = cell;
                offset += cell.Length;
            }
        }

        File.WriteAllBytes(dbfPath, dbf);

        var layer = ShapefileLayerReader.Read(new LayerReadRequest("parcels", shp, Path.GetFileName(shp), null, null, null));

        Assert.Equal(Rows, layer.Features.Count);
        for (var row = 0; row < Rows; row++)
        {
            for (var f = 0; f < Fields.Length; f++)
            {
                var expected = Fields[f].Type switch
                {
                    'C' => PlainText(encoding, cells[row][f]),
                    'D' => PlainDate(cells[row][f]),
                    _ => PlainNumber(Fields[f].Decimals, cells[row][f]),
                };
                var actual = layer.Features[row].Attributes[Fields[f].Name];
                Assert.True(Equals(expected, actual), $"row {row} field {Fields[f].Name}: expected {Show(expected)}, read {Show(actual)}");
                Assert.Equal(expected?.GetType(), actual?.GetType());
            }
        }
    }

    /// <summary>Every code page .NET offers, the code-pages provider's included.</summary>
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
        var cpg = codePage.ToString(CultureInfo.InvariantCulture);
        var random = new Random(codePage);
        using var folder = new TestFolder();
        var shp = Squares(folder.Path, cpg, [("a", 'C', 254, 0), ("b", 'C', 7, 0)], CodePageRows);
        var dbfPath = Path.ChangeExtension(shp, ".dbf");
        var dbf = File.ReadAllBytes(dbfPath);
        var headerLength = 32 + (32 * 2) + 1;
        var cells = new byte[CodePageRows][][];
        for (var row = 0; row < CodePageRows; row++)
        {
            var offset = headerLength + (row * (1 + 254 + 7)) + 1;
            cells[row] = [CodePageCell(random, 254), CodePageCell(random, 7)];
            cells[row][0].CopyTo(dbf, offset);
            cells[row][1].CopyTo(dbf, offset + 254);
        }

        File.WriteAllBytes(dbfPath, dbf);
        var request = new LayerReadRequest("parcels", shp, Path.GetFileName(shp), null, null, null);
        var encoding = DbfTextEncoding.Detect(dbf, Path.ChangeExtension(shp, ".cpg"), request, []);

        var layer = ShapefileLayerReader.Read(request);

        Assert.Equal(CodePageRows, layer.Features.Count);
        for (var row = 0; row < CodePageRows; row++)
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
    private static byte[] CodePageCell(Random random, int length)
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

    /// <summary>A shapefile of <paramref name="rows"/> squares with <paramref name="fields"/> and <paramref name="cpg"/>; its .shp path.</summary>
    private static string Squares(string folder, string cpg, IEnumerable<(string Name, char Type, int Length, int Decimals)> fields, int rows)
    {
        var shapefile = new RawShapefile { Cpg = cpg };
        shapefile.Fields.Clear();
        shapefile.Fields.AddRange(fields);
        for (var i = 0; i < rows; i++)
        {
            shapefile.Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000 + (i * 200), 4_386_000)]));
        }

        return shapefile.Write(folder);
    }

    private static string Show(object? value) => value is null ? "null" : $"{value.GetType().Name} \"{value}\"";

    /// <summary>A cell of the field's length: mostly what writers write, often not.</summary>
    private static byte[] Cell(Random random, char type, int length, int row)
    {
        var cell = new byte[length];
        Array.Fill(cell, (byte)' ');
        byte[] pool = type == 'C'
            ? [0x00, 0x20, 0x09, 0x0A, 0x85, 0xA0, 0x41, 0x7A, 0x30, 0x81, 0xA1, 0xB0, 0xC4, 0xE4, 0xE3, 0x80, 0xFE, 0xFF, 0x40, 0x39, 0x5C]
            : [0x00, 0x20, 0x09, 0x0B, 0x85, 0xA0, 0x2A, 0x2B, 0x2D, 0x2E, 0x45, 0x65, 0x30, 0x31, 0x32, 0x35, 0x39, 0x30, 0x31, 0x38];
        switch (random.Next(6))
        {
            case 0: // all padding
                break;
            case 1: // all NUL
                Array.Fill(cell, (byte)0);
                break;
            case 2: // a value as writers write it
                var text = type switch
                {
                    'C' => new[] { "工业用地", "P01", "鄂托克", "已供", string.Empty }[random.Next(5)],
                    'D' => new[] { "20240131", "20230229", "00000000", "2024-1-31", "99991231" }[random.Next(5)],
                    _ => new[] { "12", "-7", "3.25", "1e3", "99999999999999999999", "*****", "12,5", "0.0001" }[random.Next(8)],
                };
                var bytes = type == 'C' ? Encoding.UTF8.GetBytes(text) : Encoding.ASCII.GetBytes(text);
                var count = Math.Min(bytes.Length, length);
                bytes.AsSpan(0, count).CopyTo(cell.AsSpan(type == 'C' ? 0 : length - count));
                break;
            default: // random bytes, then padding or NULs after them
                var used = random.Next(1, Math.Min(length, 16) + 1);
                var start = type == 'C' ? 0 : random.Next(length - used + 1);
                for (var i = 0; i < used; i++)
                {
                    cell[start + i] = pool[random.Next(pool.Length)];
                }

                if (random.Next(3) == 0)
                {
                    Array.Fill(cell, (byte)(row % 2 == 0 ? 0 : ' '), start + used, length - start - used);
                }

                break;
        }

        return cell;
    }

    private static string? PlainText(Encoding encoding, byte[] cell) =>
        !cell.AsSpan().ContainsAnyExcept((byte)0) ? null : encoding.GetString(cell).Trim('\0').TrimEnd();

    private static object? PlainNumber(int decimals, byte[] cell)
    {
        var text = Encoding.Latin1.GetString(cell).Trim().Trim('\0').Trim();
        if (text.Length == 0 || text.Trim('*').Length == 0)
        {
            return null;
        }

        if (decimals == 0 && text.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                return big;
            }
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static object? PlainDate(byte[] cell)
    {
        var text = Encoding.Latin1.GetString(cell).Trim().Trim('\0').Trim();
        if (text.Length == 0 || text == "00000000")
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
