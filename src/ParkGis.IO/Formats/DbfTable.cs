using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Formats;

/// <summary>
/// The attribute table (.dbf, dBASE III) of a shapefile, read from the file's bytes with every header value checked
/// against the file's real size before it is used: the record count and length must fit the file (a table cut off is
/// PG0104), field descriptors must fit the record. Values by field type: C text in the encoding
/// <see cref="DbfTextEncoding"/> decides (null when all NUL); N and F numbers — a whole number as long, or as decimal
/// with every digit when it is beyond 64 bits, else double; D <c>yyyyMMdd</c> as DateOnly; L true/false (T, Y / F, N);
/// any other type as text. A number or date cell that cannot be read is null, reported as
/// <see cref="DataIssueCodes.UnparseableValue"/>, so that one bad cell costs that value and not the layer.
/// </summary>
internal sealed class DbfTable
{
    private const int TableHeaderLength = 32;
    private const int FieldDescriptorLength = 32;
    private const byte HeaderTerminator = 0x0D;
    private const byte DeletedMark = (byte)'*';

    /// <summary>Cells up to this many characters are decoded on the stack; longer ones (rare) as a string.</summary>
    private const int StackChars = 512;

    private readonly byte[] _bytes;
    private readonly int _headerLength;
    private readonly int _recordLength;
    private readonly Encoding _encoding;
    private readonly DbfField[] _fields;
    private readonly LayerReadRequest _request;
    private readonly List<DataIssue> _issues;
    private readonly RepeatedValues _repeated = new();

    private DbfTable(byte[] bytes, int headerLength, int recordLength, int recordCount, Encoding encoding, DbfField[] fields, LayerReadRequest request, List<DataIssue> issues)
    {
        _bytes = bytes;
        _headerLength = headerLength;
        _recordLength = recordLength;
        RecordCount = recordCount;
        _encoding = encoding;
        _fields = fields;
        _request = request;
        _issues = issues;
        FieldNames = [.. fields.Select(field => field.Name)];
    }

    /// <summary>The number of records (deleted ones included), as the header declares and the file holds.</summary>
    public int RecordCount { get; }

