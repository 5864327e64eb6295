using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ParkGis.Bench;

/// <summary>
/// A minimal GeoPackage 1.2 writer (EPSG:4545 feature tables, XY blobs) for the synthetic data; last_change is pinned
/// so that two runs with one seed write identical tables.
/// </summary>
internal sealed class SampleGeoPackageWriter : IFeatureSink
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

    /// <inheritdoc/>
    public IFeatureTable Table(string name, string geometryType, IReadOnlyList<(string Name, string Type)> columns) =>
        new Writer(this, name, geometryType, columns);

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Writer : IFeatureTable
    {
        private readonly SampleGeoPackageWriter _owner;
        private readonly string _name;
        private readonly string _geometryType;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter _geometry;
        private readonly SqliteParameter[] _parameters;
        private readonly Envelope _extent = new();

        public Writer(SampleGeoPackageWriter owner, string name, string geometryType, IReadOnlyList<(string Name, string Type)> columns)
        {
            (_owner, _name, _geometryType) = (owner, name, geometryType);
            var columnList = string.Join(", ", columns.Select(c => $"\"{c.Name}\" {c.Type}"));
            owner.Execute($"CREATE TABLE \"{name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType}, {columnList})");
            _transaction = owner._connection.BeginTransaction();
            _insert = owner._connection.CreateCommand();
            _insert.Transaction = _transaction;
            _insert.CommandText = $"INSERT INTO \"{name}\" (geom, {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ($g, {string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"$p{i}")))})";
            _geometry = _insert.Parameters.Add("$g", SqliteType.Blob);
            _parameters = [.. columns.Select((_, i) => _insert.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), SqliteType.Text))];
        }

        public void Add(Geometry geometry, object?[] values)
        {
            _geometry.Value = _owner._blobs.Write(geometry);
            _extent.ExpandToInclude(geometry.EnvelopeInternal);
            for (var i = 0; i < _parameters.Length; i++)
            {
                (_parameters[i].Value, _parameters[i].SqliteType) = values[i] switch
                {
                    null => (DBNull.Value, SqliteType.Text),
                    int or long => (values[i]!, SqliteType.Integer),
                    double => (values[i]!, SqliteType.Real),
                    DateOnly date => (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SqliteType.Text),
                    _ => (values[i]!, SqliteType.Text),
                };
            }

            _insert.ExecuteNonQuery();
        }

        public void Dispose()
        {
            using var contents = _owner._connection.CreateCommand();
            contents.Transaction = _transaction;
            contents.CommandText = """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, min_x, min_y, max_x, max_y, srs_id)
                  VALUES ($t, 'features', $t, '2026-06-30T00:00:00.000Z', $x0, $y0, $x1, $y1, 4545);
                INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, 4545, 0, 0);
                """;
            contents.Parameters.AddWithValue("$t", _name);
            contents.Parameters.AddWithValue("$type", _geometryType);
            contents.Parameters.AddWithValue("$x0", _extent.MinX);
            contents.Parameters.AddWithValue("$y0", _extent.MinY);
            contents.Parameters.AddWithValue("$x1", _extent.MaxX);
            contents.Parameters.AddWithValue("$y1", _extent.MaxY);
            contents.ExecuteNonQuery();
            _transaction.Commit();
            _insert.Dispose();
            _transaction.Dispose();
        }
    }
}
