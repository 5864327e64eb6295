using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads an ESRI shapefile with NetTopologySuite.IO.Esri.Shapefile. Companion files are found
/// case-insensitively; .shx and .dbf are required. The CRS comes from the .prj (ESRI or OGC WKT), or from the
/// zone prefix of 8-digit eastings; text is decoded as <see cref="DbfTextEncoding"/> decides. DBF values
/// become string, long (N without decimals), double, bool, DateOnly (D) or null. Invalid shapes are kept as
/// read (the engine reports them); null shapes become an empty geometry; deleted records are skipped but still
/// count for ordinals.
/// </summary>
internal static partial class ShapefileLayerReader
{
    public static SourceLayer Read(LayerReadRequest request)
    {
        var folder = Path.GetDirectoryName(request.FilePath) ?? ".";
        var baseName = Path.GetFileNameWithoutExtension(request.FilePath);
        var shx = Companion(folder, baseName, ".shx");
        var dbf = Companion(folder, baseName, ".dbf");
        var prj = Companion(folder, baseName, ".prj");
        var cpg = Companion(folder, baseName, ".cpg");
        foreach (var (path, extension) in new[] { (shx, ".shx"), (dbf, ".dbf") })
        {
            if (path is null)
            {
                throw new UnusableInputException(
                    ErrorCodes.MissingCompanionFile,
                    $"{request.InputName} has no {extension} file ({baseName}{extension}).",
                    request.InputName,
                    hint: "A shapefile is several files: copy the .shp together with its .shx, .dbf, .prj and .cpg.");
            }
        }

        RequireComplete(request);
        var issues = new List<DataIssue>();
        var encoding = DbfTextEncoding.Detect(dbf!, cpg, request, issues);
        var crs = LayerCrsResolver.Resolve(request, () => DeclaredCrs(prj, request), () => HeaderExtent(request.FilePath));
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(crs.Epsg);
        var options = new ShapefileReaderOptions
        {
            Encoding = encoding,
            Factory = factory,
            GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes,
        };

        using var shpStream = new FileStream(request.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var dbfStream = new MemoryStream(DbfNumberScreen.Screen(dbf!, request, issues), writable: false);
        using var reader = Shapefile.OpenRead(shpStream, dbfStream, options);
        var fields = reader.Fields;
        var names = new string[fields.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = fields[i].Name;
        }

        var schema = new AttributeSchema(names);
        var features = new List<SourceFeature>(Math.Clamp(reader.RecordCount, 0, 1 << 20));
        var ordinal = 0;
        while (reader.Read(out var deleted))
        {
            ordinal++;
            if (deleted)
            {
                continue;
            }

            var values = new object?[names.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Normalize(fields[i].Value);
            }

            var geometry = reader.Geometry is { } shape ? shape : factory.CreateGeometryCollection();
            features.Add(new SourceFeature(ordinal, geometry, new AttributeRow(schema, values)));
        }

        return new SourceLayer(crs, features, issues);
    }

    private static CrsDefinition? DeclaredCrs(string? prjPath, LayerReadRequest request)
    {
        if (prjPath is null)
        {
            return null;
        }

        var wkt = File.ReadAllText(prjPath).Trim();
        if (wkt.Length == 0)
        {
            return null;
        }

        if (CrsRegistry.FromWkt(wkt) is { } crs)
        {
            return crs;
        }

        var name = WktName().Match(wkt) is { Success: true } match ? match.Groups[1].Value : wkt[..Math.Min(60, wkt.Length)];
        throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            $"{request.InputName} is in the CRS \"{name}\" (from its .prj), which ParkGis does not support.",
            request.InputName,
            hint: "Reproject to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger zone (EPSG:4491–4554), or set \"crs\" for the layer in parkgis.json if the .prj is wrong.");
    }

    /// <summary>
    /// A .shp shorter than its header's file length (bytes 24–27, big-endian, in 16-bit words) was cut off; the
    /// library would read the last shape as garbage instead of failing.
    /// </summary>
    private static void RequireComplete(LayerReadRequest request)
    {
        Span<byte> header = stackalloc byte[100];
        long actual;
        using (var stream = File.OpenRead(request.FilePath))
        {
            actual = stream.Length;
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                throw Truncated(request, $"the file has {actual} bytes, less than the 100-byte header");
            }
        }

        var declared = BinaryPrimitives.ReadInt32BigEndian(header[24..]) * 2L;
        if (actual < declared)
        {
            throw Truncated(request, $"its header declares {declared} bytes but the file has {actual}");
        }
    }

    private static UnusableInputException Truncated(LayerReadRequest request, string reason) => new(
        ErrorCodes.UnreadableInput,
        string.Create(CultureInfo.InvariantCulture, $"{request.InputName} is truncated: {reason}."),
        request.InputName,
        hint: "The .shp was cut off (an interrupted copy or download): copy it again together with its .shx, .dbf, .prj and .cpg.");

    /// <summary>The bounding box in the .shp header (bytes 36–67: Xmin, Ymin, Xmax, Ymax, little-endian).</summary>
    private static Envelope HeaderExtent(string shpPath)
    {
        Span<byte> header = stackalloc byte[100];
        using var stream = File.OpenRead(shpPath);
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return new Envelope();
        }

        var minX = BinaryPrimitives.ReadDoubleLittleEndian(header[36..]);
        var minY = BinaryPrimitives.ReadDoubleLittleEndian(header[44..]);
        var maxX = BinaryPrimitives.ReadDoubleLittleEndian(header[52..]);
        var maxY = BinaryPrimitives.ReadDoubleLittleEndian(header[60..]);
        return double.IsFinite(minX) && double.IsFinite(maxX) && minX <= maxX ? new Envelope(minX, maxX, minY, maxY) : new Envelope();
    }

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        string text => text,
        int integer => (long)integer,
        long integer => integer,
        short integer => (long)integer,
        decimal number => (double)number,
        float number => (double)number,
        double number => number,
        DateTime date => DateOnly.FromDateTime(date),
        bool flag => flag,
        _ => value,
    };

    private static string? Companion(string folder, string baseName, string extension)
    {
        var exact = Path.Combine(folder, baseName + extension);
        if (File.Exists(exact))
        {
            return exact;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive }))
        {
            var name = Path.GetFileName(path);
            if (name.Length == baseName.Length + extension.Length
                && name.StartsWith(baseName, StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return path;
            }
        }

        return null;
    }

    [GeneratedRegex("""^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex WktName();
}
