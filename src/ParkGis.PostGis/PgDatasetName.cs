using System.Data.Common;
using Npgsql;
using ParkGis.Core.Errors;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// A dataset in a PostGIS database, named <c>pg:&lt;Npgsql connection string&gt;[;Schema=name]</c>: the connection
/// string goes to Npgsql unchanged except for <c>Schema</c> (default <c>public</c>), which names the schema whose
/// tables are the layers.
/// </summary>
/// <param name="ConnectionString">The Npgsql connection string without the <c>Schema</c> key.</param>
/// <param name="Schema">The schema holding the layers (validated: see <see cref="PgIdentifier"/>).</param>
public sealed record PgDatasetName(string ConnectionString, string Schema)
{
    /// <summary>The prefix that marks a dataset argument as a database.</summary>
    public const string Prefix = "pg:";

    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = "public";

    /// <summary>True when a dataset argument names a database (starts with <c>pg:</c>).</summary>
    public static bool IsDatabase(string dataset) =>
        dataset is not null && dataset.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// How the dataset is shown in messages and outputs: <c>pg:Host=…;Database=…;Schema=…</c> without password or
    /// other secrets.
    /// </summary>
    public string DisplayName
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"pg:Host={builder.Host};Port={builder.Port};Database={builder.Database};Schema={Schema}";
        }
    }

    /// <summary>The same database with another schema.</summary>
    public PgDatasetName WithSchema(string schema) => this with { Schema = PgIdentifier.Validate(schema, "schema") };

    /// <summary>Parses <c>pg:…</c>.</summary>
    /// <exception cref="UnusableInputException">PG0508 for a malformed connection string, PG0506 for a hostile schema name.</exception>
    public static PgDatasetName Parse(string dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!IsDatabase(dataset))
        {
            throw new ArgumentException($"'{dataset}' does not start with {Prefix}.", nameof(dataset));
        }

        var text = dataset[Prefix.Length..];
        DbConnectionStringBuilder generic;
        try
        {
            generic = new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException exception)
        {
            throw Malformed(exception.Message, exception);
        }

        var schema = DefaultSchema;
        foreach (var key in generic.Keys.Cast<string>().ToList())
        {
            if (string.Equals(key.Trim(), "Schema", StringComparison.OrdinalIgnoreCase))
            {
                schema = Convert.ToString(generic[key], System.Globalization.CultureInfo.InvariantCulture) ?? DefaultSchema;
                generic.Remove(key);
            }
        }

        try
        {
            var npgsql = new NpgsqlConnectionStringBuilder(generic.ConnectionString);
            if (string.IsNullOrWhiteSpace(npgsql.Host) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PGHOST")))
            {
                throw Malformed(Localized.Get("ConnectionNoHost"), inner: null);
            }

            return new PgDatasetName(npgsql.ConnectionString, PgIdentifier.Validate(schema, "schema"));
        }
        catch (ArgumentException exception)
        {
            throw Malformed(exception.Message, exception);
        }
    }

    /// <summary>PG0508 for a connection string Npgsql or ParkGis cannot use.</summary>
    internal static UnusableInputException Malformed(string reason, Exception? inner) => new(
        ErrorCodes.InvalidConnectionString,
        Localized.Format("ConnectionStringInvalid", reason),
        "pg:",
        hint: Localized.Get("ConnectionStringHint"),
        inner: inner);
}
