namespace ParkGis.IO.Formats;

/// <summary>
/// The field names of a layer in source order, shared by every row that has them, so that 100 000 features do
/// not carry 100 000 dictionaries. Lookup is ordinal, then ordinal-ignore-case (shapefile fields are often upper case).
/// </summary>
internal sealed class AttributeSchema
{
    private readonly Dictionary<string, int> _exact;
    private readonly Dictionary<string, int> _ignoreCase;

    public AttributeSchema(IReadOnlyList<string> names)
    {
        Names = [.. names];
        _exact = new Dictionary<string, int>(Names.Length, StringComparer.Ordinal);
        _ignoreCase = new Dictionary<string, int>(Names.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Names.Length; i++)
        {
            _exact.TryAdd(Names[i], i);
            _ignoreCase.TryAdd(Names[i], i);
        }
    }

    public string[] Names { get; }

    public int IndexOf(string name) =>
        _exact.TryGetValue(name, out var index) ? index : _ignoreCase.TryGetValue(name, out index) ? index : -1;

    public bool SameNames(IReadOnlyList<string> names)
    {
        if (names.Count != Names.Length)
        {
            return false;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (!string.Equals(names[i], Names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
