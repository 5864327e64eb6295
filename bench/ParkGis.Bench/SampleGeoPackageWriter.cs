using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ParkGis.Bench;

/// <summary>A minimal GeoPackage 1.2 writer (EPSG:4545 feature tables, XY blobs) for the synthetic data.</summary>
internal sealed class SampleGeoPackageWriter : IDisposable
{
    private const string Wkt4545 = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 108E\",GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",108],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"4545\"]]";

    private readonly SqliteConnection _connection;
    private readonly GeoPackageGeoWriter _blobs = new() { HandleOrdinates = Ordinates.XY };

    public SampleGeoPackageWriter(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA application_id = 1196444487; PRAGMA user_version = 10200; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
            """);
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ('CGCS2000 / 3-degree Gauss-Kruger CM 108E', 4545, 'EPSG', 4545, $wkt, NULL)";
        command.Parameters.AddWithValue("$wkt", Wkt4545);
        command.ExecuteNonQuery();
    }

    /// <summary>Writes one feature table.</summary>
    public void Layer(string name, string geometryType, IReadOnlyList<(string Name, string Type)> columns, IEnumerable<(Geometry Geometry, object?[] Values)> rows)
    {
        var columnList = string.Join(", ", columns.Select(c => $"\"{c.Name}\" {c.Type}"));
        Execute($"CREATE TABLE \"{name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType}, {columnList})");
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{name}\" (geom, {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ($g, {string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"$p{i}")))})";
        var geometryParameter = insert.Parameters.Add("$g", SqliteType.Blob);
        var parameters = columns.Select((_, i) => insert.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), SqliteType.Text)).ToArray();
        var extent = new Envelope();
        foreach (var (geometry, values) in rows)
        {
            geometryParameter.Value = _blobs.Write(geometry);
            extent.ExpandToInclude(geometry.EnvelopeInternal);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
                parameters[i].SqliteType = values[i] switch
                {
                    int or long => SqliteType.Integer,
                    double => SqliteType.Real,
                    _ => SqliteType.Text,
                };
            }

            insert.ExecuteNonQuery();
        }

        using var contents = _connection.CreateCommand();
        contents.Transaction = transaction;
        contents.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $x0, $y0, $x1, $y1, 4545);
            INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, 4545, 0, 0);
            """;
        contents.Parameters.AddWithValue("$t", name);
        contents.Parameters.AddWithValue("$type", geometryType);
        contents.Parameters.AddWithValue("$x0", extent.MinX);
        contents.Parameters.AddWithValue("$y0", extent.MinY);
        contents.Parameters.AddWithValue("$x1", extent.MaxX);
        contents.Parameters.AddWithValue("$y1", extent.MaxY);
        contents.ExecuteNonQuery();
        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