    /// <summary>Field names in table order.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Reads and checks a DBF file.</summary>
    /// <param name="dbfPath">The .dbf file.</param>
    /// <param name="cpgPath">The .cpg file, or null.</param>
    /// <param name="request">The layer being read (names for messages).</param>
    /// <param name="issues">Receives encoding and value issues.</param>
    /// <exception cref="UnusableInputException">PG0104 when the header does not fit the file; PG0106 for an unknown .cpg.</exception>
    public static DbfTable Read(string dbfPath, string? cpgPath, LayerReadRequest request, List<DataIssue> issues)
    {
        var bytes = File.ReadAllBytes(dbfPath);
        var name = Path.GetFileName(dbfPath);
        if (bytes.Length < TableHeaderLength + 1)
        {
            throw Damaged(request, name, null, Localized.Format("DbfTooShort", bytes.Length));
        }

        var declaredCount = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        int recordLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10));
        if (headerLength < TableHeaderLength + 1 || headerLength > bytes.Length)
        {
            throw Damaged(request, name, null, Localized.Format("DbfHeaderLength", headerLength, bytes.Length));
        }

        if (recordLength < 1)
        {
            throw Damaged(request, name, null, Localized.Get("DbfZeroRecordLength"));
        }

        var available = (bytes.Length - headerLength) / recordLength;
        if (declaredCount > available)
        {
            throw Damaged(request, name, "#" + (available + 1).ToString(CultureInfo.InvariantCulture), Localized.Format("DbfRecordsCutOff", declaredCount, recordLength, available));
        }

        var encoding = DbfTextEncoding.Detect(bytes, cpgPath, request, issues);
        var fields = new List<DbfField>();
        var offset = 1;
        for (var position = TableHeaderLength; position + FieldDescriptorLength <= headerLength && bytes[position] != HeaderTerminator; position += FieldDescriptorLength)
        {
            var nameBytes = bytes.AsSpan(position, 11);
            var end = nameBytes.IndexOf((byte)0);
            var fieldName = encoding.GetString(end < 0 ? nameBytes : nameBytes[..end]).Trim();
            var length = bytes[position + 16];
            if (offset + length > recordLength)
            {
                throw Damaged(request, name, null, Localized.Format("DbfFieldBeyondRecord", fieldName, offset + length, recordLength));
            }

            fields.Add(new DbfField(fieldName, (char)bytes[position + 11], offset, length, bytes[position + 17]));
            offset += length;
        }

        return new DbfTable(bytes, headerLength, recordLength, (int)declaredCount, encoding, [.. fields], request, issues);
    }

    /// <summary>True when record <paramref name="index"/> (0-based) is marked deleted.</summary>
    public bool IsDeleted(int index) => _bytes[Start(index)] == DeletedMark;

    /// <summary>The values of record <paramref name="index"/> (0-based), in field order.</summary>
    public object?[] Values(int index)
    {
        var start = Start(index);
        var values = new object?[_fields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var field = _fields[i];
            values[i] = Value(field, _bytes.AsSpan(start + field.Offset, field.Length), index + 1);
        }

        return values;
    }

    private int Start(int index) => _headerLength + (index * _recordLength);

    private object? Value(DbfField field, ReadOnlySpan<byte> cell, int ordinal)
    {
        switch (field.Type)
        {
            case 'N' or 'F':
                return Number(field, cell, ordinal);
            case 'D':
                return Date(field, cell, ordinal);
            case 'L':
                var flag = Encoding.ASCII.GetString(cell).Trim();
                return flag.Length == 0 ? null : "TtYy".Contains(flag[0], StringComparison.Ordinal) ? true : "FfNn".Contains(flag[0], StringComparison.Ordinal) ? false : null;
            default:
                return Text(cell);
        }
    }

    /// <summary>A text cell: null when all NUL, else the decoded text without NULs at its ends or white space after it.</summary>
    private string? Text(ReadOnlySpan<byte> cell)
    {
        if (!cell.ContainsAnyExcept((byte)0))
        {
            return null;
        }

        // The same text as _encoding.GetString(cell).Trim('\0').TrimEnd(), without the padded string per cell.
        var most = _encoding.GetMaxCharCount(cell.Length);
        if (most > StackChars)
        {
            return _encoding.GetString(cell).Trim('\0').TrimEnd();
        }

        Span<char> chars = stackalloc char[most];
        var length = _encoding.GetChars(cell, chars);
        return _repeated.Text(((ReadOnlySpan<char>)chars[..length]).Trim('\0').TrimEnd());
    }

    private object? Number(DbfField field, ReadOnlySpan<byte> cell, int ordinal)
    {
        // Latin-1 is one character per byte: the cell's text, trimmed as Trim().Trim('\0').Trim() would.
        Span<char> chars = cell.Length <= StackChars ? stackalloc char[cell.Length] : new char[cell.Length];
        Encoding.Latin1.GetChars(cell, chars);
        var text = ((ReadOnlySpan<char>)chars).Trim().Trim('\0').Trim();
        if (text.IsEmpty || text.Trim('*').IsEmpty)
        {
            return null;
        }

        if (field.Decimals == 0 && text.IndexOfAny('.', 'e', 'E') < 0)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return _repeated.Integer(whole);
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                return big;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var shown = DbfTextEncoding.Gbk.GetString(cell).Trim();
        var hint = shown.Contains('-', StringComparison.Ordinal) || shown.Contains('/', StringComparison.Ordinal) ? Localized.Get("DbfDateInNumberField") : string.Empty;
        Unparseable(field, ordinal, Localized.Format("DbfNotNumber", shown, hint));
        return null;
    }

    private object? Date(DbfField field, ReadOnlySpan<byte> cell, int ordinal)
    {
        Span<char> chars = cell.Length <= StackChars ? stackalloc char[cell.Length] : new char[cell.Length];
        Encoding.Latin1.GetChars(cell, chars);
        var text = ((ReadOnlySpan<char>)chars).Trim().Trim('\0').Trim();
        if (text.IsEmpty || text.SequenceEqual("00000000"))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return _repeated.Date(date);
        }

        Unparseable(field, ordinal, Localized.Format("DbfNotDate", _encoding.GetString(cell).Trim()));
        return null;
    }

    private void Unparseable(DbfField field, int ordinal, string what)
    {
        var record = ordinal.ToString(CultureInfo.InvariantCulture);
        _issues.Add(new DataIssue(_request.RoleName, "#" + record, DataIssueCodes.UnparseableValue,
            Localized.Format("DbfCellReadAsEmpty", field.Name, record, _request.InputName, what)));
    }

    private static UnusableInputException Damaged(LayerReadRequest request, string dbfName, string? feature, string reason) => new(
        ErrorCodes.UnreadableInput,
        Localized.Format("DbfUnreadable", request.InputName, dbfName, reason),
        request.InputName,
        feature,
        Localized.Get("DbfUnreadableHint"));

    private readonly record struct DbfField(string Name, char Type, int Offset, int Length, byte Decimals);
}
