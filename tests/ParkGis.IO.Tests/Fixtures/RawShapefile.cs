using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ParkGis.Tests.Fixtures;

/// <summary>
/// Writes a shapefile byte by byte after the ESRI Shapefile Technical Description (1998) and dBASE III, so that a
/// test states exactly the file it needs — a PolygonZ, a Point record in a polygon file, a .dbf with fewer records —
/// and can patch one header value (<see cref="PatchShp"/>) to make the damaged file an attack describes. Shared by
/// the IO and CLI tests (linked into both); never a binary blob of unknown origin.
/// </summary>
internal sealed class RawShapefile
{
    /// <summary>CGCS2000 3° Gauss-Krüger zone 36 (CM 108°E) without prefix, as ArcGIS writes it (EPSG:4545).</summary>
    public const string Gk108Prj =
        """PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    /// <summary>Shape type codes.</summary>
    public const int NullShape = 0, Point = 1, PolyLine = 3, Polygon = 5, PolygonZ = 15, PolygonM = 25;

    /// <summary>Offset of the first record's content in the .shp (header and record header).</summary>
    public const int FirstContent = 108;

    static RawShapefile()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The shape type of the file header.</summary>
    public int ShapeType { get; init; } = Polygon;

    /// <summary>Record contents, each starting with its shape type.</summary>
    public List<byte[]> Records { get; } = [];

    /// <summary>DBF fields: name, type (C, N, F, D, L), length, decimals.</summary>
    public List<(string Name, char Type, int Length, int Decimals)> Fields { get; } = [("park_id", 'C', 20, 0), ("name", 'C', 40, 0)];

    /// <summary>DBF rows as cell texts (C left-aligned, others right-aligned).</summary>
    public List<string[]> Rows { get; } = [];

    /// <summary>The encoding the C cells are written in.</summary>
    public Encoding TextEncoding { get; init; } = new UTF8Encoding(false);

    /// <summary>The DBF language-driver byte (offset 29).</summary>
    public byte LanguageDriver { get; init; }

    /// <summary>The .cpg text, or null for none.</summary>
    public string? Cpg { get; init; }

    /// <summary>The .prj text, or null for none.</summary>
    public string? Prj { get; init; } = Gk108Prj;

    /// <summary>GBK (CP936).</summary>
    public static Encoding Gbk => Encoding.GetEncoding(936);

    /// <summary>Adds a polygon record with its attribute row.</summary>
    public RawShapefile Add(byte[] content, params string[] row)
    {
        Records.Add(content);
        Rows.Add(row);
        return this;
    }

    /// <summary>A square ring (clockwise, closed) with its lower-left corner at (x, y).</summary>
    public static double[] Square(double x, double y, double size = 100) =>
        [x, y, x, y + size, x + size, y + size, x + size, y, x, y];

    /// <summary>
    /// The content of a Polygon (5), PolygonZ (15) or PolygonM (25) record; <paramref name="z"/> and
    /// <paramref name="m"/> give one value per point of all rings together.
    /// </summary>
    public static byte[] PolygonContent(int type, double[][] rings, double[]? z = null, double[]? m = null)
    {
        var points = rings.Sum(ring => ring.Length / 2);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(type);
        var all = rings.SelectMany(ring => ring).ToArray();
        var xs = all.Where((_, i) => i % 2 == 0).ToArray();
        var ys = all.Where((_, i) => i % 2 == 1).ToArray();
        writer.Write(xs.Length == 0 ? 0 : xs.Min());
        writer.Write(ys.Length == 0 ? 0 : ys.Min());
        writer.Write(xs.Length == 0 ? 0 : xs.Max());
        writer.Write(ys.Length == 0 ? 0 : ys.Max());
        writer.Write(rings.Length);
        writer.Write(points);
        var start = 0;
        foreach (var ring in rings)
        {
            writer.Write(start);
            start += ring.Length / 2;
        }

        foreach (var value in all)
        {
            writer.Write(value);
        }

        foreach (var values in new[] { z, m })
        {
            if (values is not null)
            {
                writer.Write(values.Min());
                writer.Write(values.Max());
                foreach (var value in values)
                {
                    writer.Write(value);
                }
            }
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>The content of a Point record.</summary>
    public static byte[] PointContent(double x, double y)
    {
        var content = new byte[20];
        BinaryPrimitives.WriteInt32LittleEndian(content, Point);
        BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(4), x);
        BinaryPrimitives.WriteDoubleLittleEndian(content.AsSpan(12), y);
        return content;
    }

    /// <summary>Writes <c>name.shp</c>, <c>.shx</c>, <c>.dbf</c> and, when set, <c>.prj</c> and <c>.cpg</c>; returns the .shp path.</summary>
    public string Write(string folder, string name = "parks")
    {
        var shp = Path.Combine(folder, name + ".shp");
        var main = new MemoryStream();
        var index = new MemoryStream();
        main.Write(new byte[100]);
        index.Write(new byte[100]);
        Span<byte> header = stackalloc byte[8];
        for (var i = 0; i < Records.Count; i++)
        {
            var offsetWords = (int)(main.Length / 2);
            BinaryPrimitives.WriteInt32BigEndian(header, i + 1);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], Records[i].Length / 2);
            main.Write(header);
            main.Write(Records[i]);
            BinaryPrimitives.WriteInt32BigEndian(header, offsetWords);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], Records[i].Length / 2);
            index.Write(header);
        }

        File.WriteAllBytes(shp, WithHeader(main.ToArray()));
        File.WriteAllBytes(Path.ChangeExtension(shp, ".shx"), WithHeader(index.ToArray()));
        File.WriteAllBytes(Path.ChangeExtension(shp, ".dbf"), Dbf());
        if (Prj is not null)
        {
            File.WriteAllText(Path.ChangeExtension(shp, ".prj"), Prj);
        }

        if (Cpg is not null)
        {
            File.WriteAllText(Path.ChangeExtension(shp, ".cpg"), Cpg);
        }

        return shp;
    }

    /// <summary>Overwrites a 32-bit integer of a written .shp (big- or little-endian as the format stores it there).</summary>
    public static void PatchShp(string shpPath, int offset, int value, bool bigEndian = false)
    {
        var bytes = File.ReadAllBytes(shpPath);
        if (bigEndian)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);
        }

        File.WriteAllBytes(shpPath, bytes);
    }

    private byte[] WithHeader(byte[] file)
    {
        BinaryPrimitives.WriteInt32BigEndian(file, 9994);
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(24), file.Length / 2);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(28), 1000);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(32), ShapeType);
        return file;
    }

    private byte[] Dbf()
    {
        var recordLength = 1 + Fields.Sum(field => field.Length);
        var headerLength = 32 + (32 * Fields.Count) + 1;
        using var stream = new MemoryStream();
        var header = new byte[32];
        header[0] = 0x03;
        header[1] = 125;
        header[2] = 1;
        header[3] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)Rows.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)headerLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), (ushort)recordLength);
        header[29] = LanguageDriver;
        stream.Write(header);
        foreach (var (name, type, length, decimals) in Fields)
        {
            var descriptor = new byte[32];
            Encoding.ASCII.GetBytes(name).AsSpan(0, Math.Min(10, name.Length)).CopyTo(descriptor);
            descriptor[11] = (byte)type;
            descriptor[16] = (byte)length;
            descriptor[17] = (byte)decimals;
            stream.Write(descriptor);
        }

        stream.WriteByte(0x0D);
        foreach (var row in Rows)
        {
            stream.WriteByte((byte)' ');
            for (var i = 0; i < Fields.Count; i++)
            {
                var (_, type, length, _) = Fields[i];
                var text = i < row.Length ? row[i] : string.Empty;
                var bytes = type == 'C' ? TextEncoding.GetBytes(text) : Encoding.ASCII.GetBytes(text);
                var cell = Enumerable.Repeat((byte)' ', length).ToArray();
                var count = Math.Min(bytes.Length, length);
                bytes.AsSpan(0, count).CopyTo(cell.AsSpan(type == 'C' ? 0 : length - count));
                stream.Write(cell);
            }
        }

        stream.WriteByte(0x1A);
        return stream.ToArray();
    }

    /// <summary>Invariant text of a number, for DBF cells.</summary>
    public static string Cell(double value) => value.ToString(CultureInfo.InvariantCulture);
}
