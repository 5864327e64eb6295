namespace ParkGis.IO.Excel;

/// <summary>
/// Sheet names Excel accepts (工作表名称): at most 31 characters, none of <c>[ ] : * ? / \</c>, no control characters,
/// no apostrophe at either end, not <c>History</c> (reserved), unique regardless of case.
/// </summary>
public static class SheetNames
{
    /// <summary>The longest sheet name Excel accepts.</summary>
    public const int MaxLength = 31;

    /// <summary>A legal name for <paramref name="wanted"/>, distinct from every name in <paramref name="taken"/> (which it is added to).</summary>
    public static string Legal(string wanted, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(taken);
        var chars = wanted.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) || char.IsSurrogate(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        if (name.Length == 0 || string.Equals(name, "History", StringComparison.OrdinalIgnoreCase))
        {
            name = "Sheet" + (taken.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        name = name.Length > MaxLength ? name[..MaxLength].TrimEnd('\'') : name;
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = "(" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            candidate = (name.Length + suffix.Length > MaxLength ? name[..(MaxLength - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }
}
