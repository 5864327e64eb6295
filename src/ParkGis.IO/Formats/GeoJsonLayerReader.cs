using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads a GeoJSON FeatureCollection (or a single Feature) with a streaming <see cref="Utf8JsonReader"/> over
/// the file's bytes. CRS: the legacy <c>crs</c> member when present (<c>urn:ogc:def:crs:EPSG::4490</c>,
/// <c>EPSG:4545</c>); without it, lon/lat coordinates are WGS 84 per RFC 7946 (EPSG:4326) and projected ones
/// go through <see cref="LayerCrsResolver"/>. A third and fourth number in a position are read as Z and M (dropped,
/// with a data issue, after reading). Property values become string, long, decimal (whole numbers beyond 64 bits,
/// with every digit), double, bool or null; nested objects and arrays are kept as their JSON text. Text that is not
/// UTF-8 is read as UTF-16 (with a BOM, or the zero bytes of ASCII in UTF-16) or GBK, with a <c>not_utf8</c> issue.
/// </summary>
internal sealed partial class GeoJsonLayerReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Positions of the smallest ring NTS and PostGIS both accept on input (a closed triangle).</summary>
    private const int MinimumRingPositions = 4;

    private readonly LayerReadRequest _request;
    private GeometryFactory _factory;
    private readonly List<SourceFeature> _features = [];
    private readonly List<DataIssue> _issues = [];
    private readonly List<string> _names = [];
    private readonly List<object?> _values = [];
    private readonly List<Coordinate> _positions = [];
    private AttributeSchema? _schema;
    private byte[][] _schemaUtf8Names = [];
    private bool _crsPresent;
    private string? _crsName;
    private int _ordinal;

    private GeoJsonLayerReader(LayerReadRequest request)
    {
        _request = request;
        _factory = NtsGeometryServices.Instance.CreateGeometryFactory();
    }

    public static SourceLayer Read(LayerReadRequest request)
    {
        var bytes = File.ReadAllBytes(request.FilePath);
        var reader = new GeoJsonLayerReader(request);
        return reader.Parse(bytes);
    }

    private SourceLayer Parse(byte[] bytes)
    {
        ReadOnlySpan<byte> json = bytes;
        byte[]? transcoded = null;
        if (WideText.Detect(json) is (Encoding wide, int bomLength))
        {
            transcoded = Encoding.UTF8.GetBytes(wide.GetString(json[bomLength..]));
            json = transcoded;
            _issues.Add(new DataIssue(_request.RoleName, string.Empty, DataIssueCodes.NotUtf8,
                Localized.Format("GeoJsonWideText", _request.InputName, WideText.Name(wide), WideText.Name(wide))));
        }

        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (json.Trim((byte)' ').IsEmpty)
        {
            throw Unreadable(Localized.Get("FileIsEmpty"), null);
        }

        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            transcoded = FromGbk(json);
            json = transcoded;
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            ReadRoot(ref reader);
        }
        catch (JsonException exception)
        {
            var problem = JsonSyntaxProblem.Describe(json, exception.LineNumber, exception.BytePositionInLine);
            throw Unreadable(_ordinal > 0 ? Localized.Format("GeoJsonInvalidJsonInFeature", problem, _ordinal) : Localized.Format("GeoJsonInvalidJson", problem), exception);
        }
        catch (InvalidOperationException exception)
        {
            // System.Text.Json refuses a text holding half of a UTF-16 pair ("\ud800") the same way as a wrong type.
            throw Unreadable(
                LoneSurrogateEscape(json) is { } escape ? Localized.Format("GeoJsonLoneSurrogate", escape) : Localized.Get("GeoJsonWrongType"),
                exception);
        }
        catch (FormatException exception)
        {
            throw Unreadable(Localized.Get("GeoJsonBadNumber"), exception);
        }

        var crs = LayerCrsResolver.Resolve(_request, DeclaredCrs, _features);
        foreach (var feature in _features)
        {
            if (feature.Geometry.SRID != crs.Epsg)
            {
                feature.Geometry.SRID = crs.Epsg;
            }
        }

        return new SourceLayer(crs, _features, _issues);
    }

    /// <summary>
    /// GeoJSON must be UTF-8, but files saved by Chinese Windows tools are often GBK. Text that is not UTF-8 and
    /// decodes as GBK without a single invalid byte is taken as GBK and reported (<see cref="DataIssueCodes.NotUtf8"/>);
    /// anything else is unusable input.
    /// </summary>
    private byte[] FromGbk(ReadOnlySpan<byte> bytes)
    {
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var invalidAt, out _, replaceInvalidSequences: false);

        var strict = (Encoding)DbfTextEncoding.Gbk.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        string text;
        try
        {
            text = strict.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new UnusableInputException(
                ErrorCodes.UnknownEncoding,
                Localized.Format("GeoJsonNotUtf8NorGbk", _request.InputName, invalidAt),
                _request.InputName,
                hint: Localized.Get("GeoJsonNotUtf8Hint"),
                inner: exception);
        }

        _issues.Add(new DataIssue(_request.RoleName, string.Empty, DataIssueCodes.NotUtf8, Localized.Format("GeoJsonDecodedGbk", _request.InputName, invalidAt)));
        return Encoding.UTF8.GetBytes(text);
    }

    private CrsDefinition? DeclaredCrs()
    {
        if (_crsPresent)
        {
            var epsg = CrsReference.TryParseEpsg(_crsName) ?? throw new UnusableInputException(
                ErrorCodes.UnsupportedCrs,
                Localized.Format("GeoJsonUnknownCrs", _request.InputName, _crsName),
                _request.InputName,
                hint: Localized.Get("GeoJsonUnknownCrsHint"));
            return LayerCrsResolver.FromDeclaredEpsg(epsg, _request.InputName, Localized.Get("GeoJsonCrsMember"));
        }

        var extent = LayerCrsResolver.Extent(_features);
        if (extent.IsNull || (extent.MinX >= -180 && extent.MaxX <= 180 && extent.MinY >= -90 && extent.MaxY <= 90)
            || (extent.MinX >= -90 && extent.MaxX <= 180 && extent.MinY >= -90 && extent.MaxY <= 180))
        {
            // RFC 7946: no crs member means WGS 84 longitude/latitude. Degrees with latitude and longitude swapped
            // (y up to 180) are taken as lon/lat too, so that the coordinate check can name the swap.
            return LayerCrsResolver.FromDeclaredEpsg(4326, _request.InputName, "RFC 7946 default");
        }

        return null;
    }

    private void ReadRoot(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unreadable(Localized.Get("GeoJsonNotObject"), null);
        }

        string? type = null;
        Geometry? geometry = null;
        IReadOnlyDictionary<string, object?>? properties = null;
        var sawFeatures = false;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                Next(ref reader);
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("features"u8))
            {
                sawFeatures = true;
                ReadFeatures(ref reader);
            }
            else if (reader.ValueTextEquals("crs"u8))
            {
                Next(ref reader);
                ReadCrs(ref reader);
            }
            else if (reader.ValueTextEquals("geometry"u8))
            {
                _ordinal = 1;
                Next(ref reader);
                geometry = ReadGeometry(ref reader);
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                _ordinal = 1;
                Next(ref reader);
                properties = ReadProperties(ref reader);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (string.Equals(type, "Feature", StringComparison.Ordinal))
        {
            _features.Add(new SourceFeature(1, geometry ?? EmptyGeometry(), properties ?? EmptyRow()));
        }
        else if (!string.Equals(type, "FeatureCollection", StringComparison.Ordinal) || !sawFeatures)
        {
            throw Unreadable(Localized.Format("GeoJsonNotCollection", type), null);
        }
    }

    private void ReadCrs(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var crs = document.RootElement;
        switch (crs.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.String:
                _crsPresent = true;
                _crsName = crs.GetString();
                break;
            case JsonValueKind.Object:
                _crsPresent = true;
                _crsName = crs.GetRawText();
                if (crs.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    if (properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                    {
                        _crsName = name.GetString();
                    }
                    else if (properties.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number)
                    {
                        _crsName = "EPSG:" + code.GetRawText();
                    }
                }

                break;
            default:
                _crsPresent = true;
                _crsName = crs.GetRawText();
                break;
        }

        // Usually the crs member comes before the features: give their geometries the SRID from the start.
        if (CrsReference.TryParseEpsg(_crsName) is { } epsg)
        {
            _factory = NtsGeometryServices.Instance.CreateGeometryFactory(epsg);
        }
    }

    private void ReadFeatures(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unreadable(Localized.Get("GeoJsonFeaturesNotArray"), null);
        }

        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            _ordinal++;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unreadable(Localized.Format("GeoJsonFeatureNotObject", _ordinal), null);
            }

            Geometry? geometry = null;
            IReadOnlyDictionary<string, object?>? properties = null;
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("geometry"u8))
                {
                    Next(ref reader);
                    geometry = ReadGeometry(ref reader);
                }
                else if (reader.ValueTextEquals("properties"u8))
                {
                    Next(ref reader);
                    properties = ReadProperties(ref reader);
                }
                else
                {
                    Next(ref reader);
                    reader.Skip();
                }
            }

            _features.Add(new SourceFeature(_ordinal, geometry ?? EmptyGeometry(), properties ?? EmptyRow()));
        }
    }

    private AttributeRow ReadProperties(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return EmptyRow();
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unreadable(Localized.Format("GeoJsonPropertiesNotObject", _ordinal), null);
        }

        _names.Clear();
        _values.Clear();
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var index = _names.Count;
            _names.Add(index < _schemaUtf8Names.Length && reader.ValueTextEquals(_schemaUtf8Names[index])
                ? _schema!.Names[index]
                : reader.GetString()!);
            Next(ref reader);
            _values.Add(ReadValue(ref reader));
        }

        if (_schema is null || !_schema.SameNames(_names))
        {
            _schema = new AttributeSchema(_names);
            _schemaUtf8Names = [.. _schema.Names.Select(Encoding.UTF8.GetBytes)];
        }

        return new AttributeRow(_schema, [.. _values]);
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return integer;
                }

                // A whole number beyond 64 bits (an id such as 15010000000000000001) keeps its digits as a decimal.
                return reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && reader.TryGetDecimal(out var whole)
                    ? whole
                    : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    private Geometry? ReadGeometry(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unreadable(Localized.Format("GeoJsonGeometryNotObject", _ordinal), null);
        }

        string? type = null;
        object? coordinates = null;
        List<Geometry>? geometries = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                Next(ref reader);
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("coordinates"u8))
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    coordinates = ReadCoordinates(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("geometries"u8))
            {
                Next(ref reader);
                geometries = [];
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (Next(ref reader) != JsonTokenType.EndArray)
                    {
                        geometries.Add(ReadGeometry(ref reader) ?? EmptyGeometry());
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return Build(type, coordinates, geometries);
    }

    /// <summary>
    /// Reads a coordinates array: a position becomes a <see cref="Coordinate"/>, an array of positions a
    /// <c>Coordinate[]</c>, deeper arrays a <c>List&lt;object&gt;</c>.
    /// </summary>
    private object ReadCoordinates(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Number)
        {
            var x = reader.GetDouble();
            if (Next(ref reader) != JsonTokenType.Number)
            {
                throw Unreadable(Localized.Format("GeoJsonPositionTooShort", _ordinal), null);
            }

            var y = reader.GetDouble();
            var z = double.NaN;
            var m = double.NaN;
            var extra = 0;
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number)
                {
                    throw Unreadable(Localized.Format("GeoJsonPositionNotNumbers", _ordinal), null);
                }

                // Z and M are kept here and dropped, with a data issue, once the layer is read (PlanarCoordinates).
                switch (++extra)
                {
                    case 1:
                        z = reader.GetDouble();
                        break;
                    case 2:
                        m = reader.GetDouble();
                        break;
                }
            }

            return extra switch
            {
                0 => new Coordinate(x, y),
                1 => new CoordinateZ(x, y, z),
                _ => new CoordinateZM(x, y, z, m),
            };
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return new List<object>();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unreadable(Localized.Format("GeoJsonCoordinatesInvalid", _ordinal), null);
        }

        var first = ReadCoordinates(ref reader);
        if (first is Coordinate coordinate)
        {
            // Innermost level: positions go through one reusable buffer (nothing nests inside it).
            _positions.Clear();
            _positions.Add(coordinate);
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                _positions.Add(ReadCoordinates(ref reader) as Coordinate ?? throw MixedNesting());
            }

            return _positions.ToArray();
        }

        var items = new List<object> { first };
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            items.Add(ReadCoordinates(ref reader));
        }

        return items;
    }

    private Geometry Build(string? type, object? coordinates, List<Geometry>? geometries)
    {
        switch (type)
        {
            case "Point":
                return coordinates is Coordinate point ? _factory.CreatePoint(point) : _factory.CreatePoint();
            case "MultiPoint":
                return _factory.CreateMultiPointFromCoords(Positions(coordinates));
            case "LineString":
                return _factory.CreateLineString(Positions(coordinates));
            case "MultiLineString":
                return _factory.CreateMultiLineString([.. Items(coordinates).Select(line => _factory.CreateLineString(Positions(line)))]);
            case "Polygon":
                return BuildPolygon(coordinates);
            case "MultiPolygon":
                return _factory.CreateMultiPolygon([.. Items(coordinates).Select(BuildPolygon)]);
            case "GeometryCollection":
                return _factory.CreateGeometryCollection([.. geometries ?? []]);
            default:
                throw Unreadable(Localized.Format("GeoJsonUnknownGeometryType", _ordinal, type), null);
        }
    }

    private Polygon BuildPolygon(object? coordinates)
    {
        var rings = Items(coordinates);
        if (rings.Count == 0)
        {
            return _factory.CreatePolygon();
        }

        var shell = BuildRing(Positions(rings[0]), 0);
        var holes = new List<LinearRing>(rings.Count - 1);
        for (var i = 1; i < rings.Count; i++)
        {
            holes.Add(BuildRing(Positions(rings[i]), i));
        }

        return _factory.CreatePolygon(shell, [.. holes]);
    }

    private LinearRing BuildRing(Coordinate[] positions, int ringIndex)
    {
        if (positions.Length == 0)
        {
            return _factory.CreateLinearRing();
        }

        if (!positions[0].Equals2D(positions[^1]))
        {
            _issues.Add(new DataIssue(_request.RoleName, Ordinal(), DataIssueCodes.InvalidGeometry,
                Localized.Format("GeoJsonRingNotClosed", ringIndex, _ordinal, _request.InputName)));
            positions = [.. positions, positions[0].Copy()];
        }

        // A degenerate ring (fewer than 4 positions: a line or a point) is kept, its closing point repeated up to the
        // 4 positions a ring has in NTS and PostGIS alike, so that screening reports it as invalid geometry (too few
        // points) under the feature's id like every other invalid ring, --fix repairs it, and import can store it.
        while (positions.Length < MinimumRingPositions)
        {
            positions = [.. positions, positions[^1].Copy()];
        }

        return _factory.CreateLinearRing(positions);
    }

    private Coordinate[] Positions(object? node) => node switch
    {
        null => [],
        Coordinate[] positions => positions,
        List<object> { Count: 0 } => [],
        _ => throw MixedNesting(),
    };

    private List<object> Items(object? node) => node switch
    {
        null => [],
        List<object> items => items,
        _ => throw MixedNesting(),
    };

    private string Ordinal() => "#" + _ordinal.ToString(CultureInfo.InvariantCulture);

    private Geometry EmptyGeometry() => _factory.CreateGeometryCollection();

    private static AttributeRow EmptyRow() => new(new AttributeSchema([]), []);

    private UnusableInputException MixedNesting() =>
        Unreadable(Localized.Format("GeoJsonNesting", _ordinal), null);

    private JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw Unreadable(Localized.Get("GeoJsonTruncated"), null);
        }

        return reader.TokenType;
    }

    /// <summary>The first <c>\uD800</c>-style escape in <paramref name="json"/> that is half of a UTF-16 pair with no other half, or null.</summary>
    private static string? LoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var match = LoneSurrogatePattern().Match(Encoding.UTF8.GetString(json));
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial Regex LoneSurrogatePattern();

    private UnusableInputException Unreadable(string reason, Exception? inner) => new(
        ErrorCodes.UnreadableInput,
        Localized.Format("GeoJsonUnreadable", _request.InputName, reason.TrimEnd('.')),
        _request.InputName,
        _ordinal > 0 ? Ordinal() : null,
        Localized.Get("GeoJsonUnreadableHint"),
        inner);
}
