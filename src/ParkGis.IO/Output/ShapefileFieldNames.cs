using System.Text;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Output;

/// <summary>
/// Field names that fit a DBF (at most 10 bytes in the file's encoding, GBK here; unique ignoring case): a name that
/// fits is kept; a longer one is cut at a character boundary to 10 bytes (园区名称 fits, 约定动工日期 becomes 约定动工日);
/// a name that would repeat one before it is cut shorter and numbered (<c>supplied_1</c>). The same names in the same
/// order always give the same result.
/// </summary>
public static class ShapefileFieldNames
{
    /// <summary>The DBF limit on a field name, in bytes.</summary>
    public const int MaxBytes = 10;

    /// <summary>The short names of <paramref name="names"/>, in order.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var encoding = DbfTextEncoding.Gbk;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(names.Count);
        foreach (var name in names)
        {
            var shortName = Cut(encoding, name, MaxBytes);
            for (var n = 1; !used.Add(shortName); n++)
            {
                var suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                shortName = Cut(encoding, name, MaxBytes - suffix.Length) + suffix;
            }

            result.Add(shortName);
        }

        return result;
    }

    private static string Cut(Encoding encoding, string name, int maxBytes)
    {
        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in (name.Length == 0 ? "field" : name).EnumerateRunes())
        {
            var text = rune.ToString();
            var size = encoding.GetByteCount(text);
            if (bytes + size > maxBytes)
            {
                break;
            }

            builder.Append(text);
            bytes += size;
        }

        return builder.ToString();
    }
}
