using System.Text;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;

namespace ParkGis.IO.Tests;

/// <summary>A temporary dataset folder that test inputs are written into; deleted on dispose.</summary>
internal sealed class TestFolder : IDisposable
{
    public const string Cgcs2000Gk108Prj =
        """PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    static TestFolder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parkgis-io-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static GeometryFactory Factory { get; } = new();

    public static Encoding Gbk => Encoding.GetEncoding(936);

    public static Encoding Utf8 { get; } = new UTF8Encoding(false);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public TestFolder Write(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text, new UTF8Encoding(false));
        return this;
    }

    /// <summary>A square polygon with its lower-left corner at (x, y).</summary>
    public static Polygon Square(double x, double y, double size = 100) => Factory.CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x, y + size), new Coordinate(x + size, y + size), new Coordinate(x + size, y), new Coordinate(x, y),
    ]);

    /// <summary>A GeoJSON FeatureCollection with lon/lat squares; <paramref name="crs"/> is the raw crs member or null.</summary>
    public static string GeoJson(string? crs, params (string Properties, double X, double Y)[] features)
    {
        var builder = new StringBuilder("{\"type\":\"FeatureCollection\",");
        if (crs is not null)
        {
            builder.Append("\"crs\":").Append(crs).Append(',');
        }

        builder.Append("\"features\":[");
        for (var i = 0; i < features.Length; i++)
        {
            var (properties, x, y) = features[i];
            var d = x > 1000 ? 100 : 0.001;
            builder.Append(i > 0 ? "," : string.Empty)
                .Append("{\"type\":\"Feature\",\"properties\":").Append(properties)
                .Append(",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                .Append(FormattableString.Invariant($"[{x},{y}],[{x + d},{y}],[{x + d},{y + d}],[{x},{y + d}],[{x},{y}]"))
                .Append("]]}}");
        }

        return builder.Append("]}").ToString();
    }

    /// <summary>Writes a polygon shapefile with the given attributes (all rows share the first row's fields).</summary>
    public TestFolder WriteShapefile(string name, Encoding encoding, string? prj, params (Geometry Geometry, Dictionary<string, object?> Attributes)[] rows)
    {
        var features = rows.Select(row =>
        {
            var table = new AttributesTable();
            foreach (var (key, value) in row.Attributes)
            {
                table.Add(key, value);
            }

            return (IFeature)new NetTopologySuite.Features.Feature(row.Geometry, table);
        }).ToList();
        Shapefile.WriteAllFeatures(features, File(name), prj, encoding);
        return this;
    }

    /// <summary>Sets the DBF language-driver byte (offset 29) of a written .dbf.</summary>
    public TestFolder PatchLanguageDriver(string dbfName, byte value)
    {
        using var stream = new FileStream(File(dbfName), FileMode.Open, FileAccess.ReadWrite);
        stream.Position = 29;
        stream.WriteByte(value);
        return this;
    }

    public TestFolder Delete(string name)
    {
        System.IO.File.Delete(File(name));
        return this;
    }

    /// <summary>
    /// Writes a GeoPackage with one feature table per entry: columns <c>fid</c>, <c>geom</c> and the given TEXT /
    /// INTEGER / REAL / DATE columns, in EPSG:<paramref name="epsg"/>.
    /// </summary>
    public TestFolder WriteGeoPackage(string name, int epsg, params (string Table, string[] Columns, (Geometry? Geometry, object?[] Values)[] Rows)[] tables)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = File(name), Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            PRAGMA application_id = 1196444487;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL), ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
            """);
        Execute(connection, FormattableString.Invariant($"INSERT INTO gpkg_spatial_ref_sys VALUES ('EPSG {epsg}', {epsg}, 'EPSG', {epsg}, 'unused', NULL)"));
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        foreach (var (table, columns, rows) in tables)
        {
            var columnSql = string.Concat(columns.Select(column => ", " + column));
            Execute(connection, $"CREATE TABLE \"{table}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POLYGON{columnSql})");
            Execute(connection, FormattableString.Invariant($"INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('{table}', 'features', '{table}', {epsg})"));
            Execute(connection, FormattableString.Invariant($"INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', 'POLYGON', {epsg}, 0, 0)"));
            var names = columns.Select(column => column.Split(' ')[0]).ToArray();
            foreach (var (geometry, values) in rows)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = $"INSERT INTO \"{table}\" (geom{string.Concat(names.Select(n => ", " + n))}) VALUES ($g{string.Concat(names.Select((_, i) => ", $p" + i))})";
                if (geometry is not null)
                {
                    geometry.SRID = epsg;
                }

                insert.Parameters.AddWithValue("$g", geometry is null ? DBNull.Value : writer.Write(geometry));
                for (var i = 0; i < names.Length; i++)
                {
                    insert.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
                }

                insert.ExecuteNonQuery();
            }
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
