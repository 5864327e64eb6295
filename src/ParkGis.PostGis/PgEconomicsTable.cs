using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using ParkGis.Core.Intensity;

namespace ParkGis.PostGis;

/// <summary>
/// The economics table (经济指标表) of a <c>pg:</c> dataset: <c>parkgis_economics</c>, one row per row of the file it
/// was imported from (<c>row</c> = the row number there), the canonical columns the file had (<c>parcel_id</c>,
/// <c>enterprise</c>, <c>year</c>, <c>output_wan</c>, …) and nothing else. <c>parkgis import</c> writes it from the
/// folder's economics table as read; a <c>pg:</c> dataset reads it back into the same <see cref="EconomicsTable"/>.
/// </summary>
internal static class PgEconomicsTable
{
    /// <summary>The table's name.</summary>
    public const string TableName = "parkgis_economics";

    private static readonly (string Name, Func<EconomicsRecord, double?> Value)[] Figures =
    [
        ("output_wan", r => r.OutputWan), ("revenue_wan", r => r.RevenueWan), ("tax_wan", r => r.TaxWan),
        ("value_added_wan", r => r.ValueAddedWan), ("fixed_investment_wan", r => r.FixedInvestmentWan), ("energy_tce", r => r.EnergyTce),
        ("emissions_t", r => r.EmissionsT), ("employees", r => r.Employees), ("rd_wan", r => r.RdWan), ("electricity_kwh", r => r.ElectricityKwh),
    ];

    /// <summary>
    /// Creates the table in <paramref name="schema"/> and copies the rows in (binary COPY), in the transaction that creates
    /// it: the rows go in frozen (<see cref="PgDatasetImporter"/>).
    /// </summary>
    public static void Write(NpgsqlConnection connection, string schema, EconomicsTable table, CancellationToken cancellation)
    {
        var figures = Figures.Where(f => table.Columns.Contains(f.Name)).ToList();
        var keys = new[] { "parcel_id", "enterprise" }.Where(table.Columns.Contains).ToList();
        var qualified = PgIdentifier.Qualified(schema, TableName);
        var definitions = new List<string> { "row integer PRIMARY KEY" };
        definitions.AddRange(keys.Select(k => $"{k} text"));
        definitions.Add("year integer NOT NULL");
        definitions.AddRange(figures.Select(f => $"{f.Name} double precision"));
        using (var create = new NpgsqlCommand($"CREATE TABLE {qualified} ({string.Join(", ", definitions)})", connection))
        {
            PgSession.Execute(create, cancellation);
        }

        var columns = string.Join(", ", new[] { "row" }.Concat(keys).Append("year").Concat(figures.Select(f => f.Name)));
        using (var writer = connection.BeginBinaryImport($"COPY {qualified} ({columns}) FROM STDIN (FORMAT BINARY, FREEZE)"))
        {
            Copy(writer, table, keys, figures, cancellation);
        }
    }

    private static void Copy(
        NpgsqlBinaryImporter writer, EconomicsTable table, List<string> keys, List<(string Name, Func<EconomicsRecord, double?> Value)> figures, CancellationToken cancellation)
    {
        foreach (var row in table.Rows)
        {
            cancellation.ThrowIfCancellationRequested();
            writer.StartRow();
            writer.Write(row.Row, NpgsqlDbType.Integer);
            foreach (var key in keys)
            {
                WriteText(writer, key == "parcel_id" ? row.ParcelId : row.Enterprise);
            }

            writer.Write(row.Year, NpgsqlDbType.Integer);
            foreach (var figure in figures)
            {
                if (figure.Value(row) is { } value)
                {
                    writer.Write(value, NpgsqlDbType.Double);
                }
                else
                {
                    writer.WriteNull();
                }
            }
        }

        writer.Complete();
    }

    /// <summary>Reads the table back, or null when the schema has none.</summary>
    public static EconomicsTable? Read(NpgsqlConnection connection, string schema, CancellationToken cancellation)
    {
        if (!PgCatalog.TableExists(connection, schema, TableName))
        {
            return null;
        }

        using var command = new NpgsqlCommand($"SELECT * FROM {PgIdentifier.Qualified(schema, TableName)} ORDER BY row", connection);
        using var reader = PgSession.Reader(command, cancellation);
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var present = Figures.Where(f => names.Contains(f.Name, StringComparer.Ordinal)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var rows = new List<EconomicsRecord>();
        while (reader.Read())
        {
            cancellation.ThrowIfCancellationRequested();
            string? Text(string column) => !names.Contains(column, StringComparer.Ordinal) || reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));
            double? Figure(string column) => present.Contains(column) && !reader.IsDBNull(reader.GetOrdinal(column)) ? reader.GetDouble(reader.GetOrdinal(column)) : null;
            rows.Add(new EconomicsRecord(
                reader.GetInt32(reader.GetOrdinal("row")), Text("parcel_id"), Text("enterprise"), reader.GetInt32(reader.GetOrdinal("year")),
                Figure("output_wan"), Figure("revenue_wan"), Figure("tax_wan"), Figure("value_added_wan"), Figure("fixed_investment_wan"),
                Figure("energy_tce"), Figure("emissions_t"), Figure("employees"), Figure("rd_wan"), Figure("electricity_kwh")));
        }

        var columns = new HashSet<string>(present, StringComparer.Ordinal) { "year" };
        columns.UnionWith(new[] { "parcel_id", "enterprise" }.Where(k => names.Contains(k, StringComparer.Ordinal)));
        return new EconomicsTable(string.Create(CultureInfo.InvariantCulture, $"{schema}.{TableName}"), columns, rows);
    }

    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }
}
