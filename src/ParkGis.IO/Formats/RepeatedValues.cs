using System.Text;

namespace ParkGis.IO.Formats;

/// <summary>
/// Shares one boxed object per repeated attribute value — land-use codes (用地性质), status words, years, dates — within
/// one reading pass, so that 100 000 parcels do not keep 100 000 copies of "工业用地" or of the same date alive for the
/// whole run (fewer objects for every collection to mark). Distinct values, such as parcel ids, are created as
/// before once the cache is full. Not thread-safe: one instance per reading thread.
/// </summary>
internal sealed class RepeatedValues
{
    /// <summary>Distinct values remembered per kind; enough for code lists, too few to matter for unique ids.</summary>
    private const int MaxEntries = 4096;

    /// <summary>Longer texts are not looked up (they are rarely repeated).</summary>
    private const int MaxTextBytes = 96;

    private readonly Dictionary<long, object> _integers = [];
    private readonly Dictionary<DateOnly, object> _dates = [];
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _textLookup;

    public RepeatedValues() => _textLookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The boxed integer, shared with earlier equal ones.</summary>
    public object Integer(long value) => Shared(_integers, value);

    /// <summary>The boxed date, shared with earlier equal ones.</summary>
    public object Date(DateOnly value) => Shared(_dates, value);

    /// <summary>The text of UTF-8 bytes, shared with earlier equal texts.</summary>
    public string Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxTextBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxTextBytes];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Text(chars[..length]);
    }

    /// <summary>The text of <paramref name="chars"/>, shared with earlier equal texts.</summary>
    public string Text(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxTextBytes)
        {
            return new string(chars);
        }

        if (_textLookup.TryGetValue(chars, out var text))
        {
            return text;
        }

        text = new string(chars);
        if (_texts.Count < MaxEntries)
        {
            _texts.Add(text, text);
        }

        return text;
    }

    private static object Shared<T>(Dictionary<T, object> boxes, T value)
        where T : struct
    {
        if (boxes.TryGetValue(value, out var boxed))
        {
            return boxed;
        }

        boxed = value;
        if (boxes.Count < MaxEntries)
        {
            boxes.Add(value, boxed);
        }

        return boxed;
    }
}
