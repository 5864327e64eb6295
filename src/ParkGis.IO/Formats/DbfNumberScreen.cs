using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ParkGis.Core.Data;

namespace ParkGis.IO.Formats;

/// <summary>
/// Finds values in a DBF's number fields (types N and F) that are not numbers — a date typed into an area field,
/// a unit after the value — and blanks them in an in-memory copy, each reported as
/// <see cref="DataIssueCodes.UnparseableValue"/>, so that one bad cell costs that value and not the layer
/// (NetTopologySuite's reader stops at the first such cell). The file itself is never changed.
/// </summary>
internal static class DbfNumberScreen
{
    /// <summary>The DBF's bytes, with unparseable numbers blanked.</summary>
    public static byte[] Screen(string dbfPath, LayerReadRequest request, List<DataIssue> issues)
    {
        var bytes = File.ReadAllBytes(dbfPath);
        if (bytes.Length < 32)
        {
            return bytes;
        }

        var recordCount = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        int recordLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10));
        var fields = new List<(string Name, int Offset, int Length)>();
        var offset = 1;
        for (var position = 32; position + 32 <= Math.Min(headerLength, bytes.Length) && bytes[position] != 0x0D; position += 32)
        {
            var length = bytes[position + 16];
            var type = (char)bytes[position + 11];
            if (type is 'N' or 'F')
            {
                var name = Encoding.ASCII.GetString(bytes, position, 11).TrimEnd('\0', ' ');
                fields.Add((name, offset, length));
            }

            offset += length;
        }

        if (fields.Count == 0 || recordLength <= 0)
        {
            return bytes;
        }

        for (long record = 0; record < recordCount; record++)
        {
            var start = headerLength + (record * recordLength);
            if (start + recordLength > bytes.Length)
            {
                break;
            }

            foreach (var (name, fieldOffset, length) in fields)
            {
                var cell = bytes.AsSpan((int)(start + fieldOffset), length);
                var text = Encoding.Latin1.GetString(cell).Trim();
                if (text.Length == 0 || text.Trim('*').Length == 0
                    || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    continue;
                }

                var ordinal = (record + 1).ToString(CultureInfo.InvariantCulture);
                var shown = DbfTextEncoding.Gbk.GetString(cell).Trim();
                var hint = shown.Contains('-', StringComparison.Ordinal) || shown.Contains('/', StringComparison.Ordinal) ? " (a date in a number field?)" : string.Empty;
                issues.Add(new DataIssue(request.RoleName, "#" + ordinal, DataIssueCodes.UnparseableValue,
                    $"Field {name} of record #{ordinal} in {request.InputName} holds \"{shown}\", which is not a number{hint}; it is read as empty."));
                cell.Fill((byte)' ');
            }
        }

        return bytes;
    }
}
