namespace ParkGis.Core.Crs;

/// <summary>
/// One keyword of a WKT text with its arguments: quoted strings (<see cref="string"/>), numbers
/// (<see cref="double"/>), bare words such as <c>north</c> or <c>Cartesian</c> (<see cref="WktWord"/>) and nested
/// keywords (<see cref="WktNode"/>), in document order.
/// </summary>
internal sealed class WktNode
{
    public WktNode(string keyword, IReadOnlyList<object> arguments)
    {
        Keyword = keyword;
        Arguments = arguments;
    }

    /// <summary>The keyword in upper case, e.g. <c>PROJCS</c>.</summary>
    public string Keyword { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>The first argument when it is a quoted string (the name of most WKT objects), else empty.</summary>
    public string Name => Arguments.Count > 0 && Arguments[0] is string name ? name : string.Empty;

    public IEnumerable<WktNode> Children => Arguments.OfType<WktNode>();

    /// <summary>The first direct child with one of the keywords, or null.</summary>
    public WktNode? Child(params string[] keywords)
    {
        foreach (WktNode child in Children)
        {
            if (keywords.Contains(child.Keyword, StringComparer.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The direct children with one of the keywords.</summary>
    public IEnumerable<WktNode> ChildrenWith(params string[] keywords) =>
        Children.Where(child => keywords.Contains(child.Keyword, StringComparer.Ordinal));

    /// <summary>The <paramref name="index"/>-th argument as a number, or null when it is missing or not numeric.</summary>
    public double? Number(int index)
    {
        if (index >= Arguments.Count)
        {
            return null;
        }

        return Arguments[index] switch
        {
            double value => value,
            string text when WktParser.TryParseNumber(text, out double parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>The <paramref name="index"/>-th argument as text (quoted string, bare word or number), or null.</summary>
    public string? Text(int index)
    {
        if (index >= Arguments.Count)
        {
            return null;
        }

        return Arguments[index] switch
        {
            string text => text,
            WktWord word => word.Text,
            double value => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
