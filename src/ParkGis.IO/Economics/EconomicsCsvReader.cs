using System.Globalization;
using System.Text;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Industry;

namespace ParkGis.IO.Economics;

/// <summary>
/// A minimal reader of the dataset's <c>economics.csv</c> (UTF-8, BOM optional, comma-separated, double-quoted
/// fields allowed) for the columns the leading-industry share needs: <c>parcel_id</c>, <c>year</c>,
/// <c>output_wan</c>. Other columns are ignored. A row whose year or output cannot be read is an
/// <c>unparseable_value</c> data issue and is left out. (To be replaced by the intensity reader when it lands.)
/// </summary>
public static class EconomicsCsvReader
{
    /// <summary>The file name looked for in a dataset folder.</summary>
    public const string FileName = "economics.csv";

    /// <summary>The rows of <c>economics.csv</c> in <paramref name="folder"/>, or an empty list when the folder has none.</summary>
    /// <exception cref="UnusableInputException">PG0104 when the file lacks a required column or cannot be read.</exception>
    public static IReadOnlyList<EconomicsRecord> ReadFolder(string folder, ICollection<DataIssue> issues)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Read(path, issues) : [];
    }

    /// <summary>Reads a file.</summary>
    /// <exception cref="UnusableInputException">PG0104 when the file lacks a required column or cannot be read.</exception>
    public static IReadOnlyList<EconomicsRecord> Read(string path, ICollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(issues);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new UnusableInputException(ErrorCodes.UnreadableInput, $"{FileName} cannot be read: {e.Message}", FileName,
                hint: "Save the table as CSV UTF-8.", inner: e);
        }

        var rows = new List<EconomicsRecord>();
        if (lines.Length == 0)
        {
            return rows;
        }

        var header = Split(lines[0].TrimStart('\uFEFF')).Select(h => h.Trim()).ToList();
        int Column(string name)
        {
            var index = header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new UnusableInputException(ErrorCodes.UnreadableInput,
                $"{FileName} has no column {name}.", FileName, hint: "The header needs parcel_id, year and output_wan (产值, 万元).");
        }

        var parcel = Column("parcel_id");
        var year = Column("year");
        var output = Column("output_wan");
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = Split(lines[i]);
            string Field(int index) => index < fields.Count ? fields[index].Trim() : string.Empty;
            var line = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (!int.TryParse(Field(year), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
                || !double.TryParse(Field(output), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                issues.Add(new DataIssue("economics", Field(parcel), DataIssueCodes.UnparseableValue,
                    $"{FileName} line {line}: year \"{Field(year)}\" or output_wan \"{Field(output)}\" is not a number; the row was left out."));
                continue;
            }

            rows.Add(new EconomicsRecord(Field(parcel), y, value));
        }

        return rows;
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
