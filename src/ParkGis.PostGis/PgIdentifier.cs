using System.Text;
using ParkGis.Core.Errors;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// Schema and table names that reach SQL text. They are validated — 1 to 63 bytes, a letter or underscore first,
/// then letters, digits or underscores (Chinese letters allowed) — and always double-quoted; anything else
/// (quotes, semicolons, spaces, control characters) is rejected with PG0506 before any SQL is built. Values
/// supplied by users (ids, names, run ids) are never identifiers: they travel as parameters.
/// </summary>
public static class PgIdentifier
{
    /// <summary>Returns <paramref name="name"/> when it is an acceptable identifier.</summary>
    /// <param name="name">The name.</param>
    /// <param name="what">What it names, for the message (<c>schema</c>, <c>table</c>).</param>
    /// <exception cref="UnusableInputException">PG0506 when the name is not acceptable.</exception>
    public static string Validate(string? name, string what)
    {
        if (IsAcceptable(name))
        {
            return name!;
        }

        throw new UnusableInputException(
            ErrorCodes.InvalidIdentifier,
            Localized.Format("IdentifierRejected", Noun(what), Printable(name)),
            what,
            hint: Localized.Format("IdentifierRejectedHint", Noun(what)));
    }

    /// <summary>The kind of name <paramref name="what"/> in the run's language.</summary>
    private static string Noun(string what) => what switch
    {
        "schema" => Localized.Get("NounSchema"),
        "table" => Localized.Get("NounTable"),
        "column" => Localized.Get("NounColumn"),
        "server" => Localized.Get("NounServer"),
        _ => what,
    };

    /// <summary>True when <paramref name="name"/> is an acceptable identifier.</summary>
    public static bool IsAcceptable(string? name)
    {
        if (string.IsNullOrEmpty(name) || Encoding.UTF8.GetByteCount(name) > 63)
        {
            return false;
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_') || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The validated identifier, double-quoted for SQL.</summary>
    public static string Quote(string name, string what) => "\"" + Validate(name, what) + "\"";

    /// <summary>
    /// A column name from the catalog, double-quoted with embedded quotes doubled (column names are data — 园区名称 —
    /// and need no validation beyond that; a NUL is rejected).
    /// </summary>
    public static string QuoteColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            Validate(name, "column");
        }

        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary><c>"schema"."table"</c>, both validated.</summary>
    public static string Qualified(string schema, string table) => Quote(schema, "schema") + "." + Quote(table, "table");

    private static string Printable(string? name) =>
        name is null ? string.Empty : new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
