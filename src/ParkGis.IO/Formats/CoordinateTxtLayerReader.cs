using System.Globalization;
using System.Text;
using NetTopologySuite;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads the ministry's coordinate TXT (国土资源部/自然资源部 建设用地报批坐标文件): a <c>[属性描述]</c> block of
/// <c>key=value</c> lines (坐标系, 几度分带, 投影类型, 计量单位, 带号, …), then <c>[地块坐标]</c> with, per parcel
/// (地块), a header line <c>界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码,…,@</c> followed
/// by one row per boundary point <c>点号,圈号,X,Y</c>, X being the northing and Y the easting (with or without the
/// zone prefix). Each parcel becomes one feature; its rings are grouped by 圈号 (1 the outer ring, 2… holes — a
/// ring inside no other ring is taken as a further outer ring, giving a MultiPolygon). The file is UTF-8 when it
/// is valid UTF-8, else GBK (what Windows software writes). CRS: 坐标系 must be 2000国家大地坐标系 (CGCS2000);
/// 几度分带 (3 or 6, default 3) and 带号 choose the zone; eastings with a zone prefix choose the prefixed EPSG code.
/// </summary>
internal static class CoordinateTxtLayerReader
{
    /// <summary>Names of the parcel header fields, in order (the last element, <c>@</c>, is not a field).</summary>
    public static IReadOnlyList<string> HeaderFields { get; } =
        ["界址点数", "地块面积", "地块编号", "地块名称", "记录图形属性", "图幅号", "地块用途", "地类编码", "图斑类型", "地类", "改造前质量等别", "改造后质量等别", "备注"];

    public static SourceLayer Read(LayerReadRequest request)
    {
        var text = Decode(File.ReadAllBytes(request.FilePath));
        var lines = text.Split('\n');
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var parcels = new List<ParcelText>();
        string? section = null;
        ParcelText? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Trim();
                continue;
            }

