using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ParkGis.IO.Formats;

/// <summary>One feature's attribute values over a shared <see cref="AttributeSchema"/>, enumerated in source order.</summary>
internal sealed class AttributeRow : IReadOnlyDictionary<string, object?>
{
    private readonly AttributeSchema _schema;
    private readonly object?[] _values;

    public AttributeRow(AttributeSchema schema, object?[] values)
    {
        _schema = schema;
        _values = values;
    }

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No attribute '{key}'.");

    public IEnumerable<string> Keys => _schema.Names;

    public IEnumerable<object?> Values => _values;

    public int Count => _values.Length;

    public bool ContainsKey(string key) => _schema.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = _schema.IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = _values[index];
        return true;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_schema.Names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
