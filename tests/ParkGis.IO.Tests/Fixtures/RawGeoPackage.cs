using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ParkGis.Tests.Fixtures;

/// <summary>
/// Writes a GeoPackage (GeoPackage 1.3 system tables, one feature table per call) whose geometry blobs the test
/// gives as bytes — made by <see cref="Blob(string, int, Ordinates)"/> from WKT (XY, XYZ, XYZM) or damaged on purpose —
/// and whose <c>gpkg_spatial_ref_sys</c> rows may lie. Shared by the IO and CLI tests (linked into both).
/// </summary>
internal static class RawGeoPackage
{
    /// <summary>Creates the file with its system tables and the given spatial reference rows.</summary>
    public static void Create(string path, params (int SrsId, string Organization, int CoordsysId, string Definition)[] systems)
    {
        using var connection = Open(path);
        Execute(connection, """
            PRAGMA application_id = 1196444487;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL), ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
            """);
        foreach (var (srsId, organization, coordsysId, definition) in systems)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $code, $definition, NULL)";
            insert.Parameters.AddWithValue("$name", string.Create(CultureInfo.InvariantCulture, $"{organization} {coordsysId}"));
            insert.Parameters.AddWithValue("$id", srsId);
            insert.Parameters.AddWithValue("$org", organization);
            insert.Parameters.AddWithValue("$code", coordsysId);
            insert.Parameters.AddWithValue("$definition", definition);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Adds a feature table <paramref name="table"/> (<c>fid</c>, <c>geom</c>, then <paramref name="columns"/> such as
    /// <c>"park_id TEXT"</c>) with its rows: a blob (null for a NULL geometry) and one value per column.
    /// </summary>
    public static void AddTable(string path, string table, int srsId, string[] columns, params (byte[]? Blob, object?[] Values)[] rows)
    {
        using var connection = Open(path);
        Execute(connection, $"CREATE TABLE \"{table}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY{string.Concat(columns.Select(c => ", " + c))})");
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('{table}', 'features', '{table}', {srsId})"));
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', 'GEOMETRY', {srsId}, 2, 2)"));
        var names = columns.Select(c => c.Split(' ')[0]).ToArray();
        foreach (var (blob, values) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table}\" (geom{string.Concat(names.Select(n => ", " + n))}) VALUES ($g{string.Concat(names.Select((_, i) => ", $p" + i.ToString(CultureInfo.InvariantCulture)))})";
            insert.Parameters.AddWithValue("$g", blob is null ? DBNull.Value : blob);
            for (var i = 0; i < names.Length; i++)
            {
                insert.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
            }

            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Runs SQL on the file (to store a value the way another tool would, e.g. as text in an INTEGER column).</summary>
    public static void Sql(string path, string sql)
    {
        using var connection = Open(path);
        Execute(connection, sql);
    }

    /// <summary>A standard GeoPackage geometry blob of a WKT geometry with the given srs_id and ordinates.</summary>
    public static byte[] Blob(string wkt, int srsId, Ordinates ordinates = Ordinates.XY)
    {
        var geometry = new WKTReader().Read(wkt);
        geometry.SRID = srsId;
        return new GeoPackageGeoWriter { HandleOrdinates = ordinates }.Write(geometry);
    }

    /// <summary>A square polygon as WKT, lower-left corner (x, y).</summary>
    public static string Square(double x, double y, double size = 100) => string.Create(CultureInfo.InvariantCulture,
        $"POLYGON (({x} {y}, {x} {y + size}, {x + size} {y + size}, {x + size} {y}, {x} {y}))");

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF"); // a test fixture: no fsync per statement
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