            if (string.Equals(section, "属性描述", StringComparison.Ordinal))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    properties[line[..equals].Trim()] = line[(equals + 1)..].Trim();
                }
            }
            else if (string.Equals(section, "地块坐标", StringComparison.Ordinal))
            {
                var cells = line.Split(',');
                if (cells[^1].Trim() == "@")
                {
                    current = new ParcelText(parcels.Count + 1, i + 1, cells[..^1]);
                    parcels.Add(current);
                }
                else
                {
                    if (current is null)
                    {
                        throw Unreadable(request, i + 1, null, Localized.Get("TxtRowBeforeHeader"));
                    }

                    current.Rows.Add((i + 1, cells));
                }
            }
        }

        if (parcels.Count == 0)
        {
            var why = text.Trim().Length == 0 ? Localized.Get("FileIsEmpty") : Localized.Get("TxtNoParcelSection");
            throw Unreadable(request, null, null, why);
        }

        var crs = LayerCrsResolver.Resolve(request, () => DeclaredCrs(properties, parcels, request), () => Extent(parcels, request));
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(crs.Epsg);
        var issues = new List<DataIssue>();
        var width = Math.Max(HeaderFields.Count, parcels.Max(p => p.Header.Length));
        var names = Enumerable.Range(0, width).Select(k => k < HeaderFields.Count ? HeaderFields[k] : "字段" + (k + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        var schema = new AttributeSchema(names);
        var features = new List<SourceFeature>(parcels.Count);
        foreach (var parcel in parcels)
        {
            var declared = long.TryParse(Cell(parcel.Header, 0), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : (long?)null;
            if (declared is { } expected && expected != parcel.Rows.Count)
            {
                if (parcel == parcels[^1] && parcel.Rows.Count < expected)
                {
                    throw Unreadable(request, parcel.Line, parcel, Localized.Format("TxtTruncated", expected, parcel.Rows.Count));
                }

                issues.Add(new DataIssue(request.RoleName, Ordinal(parcel), DataIssueCodes.PointCountMismatch, Localized.Format("TxtPointCountMismatch", parcel.Ordinal, parcel.Line, request.InputName, expected, parcel.Rows.Count)));
            }

            var values = new object?[width];
            for (var k = 0; k < width; k++)
            {
                var cell = Cell(parcel.Header, k);
                values[k] = k switch
                {
                    0 => declared ?? (object?)cell,
                    1 when double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var area) => area,
                    _ => cell,
                };
            }

            features.Add(new SourceFeature(parcel.Ordinal, BuildGeometry(parcel, factory, request, issues), new AttributeRow(schema, values)));
        }

        return new SourceLayer(crs, features, issues);
    }

    /// <summary>The file's text: UTF-16/UTF-32 when it says so (<see cref="WideText"/>), UTF-8 (with or without BOM) when valid, else GBK.</summary>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (WideText.Detect(span) is (Encoding wide, int bomLength))
        {
            return wide.GetString(span[bomLength..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        return System.Text.Unicode.Utf8.IsValid(span) ? Encoding.UTF8.GetString(span) : DbfTextEncoding.Gbk.GetString(span);
    }

    private static Geometry BuildGeometry(ParcelText parcel, GeometryFactory factory, LayerReadRequest request, List<DataIssue> issues)
    {
        var rings = new List<(string Number, List<Coordinate> Points)>();
        foreach (var (line, cells) in parcel.Rows)
        {
            if (cells.Length < 4)
            {
                throw Unreadable(request, line, parcel, Localized.Get("TxtRowTooShort"));
            }

            var north = Number(cells[2], request, line, parcel, "X");
            var east = Number(cells[3], request, line, parcel, "Y");
            var number = cells[1].Trim();
            if (rings.Count == 0 || !string.Equals(rings[^1].Number, number, StringComparison.Ordinal))
            {
                rings.Add((number, []));
            }

            rings[^1].Points.Add(new Coordinate(east, north));
        }

        var kind = Cell(parcel.Header, 4);
        if (kind is "点")
        {
            return factory.CreateMultiPointFromCoords([.. rings.SelectMany(r => r.Points)]);
        }

        if (kind is "线")
        {
            return factory.CreateMultiLineString([.. rings.Where(r => r.Points.Count >= 2).Select(r => factory.CreateLineString([.. r.Points]))]);
        }

        var closed = new List<LinearRing>();
        foreach (var (number, points) in rings)
        {
            if (!points[0].Equals2D(points[^1]))
            {
                issues.Add(new DataIssue(request.RoleName, Ordinal(parcel), DataIssueCodes.InvalidGeometry,
                    Localized.Format("TxtRingNotClosed", number, parcel.Ordinal, parcel.Line, request.InputName)));
                points.Add(points[0].Copy());
            }

            if (points.Count < 4)
            {
                issues.Add(new DataIssue(request.RoleName, Ordinal(parcel), DataIssueCodes.InvalidGeometry, Localized.Format("TxtRingTooFewPoints", number, parcel.Ordinal, parcel.Line, request.InputName, points.Count)));
                continue;
            }

            closed.Add(factory.CreateLinearRing([.. points]));
        }

        // Largest rings first: a ring inside an outer ring already placed is its hole, any other ring a new outer ring.
        var shells = new List<(LinearRing Shell, Polygon Area, List<LinearRing> Holes)>();
        foreach (var ring in closed.OrderByDescending(r => Math.Abs(Area.OfRingSigned(r.CoordinateSequence))))
        {
            var owner = shells.FindIndex(s => s.Area.Covers(ring));
            if (owner >= 0)
            {
                shells[owner].Holes.Add(ring);
            }
            else
            {
                shells.Add((ring, factory.CreatePolygon(ring), []));
            }
        }

        var polygons = shells.Select(s => factory.CreatePolygon(s.Shell, [.. s.Holes])).ToArray();
        return polygons.Length switch
        {
            0 => factory.CreatePolygon(),
            1 => polygons[0],
            _ => factory.CreateMultiPolygon(polygons),
        };
    }

    private static CrsDefinition? DeclaredCrs(Dictionary<string, string> properties, List<ParcelText> parcels, LayerReadRequest request)
    {
        var system = properties.GetValueOrDefault("坐标系");
        if (string.IsNullOrWhiteSpace(system))
        {
            return null;
        }

        if (!system.Contains("2000", StringComparison.Ordinal) && !system.Contains("CGCS", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnusableInputException(
                ErrorCodes.UnsupportedCrs,
                Localized.Format("TxtUnsupportedSystem", request.InputName, system),
                request.InputName,
                hint: Localized.Get("TxtUnsupportedSystemHint"));
        }

        var width = ZoneWidth(properties.GetValueOrDefault("几度分带"), request);
        var firstEast = parcels.SelectMany(p => p.Rows).Select(r => r.Cells.Length >= 4 && double.TryParse(r.Cells[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) ? y : double.NaN)
            .FirstOrDefault(double.IsFinite, double.NaN);
        int? prefix = firstEast >= 10_000_000 && firstEast < 100_000_000 ? (int)Math.Floor(firstEast / 1_000_000) : null;
        var zoneText = properties.GetValueOrDefault("带号")?.Trim();
        int? zone = null;
        if (!string.IsNullOrEmpty(zoneText))
        {
            zone = int.TryParse(zoneText, NumberStyles.None, CultureInfo.InvariantCulture, out var z) ? z : throw new UnusableInputException(
                ErrorCodes.UnsupportedCrs,
                Localized.Format("TxtZoneNotNumber", request.InputName, zoneText),
                request.InputName,
                hint: width == 6 ? Localized.Get("TxtZoneDigits6") : Localized.Get("TxtZoneDigits3"));
        }

        if (zone is { } declaredZone && prefix is { } actual && actual != declaredZone)
        {
            throw new UnusableInputException(
                ErrorCodes.ZonePrefixMismatch,
                Localized.Format("TxtZonePrefixMismatch", request.InputName, declaredZone, actual, firstEast),
                request.InputName,
                hint: Localized.Get("TxtZonePrefixMismatchHint"));
        }

        zone ??= prefix;
        if (zone is null)
        {
            return null;
        }

        return CrsRegistry.All.FirstOrDefault(d => !d.IsGeographic && d.ZoneWidthDegrees == width && d.Zone == zone && d.HasZonePrefix == (prefix is not null))
            ?? throw new UnusableInputException(
                ErrorCodes.UnsupportedCrs,
                Localized.Format("TxtZoneNotInChina", request.InputName, width, zone),
                request.InputName,
                hint: Localized.Get("TxtZoneNotInChinaHint"));
    }

    /// <summary>几度分带: 3 or 6 (optionally followed by 度); absent means 3; anything else is PG0202.</summary>
    private static int ZoneWidth(string? text, LayerReadRequest request)
    {
        var value = text?.Trim().TrimEnd('度').Trim();
        if (string.IsNullOrEmpty(value))
        {
            return 3;
        }

        return value switch
        {
            "3" => 3,
            "6" => 6,
            _ => throw new UnusableInputException(
                ErrorCodes.UnsupportedCrs,
                Localized.Format("TxtZoneWidthInvalid", request.InputName, text!.Trim()),
                request.InputName,
                hint: Localized.Get("TxtZoneWidthHint")),
        };
    }

    private static Envelope Extent(List<ParcelText> parcels, LayerReadRequest request)
    {
        var envelope = new Envelope();
        foreach (var parcel in parcels)
        {
            foreach (var (line, cells) in parcel.Rows)
            {
                if (cells.Length >= 4)
                {
                    envelope.ExpandToInclude(Number(cells[3], request, line, parcel, "Y"), Number(cells[2], request, line, parcel, "X"));
                }
            }
        }

        return envelope;
    }

    private static double Number(string cell, LayerReadRequest request, int line, ParcelText parcel, string axis) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unreadable(request, line, parcel, Localized.Format("CoordinateTxtNotNumber", axis, cell.Trim()));

    private static string? Cell(string[] cells, int index) =>
        index < cells.Length && cells[index].Trim() is { Length: > 0 } cell ? cell : null;

    private static string Ordinal(ParcelText parcel) => "#" + parcel.Ordinal.ToString(CultureInfo.InvariantCulture);

    private static UnusableInputException Unreadable(LayerReadRequest request, int? line, ParcelText? parcel, string reason) => new(
        ErrorCodes.UnreadableInput,
        line is { } l
            ? Localized.Format("TxtUnreadableAtLine", request.InputName, l, reason)
            : Localized.Format("TxtUnreadable", request.InputName, reason),
        request.InputName,
        parcel is null ? null : Ordinal(parcel),
        Localized.Get("TxtUnreadableHint"));

    private sealed class ParcelText(int ordinal, int line, string[] header)
    {
        public int Ordinal { get; } = ordinal;

        public int Line { get; } = line;

        public string[] Header { get; } = header;

        public List<(int Line, string[] Cells)> Rows { get; } = [];
    }
}
