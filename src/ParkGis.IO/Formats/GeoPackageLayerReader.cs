using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using SQLitePCL;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads feature tables of a GeoPackage through Microsoft.Data.Sqlite (read-only) and
/// <see cref="GeoPackageGeometryReader"/>. The CRS comes from <c>gpkg_spatial_ref_sys</c>: the EPSG organization code,
/// else the definition WKT. Every non-geometry column is an attribute, the integer primary key (<c>fid</c>)
/// included, in table order; values follow the declared column type: INTEGER family → long, BOOLEAN → bool,
/// REAL/FLOAT/DOUBLE → double, DATE → DateOnly, DATETIME → DateTime, TEXT → string, BLOB → byte[].
/// </summary>
internal static class GeoPackageLayerReader
{
    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>The names of the feature tables in a GeoPackage, sorted ordinally.</summary>
    public static IReadOnlyList<string> FeatureTables(string path, string inputName)
    {
        return Guard(inputName, null, () =>
        {
            using var connection = Open(path);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT table_name FROM gpkg_contents WHERE lower(data_type) = 'features'";
            var tables = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }

            tables.Sort(StringComparer.Ordinal);
            return tables;
        });
    }

    public static SourceLayer Read(LayerReadRequest request)
    {
        var table = request.TableName ?? throw new ArgumentException("A GeoPackage layer needs a table name.", nameof(request));
        return Guard(request.InputName, null, () => ReadTable(request, table));
    }

    private static SourceLayer ReadTable(LayerReadRequest request, string table)
    {
        using var connection = Open(request.FilePath);
        var (geometryColumn, srsId) = GeometryColumn(connection, table, request.InputName);
        var columns = Columns(connection, table);
        var attributeColumns = columns.Where(column => !string.Equals(column.Name, geometryColumn, StringComparison.OrdinalIgnoreCase)).ToArray();
        var schema = new AttributeSchema([.. attributeColumns.Select(column => column.Name)]);

        var sql = "SELECT " + Quote(geometryColumn) + string.Concat(attributeColumns.Select(column => ", " + Quote(column.Name))) + " FROM " + Quote(table);
        var geometryReader = new GeoPackageGeometryReader();
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(srsId);
        var kinds = attributeColumns.Select(column => column.Kind).ToArray();
        var features = new List<SourceFeature>();

        // The row loop uses the SQLite C API directly: Microsoft.Data.Sqlite's GetValue costs twice as much per value.
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement), connection);
        using (statement)
        {
            var ordinal = 0;
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                ordinal++;
                var geometry = raw.sqlite3_column_type(statement, 0) == raw.SQLITE_BLOB
                    ? ParseGeometry(geometryReader, raw.sqlite3_column_blob(statement, 0), request.InputName, ordinal)
                    : factory.CreateGeometryCollection();
                var values = new object?[kinds.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ColumnValue(statement, i + 1, kinds[i]);
                }

                features.Add(new SourceFeature(ordinal, geometry, new AttributeRow(schema, values)));
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(step, connection);
            }
        }

        var crs = LayerCrsResolver.Resolve(request, () => DeclaredCrs(connection, srsId, request.InputName), () => Extent(features));
        foreach (var feature in features)
        {
            if (feature.Geometry.SRID != crs.Epsg)
            {
                feature.Geometry.SRID = crs.Epsg;
            }
        }

        return new SourceLayer(crs, features, []);
    }

    private static Geometry ParseGeometry(GeoPackageGeometryReader reader, ReadOnlySpan<byte> blob, string inputName, int ordinal)
    {
        try
        {
            return reader.Read(blob);
        }
        catch (Exception exception) when (exception is ParseException or ArgumentException or IOException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                $"{inputName}: the geometry of feature #{ordinal} is not a GeoPackage geometry blob: {exception.Message}",
                inputName,
                "#" + ordinal.ToString(CultureInfo.InvariantCulture),
                "Re-export the layer (e.g. ogr2ogr -f GPKG) to repair it.",
                exception);
        }
    }

    /// <summary>The value of a column converted for its declared type, as <see cref="Convert"/> would convert it.</summary>
    /// <remarks>Numbers are converted before they are boxed, and <c>yyyy-MM-dd</c> dates are read without making a string.</remarks>
    private static object? ColumnValue(sqlite3_stmt statement, int index, ColumnKind kind)
    {
        switch (raw.sqlite3_column_type(statement, index))
        {
            case raw.SQLITE_INTEGER:
                var integer = raw.sqlite3_column_int64(statement, index);
                return kind switch
                {
                    ColumnKind.Boolean => integer != 0 ? True : False,
                    ColumnKind.Real => (double)integer,
                    _ => integer,
                };
            case raw.SQLITE_FLOAT:
                var number = raw.sqlite3_column_double(statement, index);
                return kind == ColumnKind.Integer ? Convert(number, kind) : number;
            case raw.SQLITE_TEXT:
                var text = raw.sqlite3_column_text(statement, index);
                if (kind == ColumnKind.Date)
                {
                    var utf8 = MemoryMarshal.CreateReadOnlySpan(in text.GetPinnableReference(), raw.sqlite3_column_bytes(statement, index));
                    if (IsoDateText.TryParse(utf8, out var date))
                    {
                        return date;
                    }
                }

                return Convert(text.utf8_to_string(), kind);
            case raw.SQLITE_BLOB:
                return raw.sqlite3_column_blob(statement, index).ToArray();
            default:
                return null;
        }
    }

    private static void Check(int resultCode, SqliteConnection connection)
    {
        if (resultCode is not raw.SQLITE_OK and not raw.SQLITE_ROW and not raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), resultCode);
        }
    }

    private static (string Column, int SrsId) GeometryColumn(SqliteConnection connection, string table, string inputName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                $"{inputName} has no entry in gpkg_geometry_columns, so it is not a feature table.",
                inputName,
                hint: "Re-export the layer as a GeoPackage feature table (e.g. with ogr2ogr -f GPKG).");
        }

        return (reader.GetString(0), reader.IsDBNull(1) ? -1 : reader.GetInt32(1));
    }

    private static CrsDefinition? DeclaredCrs(SqliteConnection connection, int srsId, string inputName)
    {
        if (srsId is 0 or -1)
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var name = reader.IsDBNull(0) ? string.Empty : reader.GetString(0);
        var organization = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
        var code = reader.IsDBNull(2) ? 0 : reader.GetInt32(2);
        var definition = reader.IsDBNull(3) ? string.Empty : reader.GetString(3);
        if (string.Equals(organization, "EPSG", StringComparison.OrdinalIgnoreCase) && CrsRegistry.FromEpsg(code) is { } byCode)
        {
            return byCode;
        }

        if (definition.Length > 0 && !string.Equals(definition, "undefined", StringComparison.OrdinalIgnoreCase) && CrsRegistry.FromWkt(definition) is { } byWkt)
        {
            return byWkt;
        }

        throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            string.Create(CultureInfo.InvariantCulture, $"{inputName} is in the CRS \"{name}\" ({organization}:{code}, srs_id {srsId}), which ParkGis does not support."),
            inputName,
            hint: "Reproject to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger zone (EPSG:4491–4554), e.g. with ogr2ogr -t_srs EPSG:4545.");
    }

    private static List<ColumnInfo> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA table_info(" + Quote(table) + ")";
        using var reader = command.ExecuteReader();
        var columns = new List<ColumnInfo>();
        while (reader.Read())
        {
            var type = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
            columns.Add(new ColumnInfo(reader.GetString(1), KindOf(type)));
        }

        return columns;
    }

    private static ColumnKind KindOf(string declaredType)
    {
        var type = declaredType.ToUpperInvariant();
        var parenthesis = type.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            type = type[..parenthesis].Trim();
        }

        return type switch
        {
            "BOOLEAN" or "BOOL" => ColumnKind.Boolean,
            "DATE" => ColumnKind.Date,
            "DATETIME" or "TIMESTAMP" => ColumnKind.DateTime,
            "REAL" or "FLOAT" or "DOUBLE" => ColumnKind.Real,
            _ when type.Contains("INT", StringComparison.Ordinal) => ColumnKind.Integer,
            _ => ColumnKind.Other,
        };
    }

    private static object? Convert(object? value, ColumnKind kind) => (kind, value) switch
    {
        (ColumnKind.Boolean, long flag) => flag != 0,
        (ColumnKind.Integer, double number) when number == Math.Floor(number) && Math.Abs(number) < 9e18 => (long)number,
        (ColumnKind.Real, long number) => (double)number,
        (ColumnKind.Date, string text) when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        (ColumnKind.DateTime, string text) when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime) => dateTime,
        _ => value,
    };

    private static Envelope Extent(List<SourceFeature> features)
    {
        var envelope = new Envelope();
        foreach (var feature in features)
        {
            envelope.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        return envelope;
    }

    private static SqliteConnection Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static T Guard<T>(string inputName, string? feature, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException exception)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                $"{inputName} cannot be read as a GeoPackage: {exception.Message}",
                inputName,
                feature,
                "Check that the file is a complete GeoPackage (SQLite) file; re-export it if it was cut off.",
                exception);
        }
    }

    private enum ColumnKind
    {
        Other,
        Integer,
        Real,
        Boolean,
        Date,
        DateTime,
    }

    private sealed record ColumnInfo(string Name, ColumnKind Kind);
}
