using System.Buffers.Binary;
using System.Globalization;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads the shapes of a .shp file (ESRI Shapefile Technical Description, 1998) one record at a time, checking every
/// count and length against the bytes that are really there before anything is allocated: a record whose content
/// length, part count or point count does not fit its record or the file, negative counts, part offsets out of order
/// — each is PG0104 naming the record. Records of any shape type are read as what they are (a Point in a polygon
/// file is a Point, which the analysis then reports as a wrong geometry type); Null records are empty geometries;
/// Z and M values are kept for the dataset reader to drop. Polygons follow the specification: a clockwise ring
/// starts a polygon, counter-clockwise rings after it are its holes (the first ring always starts one); a ring not
/// closed is closed and one of fewer than four points left out, each an <c>invalid_geometry</c> issue.
/// </summary>
/// <remarks>
/// Hand-written rather than NetTopologySuite.IO.Esri.Shapefile's reader, which sizes buffers and coordinate arrays
/// from unchecked header values (a 508-byte file with numPoints 0x7ffffff0 aborts the process), stops silently at
/// the end of a shorter .dbf, and skips records of another shape type without a word (docs/decisions.md).
/// </remarks>
internal sealed class ShpRecords : IDisposable
{
    /// <summary>The length of the main file header, in bytes.</summary>
    public const int HeaderLength = 100;

    private const int FileCode = 9994;
    private const int RecordHeaderLength = 8;

    private readonly FileStream _stream;
    private readonly long _end;
    private readonly GeometryFactory _factory;
    private readonly LayerReadRequest _request;
    private readonly List<DataIssue> _issues;
    private byte[] _buffer = new byte[256];
    private int _ordinal;

    private ShpRecords(FileStream stream, long end, int shapeType, GeometryFactory factory, LayerReadRequest request, List<DataIssue> issues)
    {
        _stream = stream;
        _end = end;
        ShapeType = shapeType;
        _factory = factory;
        _request = request;
        _issues = issues;
    }

    /// <summary>The shape type of the file header.</summary>
    public int ShapeType { get; }

    /// <summary>
    /// The test of a record's box (false: out of reach, see <see cref="LayerReadRequest.Reach"/>), or null to build every
    /// record. Only plain polygon records (type 5) whose parts are closed rings of at least four finite points are
    /// tested, by the box of their points, not the record's stored box; the others are built as usual.
    /// </summary>
    public Func<Envelope, bool>? Reach { get; set; }

