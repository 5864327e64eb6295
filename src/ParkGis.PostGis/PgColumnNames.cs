using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ParkGis.PostGis;

/// <summary>
/// The column each attribute is imported into, and the way back. An attribute keeps its own name when PostgreSQL can
/// hold it as one: 1 to 63 bytes of UTF-8, no NUL, not the key <c>ogc_fid</c> or the geometry <c>geom</c>, not a name
/// taken by an earlier attribute (ignoring case). Otherwise the column gets a deterministic name — <c>ogc_fid_1</c> for
/// a clash, the first 54 bytes and 8 hex digits of the name's SHA-256 for a name that is too long — and the schema's
/// <c>parkgis_columns(layer_table, column_name, attribute)</c> table records the pair, so that reading the dataset back
/// gives every attribute under its own name.
/// </summary>
internal static class PgColumnNames
{
    /// <summary>The table recording the renamed columns.</summary>
    public const string MappingTable = "parkgis_columns";

    /// <summary>PostgreSQL's identifier limit in bytes (NAMEDATALEN − 1); longer names are cut, so two may become one.</summary>
    public const int MaxBytes = 63;

    /// <summary>Bytes of a long name kept before the hash suffix (<c>_</c> and 8 hex digits make 63).</summary>
    private const int KeptBytes = MaxBytes - 9;

    /// <summary>The column for each attribute, in order: the attribute's own name wherever it can be.</summary>
    /// <param name="attributes">Attribute names in source order, distinct (ordinal).</param>
    /// <param name="reserved">Column names ParkGis adds to the table.</param>
    public static IReadOnlyList<string> For(IReadOnlyList<string> attributes, params string[] reserved)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var used = new HashSet<string>(reserved, StringComparer.OrdinalIgnoreCase);
        var columns = new List<string>(attributes.Count);
        foreach (var attribute in attributes)
        {
            var column = Storable(attribute) ? attribute : Shortened(attribute);
            var stem = column;
            for (var n = 1; used.Contains(column); n++)
            {
                var suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                column = Prefix(stem, MaxBytes - Encoding.UTF8.GetByteCount(suffix)) + suffix;
            }

            used.Add(column);
            columns.Add(column);
        }

        return columns;
    }

    /// <summary>column → attribute for every renamed column, by table; empty when the schema has no mapping table.</summary>
    public static Dictionary<string, Dictionary<string, string>> Read(NpgsqlConnection connection, string schema)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        using (var exists = new NpgsqlCommand("SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = schema });
            exists.Parameters.Add(new NpgsqlParameter { Value = MappingTable });
            if (exists.ExecuteScalar() is not true)
            {
                return result;
            }
        }

        using var command = new NpgsqlCommand($"SELECT layer_table, column_name, attribute FROM {PgIdentifier.Qualified(schema, MappingTable)}", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var table = reader.GetString(0);
            (result.TryGetValue(table, out var columns) ? columns : result[table] = new Dictionary<string, string>(StringComparer.Ordinal))[reader.GetString(1)] = reader.GetString(2);
        }

        return result;
    }

    /// <summary>
    /// Records the renamed columns of the imported tables (rows of earlier imports of those tables replaced); creates the
    /// mapping table only when a column was renamed.
    /// </summary>
    public static void Write(NpgsqlConnection connection, string schema, IReadOnlyDictionary<string, IReadOnlyList<(string Column, string Attribute)>> renamedByTable)
    {
        var table = PgIdentifier.Qualified(schema, MappingTable);
        var anyRenamed = renamedByTable.Values.Any(r => r.Count > 0);
        using (var exists = new NpgsqlCommand("SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = schema });
            exists.Parameters.Add(new NpgsqlParameter { Value = MappingTable });
            if (exists.ExecuteScalar() is not true)
            {
                if (!anyRenamed)
                {
                    return;
                }

                using var create = new NpgsqlCommand(
                    $"CREATE TABLE {table} (layer_table text NOT NULL, column_name text NOT NULL, attribute text NOT NULL, PRIMARY KEY (layer_table, column_name))", connection);
                create.ExecuteNonQuery();
            }
        }

        using (var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE layer_table = ANY($1)", connection))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = renamedByTable.Keys.ToArray() });
            delete.ExecuteNonQuery();
        }

        foreach (var (layerTable, renamed) in renamedByTable)
        {
            foreach (var (column, attribute) in renamed)
            {
                using var insert = new NpgsqlCommand($"INSERT INTO {table} (layer_table, column_name, attribute) VALUES ($1, $2, $3)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = layerTable });
                insert.Parameters.Add(new NpgsqlParameter { Value = column });
                insert.Parameters.Add(new NpgsqlParameter { Value = attribute });
                insert.ExecuteNonQuery();
            }
        }
    }

    private static bool Storable(string name) =>
        name.Length > 0 && !name.Contains('\0', StringComparison.Ordinal) && Encoding.UTF8.GetByteCount(name) <= MaxBytes;

    /// <summary>A name PostgreSQL can hold that no other attribute name gives: a prefix and a hash of the whole name.</summary>
    private static string Shortened(string name)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var kept = Prefix(name.Replace("\0", string.Empty, StringComparison.Ordinal), KeptBytes);
        return (kept.Length == 0 ? "column" : kept) + "_" + hash;
    }

    /// <summary>The longest prefix of whole characters (no split surrogate pair) of at most <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static string Prefix(string text, int bytes)
    {
        var length = 0;
        var size = 0;
        while (length < text.Length)
        {
            var step = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var charBytes = Encoding.UTF8.GetByteCount(text.AsSpan(length, step));
            if (size + charBytes > bytes)
            {
                break;
            }

            size += charBytes;
            length += step;
        }

        return text[..length];
    }
}
