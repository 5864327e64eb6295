using System.Collections;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Publishing;
using ParkGis.Gdal;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes a result layer as a GIS file through libgdal (<see cref="GisFormat"/>): a GBK shapefile with a .cpg and a .prj,
/// a GeoPackage, or a FileGDB, in the CRS given (the dataset's), every geometry through the output-geometry policy
/// (<see cref="OutputGeometryPolicy"/>: 1 mm in projected CRSs, 1e-9° in lon/lat). Attributes keep their names (cut to
/// 10 GBK bytes in a shapefile, <see cref="ShapefileFieldNames"/>) and their types: numbers as numbers, dates as dates,
/// true/false as 1/0, lists as comma-separated text.
/// </summary>
public static class GisLayerWriter
{
    /// <summary>The width of a shapefile's text fields, in GBK bytes (the DBF format's limit); GDAL cuts longer values.</summary>
    public const int DbfTextBytes = 254;

    /// <summary>Writes <paramref name="features"/> (geometry in <paramref name="crs"/>) as the layer <paramref name="layerName"/> into <paramref name="folder"/>.</summary>
    /// <returns>What the output-geometry policy did, and how many text values a shapefile's 254-byte DBF field cut.</returns>
    /// <exception cref="GdalUnavailableException">libgdal cannot be loaded.</exception>
    /// <exception cref="OgrException">GDAL refuses to write the file.</exception>
    public static GisLayerWriteResult Write(string folder, GisFormat format, string layerName, CrsDefinition crs, IReadOnlyList<GeoJsonFeature> features)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(crs);
        ArgumentNullException.ThrowIfNull(features);
        var names = new List<string>();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            foreach (var (key, _) in feature.Properties)
            {
                if (column.TryAdd(key, names.Count))
                {
                    names.Add(key);
                }
            }
        }

        var kinds = names.Select(name => KindOf(features, name)).ToList();
        var fileNames = format == GisFormat.Shapefile ? ShapefileFieldNames.Of(names) : names;
        var definition = new OgrLayerDefinition(
            layerName,
            crs.Epsg,
            GeometryTypeOf(features),
            [.. fileNames.Select((name, i) => (name, kinds[i]))],
            format == GisFormat.Shapefile ? ["ENCODING=CP936"] : []);
        var policy = OutputGeometryPolicy.ForDecimals(crs.IsGeographic ? 9 : 3);
        var tally = new OutputGeometryTally();
        var wkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: false);
        var textsCut = 0;
        using var writer = OgrLayerWriter.Create(Path.Combine(folder, GisFormats.MainFile(format, layerName)), GisFormats.Driver(format), definition);
        foreach (var feature in features)
        {
            var output = policy.Apply(feature.Geometry);
            tally.Add(output, feature.Geometry.IsEmpty);
            var values = new object?[names.Count];
            foreach (var (key, value) in feature.Properties)
            {
                var index = column[key];
                var written = ValueOf(value, kinds[index]);
                values[index] = written;
                if (format == GisFormat.Shapefile && written is string text && DbfTextEncoding.Gbk.GetByteCount(text) > DbfTextBytes)
                {
                    textsCut++;
                }
            }

            writer.Write(output.Geometry.IsEmpty ? null : wkb.Write(Promoted(output.Geometry)), values);
        }

        return new GisLayerWriteResult(tally, textsCut);
    }

    private static int GeometryTypeOf(IReadOnlyList<GeoJsonFeature> features)
    {
        var geometries = features.Select(f => f.Geometry).Where(g => !g.IsEmpty).ToList();
        if (geometries.Count == 0 || geometries.TrueForAll(g => g is IPolygonal))
        {
            return 6; // multipolygon
        }

        return geometries.TrueForAll(g => g is ILineal) ? 5 : geometries.TrueForAll(g => g is Point) ? 1 : 0;
    }

    /// <summary>Polygons as multipolygons and lines as multilines, so that a layer has one geometry type.</summary>
    private static Geometry Promoted(Geometry geometry) => geometry switch
    {
        Polygon polygon => geometry.Factory.CreateMultiPolygon([polygon]),
        LineString line => geometry.Factory.CreateMultiLineString([line]),
        _ => geometry,
    };

    private static OgrFieldKind KindOf(IReadOnlyList<GeoJsonFeature> features, string name)
    {
        OgrFieldKind? kind = null;
        foreach (var feature in features)
        {
            foreach (var (key, value) in feature.Properties)
            {
                if (!string.Equals(key, name, StringComparison.Ordinal) || value is null)
                {
                    continue;
                }

                var valueKind = value switch
                {
                    double or float or decimal => OgrFieldKind.Real,
                    int or long or short or byte or bool => OgrFieldKind.Integer,
                    DateOnly => OgrFieldKind.Date,
                    _ => OgrFieldKind.Text,
                };
                kind = kind switch
                {
                    null => valueKind,
                    OgrFieldKind.Integer when valueKind == OgrFieldKind.Real => OgrFieldKind.Real,
                    OgrFieldKind.Real when valueKind == OgrFieldKind.Integer => OgrFieldKind.Real,
                    _ when kind == valueKind => kind,
                    _ => OgrFieldKind.Text,
                };
            }
        }

        return kind ?? OgrFieldKind.Text;
    }

    private static object? ValueOf(object? value, OgrFieldKind kind) => value switch
    {
        null => null,
        double number when !double.IsFinite(number) => null,
        _ when kind == OgrFieldKind.Text => Text(value),
        bool flag => flag ? 1L : 0L,
        double or DateOnly or long => value,
        float number => (double)number,
        decimal number => (double)number,
        int or short or byte when kind == OgrFieldKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        int or short or byte or long => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => Text(value),
    };

    private static string Text(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => AttributeText.TimeText(time),
        DateTimeOffset time => AttributeText.TimeText(time),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => string.Join(",", sequence.Cast<object?>().Select(item => item is null ? string.Empty : Text(item))),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>What <see cref="GisLayerWriter.Write"/> did to a layer: the output-geometry tally and the text values cut to fit a DBF field.</summary>
/// <param name="Tally">What the output-geometry policy did.</param>
/// <param name="TextsCut">Text values longer than <see cref="GisLayerWriter.DbfTextBytes"/> GBK bytes, cut by the shapefile's DBF (0 in other formats).</param>
public sealed record GisLayerWriteResult(OutputGeometryTally Tally, int TextsCut);