    /// <summary>Opens a .shp and checks its header: file code 9994, a known shape type, the file as long as it says.</summary>
    /// <exception cref="UnusableInputException">PG0104 for anything else.</exception>
    public static ShpRecords Open(LayerReadRequest request, GeometryFactory factory, List<DataIssue> issues)
    {
        var stream = new FileStream(request.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            var actual = stream.Length;
            if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength)
            {
                throw Truncated(request, Localized.Format("ShpTooShort", actual));
            }

            var code = BinaryPrimitives.ReadInt32BigEndian(header);
            if (code != FileCode)
            {
                throw Damaged(request, null, Localized.Format("ShpBadCode", code));
            }

            var declared = BinaryPrimitives.ReadInt32BigEndian(header[24..]) * 2L;
            if (actual < declared)
            {
                throw Truncated(request, Localized.Format("ShpHeaderLength", declared, actual));
            }

            var shapeType = BinaryPrimitives.ReadInt32LittleEndian(header[32..]);
            if (!IsKnownType(shapeType) || shapeType == 31)
            {
                throw Damaged(request, null, Localized.Format(shapeType == 31 ? "ShpHeaderMultiPatch" : "ShpHeaderUnknownType", shapeType));
            }

            return new ShpRecords(stream, Math.Max(declared, HeaderLength), shapeType, factory, request, issues);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next record's shape, or returns false after the last record.</summary>
    /// <exception cref="UnusableInputException">PG0104 naming the record when it does not fit the file or its own length.</exception>
    public bool TryRead(out Geometry geometry)
    {
        geometry = null!;
        var position = _stream.Position;
        if (_end - position < RecordHeaderLength)
        {
            return false;
        }

        _ordinal++;
        Span<byte> recordHeader = stackalloc byte[RecordHeaderLength];
        _stream.ReadExactly(recordHeader);
        var contentLength = BinaryPrimitives.ReadInt32BigEndian(recordHeader[4..]) * 2L;
        var remaining = _end - position - RecordHeaderLength;
        if (contentLength < 4 || contentLength > remaining)
        {
            throw Damaged(_request, _ordinal, Localized.Format("ShpRecordBeyondFile", _ordinal, contentLength, remaining));
        }

        if (_buffer.Length < contentLength)
        {
            _buffer = new byte[Math.Max(contentLength, Math.Min(_buffer.Length * 2L, remaining))];
        }

        var content = _buffer.AsSpan(0, (int)contentLength);
        _stream.ReadExactly(content);
        geometry = Reach is { } reach && PolygonBox(content) is { } box && !reach(box) ? UnbuiltFeature.StandIn(_factory, box, _factory.SRID) : Shape(content);
        return true;
    }

    /// <summary>The box of a type-5 record's points when every part is a closed ring of 4 or more finite points filling the record exactly; else null.</summary>
    private static Envelope? PolygonBox(ReadOnlySpan<byte> content)
    {
        if (content.Length < 44 || BinaryPrimitives.ReadInt32LittleEndian(content) != 5)
        {
            return null;
        }

        var parts = BinaryPrimitives.ReadInt32LittleEndian(content[36..]);
        var points = BinaryPrimitives.ReadInt32LittleEndian(content[40..]);
        if (parts < 1 || points < 4 * parts || 44L + (4L * parts) + (16L * points) != content.Length)
        {
            return null;
        }

        var xy = 44 + (4 * parts);
        var envelope = new Envelope();
        for (var i = 0; i < parts; i++)
        {
            var first = BinaryPrimitives.ReadInt32LittleEndian(content[(44 + (4 * i))..]);
            var end = i + 1 < parts ? BinaryPrimitives.ReadInt32LittleEndian(content[(44 + (4 * (i + 1)))..]) : points;
            if ((i == 0 && first != 0) || end - first < 4 || end > points)
            {
                return null;
            }

            var last = xy + (16 * (end - 1));
            if (!Double(content, xy + (16 * first)).Equals(Double(content, last)) || !Double(content, xy + (16 * first) + 8).Equals(Double(content, last + 8)))
            {
                return null;
            }

            for (var p = first; p < end; p++)
            {
                var x = Double(content, xy + (16 * p));
                var y = Double(content, xy + (16 * p) + 8);
                if (!double.IsFinite(x) || !double.IsFinite(y))
                {
                    return null;
                }

                envelope.ExpandToInclude(x, y);
            }
        }

        return envelope;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static bool IsKnownType(int type) => type is 0 or 1 or 3 or 5 or 8 or 11 or 13 or 15 or 18 or 21 or 23 or 25 or 28 or 31;

    private Geometry Shape(ReadOnlySpan<byte> content)
    {
        var type = BinaryPrimitives.ReadInt32LittleEndian(content);
        if (type == 0)
        {
            return _factory.CreateGeometryCollection();
        }

        if (!IsKnownType(type) || type == 31)
        {
            throw Damaged(_request, _ordinal, Localized.Format(type == 31 ? "ShpRecordMultiPatch" : "ShpRecordUnknownType", _ordinal, type));
        }

        var hasZ = type is 11 or 13 or 15 or 18;
        var measured = hasZ || type is 21 or 23 or 25 or 28;
        return (type % 10) switch
        {
            1 => ReadPoint(content, hasZ, measured),
            8 => ReadMultiPoint(content, hasZ, measured),
            _ => ReadMultiPart(content, type % 10 == 5, hasZ, measured),
        };
    }

    private Point ReadPoint(ReadOnlySpan<byte> content, bool hasZ, bool measured)
    {
        var needed = 4 + 16 + (hasZ ? 8 : 0);
        Require(content, needed, "ShpWhatPoint");
        var hasM = measured && content.Length >= needed + 8;
        var sequence = Sequence(1, hasZ, hasM);
        sequence.SetX(0, Double(content, 4));
        sequence.SetY(0, Double(content, 12));
        if (hasZ)
        {
            sequence.SetZ(0, Double(content, 20));
        }

        if (hasM)
        {
            sequence.SetM(0, Double(content, needed));
        }

        return _factory.CreatePoint(sequence);
    }

    private MultiPoint ReadMultiPoint(ReadOnlySpan<byte> content, bool hasZ, bool measured)
    {
        Require(content, 40, "ShpWhatMultipointHeader");
        var count = Count(content, 36, "ShpNegativePoints");
        var xyEnd = 40 + (16L * count);
        var (zStart, mStart) = Extras(content, xyEnd, count, hasZ, measured);
        var points = new Point[count];
        for (var i = 0; i < count; i++)
        {
            var single = Sequence(1, hasZ, mStart >= 0);
            Fill(single, content, 40, zStart, mStart, i, 1);
            points[i] = _factory.CreatePoint(single);
        }

        return _factory.CreateMultiPoint(points);
    }

    private Geometry ReadMultiPart(ReadOnlySpan<byte> content, bool polygon, bool hasZ, bool measured)
    {
        Require(content, 44, "ShpWhatPartHeader");
        var parts = Count(content, 36, "ShpNegativeParts");
        var points = Count(content, 40, "ShpNegativePoints");
        var partsEnd = 44 + (4L * parts);
        var xyEnd = partsEnd + (16L * points);
        Require(content, xyEnd, "ShpPartsAndPoints", parts, points);
        if (parts == 0 && points > 0)
        {
            throw Damaged(_request, _ordinal, Localized.Format("ShpPointsNoPart", _ordinal, points));
        }

        var starts = new int[parts + 1];
        for (var i = 0; i < parts; i++)
        {
            starts[i] = BinaryPrimitives.ReadInt32LittleEndian(content[(44 + (4 * i))..]);
            if ((i == 0 && starts[i] != 0) || (i > 0 && starts[i] < starts[i - 1]) || starts[i] >= points)
            {
                throw Damaged(_request, _ordinal, Localized.Format("ShpPartStartInvalid", _ordinal, i + 1, starts[i], points));
            }
        }

        starts[parts] = points;
        var (zStart, mStart) = Extras(content, xyEnd, points, hasZ, measured);
        var sequences = new CoordinateSequence[parts];
        for (var i = 0; i < parts; i++)
        {
            var first = starts[i];
            var count = starts[i + 1] - first;
            sequences[i] = Sequence(count, hasZ, mStart >= 0);
            Fill(sequences[i], content, (int)partsEnd, zStart, mStart, first, count);
        }

        return polygon ? Polygons(sequences) : _factory.CreateMultiLineString([.. sequences.Select(sequence => _factory.CreateLineString(sequence))]);
    }

    private MultiPolygon Polygons(CoordinateSequence[] parts)
    {
        var polygons = new List<Polygon>();
        LinearRing? shell = null;
        var holes = new List<LinearRing>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (Ring(parts[i], i) is not { } ring)
            {
                continue;
            }

            if (shell is null)
            {
                shell = ring;
            }
            else if (Orientation.IsCCW(ring.CoordinateSequence))
            {
                holes.Add(ring);
            }
            else
            {
                polygons.Add(_factory.CreatePolygon(shell, [.. holes]));
                shell = ring;
                holes.Clear();
            }
        }

        if (shell is not null)
        {
            polygons.Add(_factory.CreatePolygon(shell, [.. holes]));
        }

        return _factory.CreateMultiPolygon([.. polygons]);
    }

    private LinearRing? Ring(CoordinateSequence part, int index)
    {
        if (part.Count == 0)
        {
            return null;
        }

        foreach (var end in (int[])[0, part.Count - 1])
        {
            if (!double.IsFinite(part.GetX(end)) || !double.IsFinite(part.GetY(end)))
            {
                throw Datasets.CoordinatePlausibility.NotFinite(_request.InputName, Ordinal(), new Coordinate(part.GetX(end), part.GetY(end)));
            }
        }

        if (!part.GetCoordinate(0).Equals2D(part.GetCoordinate(part.Count - 1)))
        {
            _issues.Add(new DataIssue(_request.RoleName, Ordinal(), DataIssueCodes.InvalidGeometry, Localized.Format("ShpRingNotClosed", index, _ordinal, _request.InputName)));
            var closed = Sequence(part.Count + 1, part.HasZ, part.HasM);
            CoordinateSequences.Copy(part, 0, closed, 0, part.Count);
            CoordinateSequences.Copy(part, 0, closed, part.Count, 1);
            part = closed;
        }

        if (part.Count < 4)
        {
            _issues.Add(new DataIssue(_request.RoleName, Ordinal(), DataIssueCodes.InvalidGeometry, Localized.Format("ShpRingTooFewPoints", index, _ordinal, _request.InputName, part.Count)));
            return null;
        }

        return _factory.CreateLinearRing(part);
    }

    /// <summary>Where the Z and M blocks start (or -1), after checking that a Z block a Z type needs is there.</summary>
    private (long ZStart, long MStart) Extras(ReadOnlySpan<byte> content, long xyEnd, int count, bool hasZ, bool measured)
    {
        var block = 16 + (8L * count);
        var zStart = -1L;
        var next = xyEnd;
        if (hasZ)
        {
            Require(content, xyEnd + block, "ShpWhatZValues");
            zStart = xyEnd + 16;
            next = xyEnd + block;
        }

        var hasM = measured && content.Length >= next + block;
        return (zStart, hasM ? next + 16 : -1);
    }

    private static void Fill(CoordinateSequence sequence, ReadOnlySpan<byte> content, int xyStart, long zStart, long mStart, int first, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var point = first + i;
            sequence.SetX(i, Double(content, xyStart + (16 * point)));
            sequence.SetY(i, Double(content, xyStart + (16 * point) + 8));
            if (zStart >= 0)
            {
                sequence.SetZ(i, Double(content, (int)zStart + (8 * point)));
            }

            if (mStart >= 0)
            {
                sequence.SetM(i, Double(content, (int)mStart + (8 * point)));
            }
        }
    }

