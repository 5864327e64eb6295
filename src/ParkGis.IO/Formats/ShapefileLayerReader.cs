using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads an ESRI shapefile: shapes with <see cref="ShpRecords"/>, attributes with <see cref="DbfTable"/>, both
/// checked against the real file sizes. Companion files are found case-insensitively and must lie in the dataset
/// folder; .shx and .dbf are required, and the .shp, .shx and .dbf must agree on the number of records (a .dbf with
/// fewer or more records than there are shapes is PG0104 naming the first record without a partner). The CRS comes
/// from the .prj (ESRI or OGC WKT), or from the zone prefix of 8-digit eastings; text is decoded as
/// <see cref="DbfTextEncoding"/> decides. DBF values become string, long (N without decimals; decimal beyond 64
/// bits), double, bool, DateOnly (D) or null. Shapes are kept as read (the engine reports invalid ones); Null shapes
/// become an empty geometry; deleted records are skipped but still count for ordinals.
/// </summary>
internal static partial class ShapefileLayerReader
{
    private const int ShxRecordLength = 8;

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
                    Localized.Format("ShapefileCompanionMissing", request.InputName, extension, baseName, extension),
                    request.InputName,
                    hint: Localized.Get("ShapefileCompanionHint"));
            }
        }

        foreach (var companion in new[] { shx, dbf, prj, cpg })
        {
            if (companion is not null)
            {
                Datasets.DatasetFiles.RequireInside(folder, companion, Path.GetFileName(companion));
            }
        }

        var issues = new List<DataIssue>();
        var table = DbfTable.Read(dbf!, cpg, request, issues);
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory();
        var features = new List<SourceFeature>(Math.Min(table.RecordCount, 1 << 20));
        var schema = new AttributeSchema(table.FieldNames);
        var shapes = 0;
        using (var records = ShpRecords.Open(request, factory, issues))
        {
            records.Reach = request.Reach is { } reach && LayerCrsResolver.Known(request, () => DeclaredCrs(prj, request)) is { } known ? reach(known) : null;
            while (records.TryRead(out var geometry))
            {
                shapes++;
                if (shapes > table.RecordCount)
                {
                    throw CountMismatch(request, dbf!, table.RecordCount, shapes, shapes);
                }

                if (table.IsDeleted(shapes - 1))
                {
                    continue;
                }

                features.Add(new SourceFeature(shapes, geometry, new AttributeRow(schema, table.Values(shapes - 1))));
            }
        }

        if (shapes < table.RecordCount)
        {
            throw CountMismatch(request, dbf!, table.RecordCount, shapes, shapes + 1);
        }

        var indexed = (new FileInfo(shx!).Length - ShpRecords.HeaderLength) / ShxRecordLength;
        if (indexed != shapes)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                Localized.Format("ShapefileIndexMismatch", request.InputName, shapes, Path.GetFileName(shx), Math.Max(indexed, 0)),
                request.InputName,
                hint: Localized.Get("ShapefileIndexMismatchHint"));
        }

        var crs = LayerCrsResolver.Resolve(request, () => DeclaredCrs(prj, request), features);
        foreach (var feature in features)
        {
            feature.Geometry.SRID = crs.Epsg;
        }

        return new SourceLayer(crs, features, issues);
    }

    /// <summary>PG0104 for a .shp and .dbf that disagree; <paramref name="first"/> is the first record without a partner.</summary>
    private static UnusableInputException CountMismatch(LayerReadRequest request, string dbfPath, int records, int shapes, int first) => new(
        ErrorCodes.UnreadableInput,
        first > records
            ? Localized.Format("ShapefileMoreShapesThanRecords", request.InputName, records, Path.GetFileName(dbfPath), first)
            : Localized.Format("ShapefileMoreRecordsThanShapes", request.InputName, shapes, Path.GetFileName(dbfPath), records, first),
        request.InputName,
        "#" + first.ToString(CultureInfo.InvariantCulture),
        Localized.Get("ShapefileDbfMismatchHint"));

    private static CrsDefinition? DeclaredCrs(string? prjPath, LayerReadRequest request)
    {
        if (prjPath is null)
        {
            return null;
        }

        var wkt = SidecarFile.ReadText(prjPath, request.InputName).Trim();
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
            Localized.Format("ShapefileUnsupportedCrs", request.InputName, name),
            request.InputName,
            hint: Localized.Get("ShapefileReprojectHint"));
    }

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