    private CoordinateSequence Sequence(int count, bool hasZ, bool hasM) =>
        _factory.CoordinateSequenceFactory.Create(count, 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0), hasM ? 1 : 0);

    /// <summary>The count at <paramref name="offset"/>; a negative one is damage, told by the message <paramref name="negativeKey"/>.</summary>
    private int Count(ReadOnlySpan<byte> content, int offset, string negativeKey)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(content[offset..]);
        if (count < 0)
        {
            throw Damaged(_request, _ordinal, Localized.Format(negativeKey, _ordinal, count));
        }

        return count;
    }

    /// <summary>Damage unless the record holds <paramref name="needed"/> bytes; <paramref name="whatKey"/> names what needs them (filled in with <paramref name="parts"/> and <paramref name="points"/>), looked up only then.</summary>
    private void Require(ReadOnlySpan<byte> content, long needed, string whatKey, int parts = 0, int points = 0)
    {
        if (content.Length < needed)
        {
            throw Damaged(_request, _ordinal, Localized.Format("ShpRecordTooShort", _ordinal, needed, Localized.Format(whatKey, parts, points), content.Length));
        }
    }

    private static double Double(ReadOnlySpan<byte> content, int offset) => BinaryPrimitives.ReadDoubleLittleEndian(content[offset..]);

    private string Ordinal() => "#" + _ordinal.ToString(CultureInfo.InvariantCulture);

    private static UnusableInputException Truncated(LayerReadRequest request, string reason) => new(
        ErrorCodes.UnreadableInput,
        Localized.Format("ShpTruncated", request.InputName, reason),
        request.InputName,
        hint: Localized.Get("ShpCutOffHint"));

    private static UnusableInputException Damaged(LayerReadRequest request, int? ordinal, string reason) => new(
        ErrorCodes.UnreadableInput,
        Localized.Format("ShpDamaged", request.InputName, reason),
        request.InputName,
        ordinal is { } o ? "#" + o.ToString(CultureInfo.InvariantCulture) : null,
        Localized.Get("ShpDamagedHint"));
}
