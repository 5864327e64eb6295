using Npgsql;
using NetTopologySuite.Geometries;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Dates;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.PostGis.Tests;

/// <summary>
/// Issue 15's database attacks: degrees under a metre SRID, attribute names PostgreSQL cannot hold as they are, a
/// connection dropped mid-COPY, Z/M geometries — each a precise answer instead of a wrong one or a "retry later".
/// </summary>
public sealed class DatabaseAttackTests
{
    private static readonly GeometryFactory Factory = new();

    private static void Sql(TestDatabase db, string sql)
    {
        using var connection = db.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A parks table declared SRID 4545 (metres) that holds lon/lat, as a mislabelled import leaves it.</summary>
    private static void DegreesUnderMetres(TestDatabase db)
    {
        Sql(db, $"""
            CREATE SCHEMA "{db.Schema}";
            CREATE TABLE "{db.Schema}".parks (ogc_fid integer PRIMARY KEY, park_id text, name text, geom geometry(Polygon, 4545));
            INSERT INTO "{db.Schema}".parks VALUES
              (1, 'P1', '甲', ST_GeomFromText('POLYGON((500000 4400000, 501000 4400000, 501000 4401000, 500000 4401000, 500000 4400000))', 4545)),
              (2, 'P2', '乙', ST_GeomFromText('POLYGON((109.78 39.61, 109.79 39.61, 109.79 39.62, 109.78 39.62, 109.78 39.61))', 4545));
            """);
    }

    [PgFact]
    public void Degrees_in_a_table_declared_SRID_4545_are_PG0203_with_the_postgis_engine()
    {
        using var db = new TestDatabase();
        DegreesUnderMetres(db);
        var output = Path.Combine(Path.GetTempPath(), "parkgis-" + db.Schema);

        var (exit, _, stderr) = Cli.Run("check", db.Argument, "--engine", "postgis", "--out", output);

        Assert.True(exit == 3, stderr);
        Assert.Contains("详情: " + db.Schema + ".parks 的要素 #2 的坐标 (109.78, 39.61) 看起来是经纬度", stderr, StringComparison.Ordinal);
        Assert.Contains("  位置: " + db.Schema + ".parks#2", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [PgFact]
    public void Degrees_in_a_table_declared_SRID_4545_are_PG0203_when_read_for_any_command()
    {
        using var db = new TestDatabase();
        DegreesUnderMetres(db);

        var (exit, _, stderr) = Cli.Run("check", db.Argument, "--out", Path.Combine(Path.GetTempPath(), "parkgis-" + db.Schema));
        var info = Cli.Run("info", db.Argument);

        Assert.True(exit == 3 && stderr.Contains("error PG0203:", StringComparison.Ordinal), stderr);
        Assert.True(info.Exit == 3 && info.Stderr.Contains("看起来是经纬度", StringComparison.Ordinal), info.Stderr);
    }

    [PgFact]
    public void With_the_postgis_engine_a_park_that_is_a_line_is_not_analysed_and_no_usable_park_is_PG0112()
    {
        using var db = new TestDatabase();
        Sql(db, $"""
            CREATE SCHEMA "{db.Schema}";
            CREATE TABLE "{db.Schema}".parks (ogc_fid integer PRIMARY KEY, park_id text, name text, geom geometry(Geometry, 4545));
            INSERT INTO "{db.Schema}".parks VALUES
              (1, 'P1', '甲', ST_GeomFromText('POLYGON((500000 4400000, 501000 4400000, 501000 4401000, 500000 4401000, 500000 4400000))', 4545)),
              (2, 'P2', '乙', ST_GeomFromText('LINESTRING(502000 4400000, 503000 4400000)', 4545));
            """);
        var output = Path.Combine(Path.GetTempPath(), "parkgis-" + db.Schema);

        var one = Cli.Run("check", db.Argument, "--engine", "postgis", "--out", output);
        Sql(db, $"DELETE FROM \"{db.Schema}\".parks WHERE park_id = 'P1'");
        var none = Cli.Run("check", db.Argument, "--engine", "postgis", "--out", output + "-none");

        Assert.True(one.Exit == 1 && one.Stdout.Contains("未分析的园区 1 个", StringComparison.Ordinal), one.Stdout + one.Stderr);
        Assert.Contains("park_not_analysed", File.ReadAllText(Path.Combine(output, "check.json")), StringComparison.Ordinal);
        Assert.True(none.Exit == 3, none.Stderr);
        Assert.Contains("详情: " + db.Schema + ".parks 中的 1 个园区都无法分析——P2", none.Stderr, StringComparison.Ordinal);
    }

    [PgFact]
    public void A_plausible_table_passes_the_extent_check_without_reading_its_geometries_twice()
    {
        using var db = new TestDatabase();
        PgDatasetImporter.Import(DatasetReader.Read(Paths.Sample), db.Name, overwrite: false);

        var (exit, _, stderr) = Cli.Run("check", db.Argument, "--engine", "postgis", "--out", Path.Combine(Path.GetTempPath(), "parkgis-" + db.Schema));

        Assert.True(exit == 1, stderr);
    }

    [PgFact]
    public void A_UTC_date_time_column_and_one_mixed_with_text_import_and_read_back_as_the_same_Beijing_day()
    {
        // GeoPackage DATETIME values are UTC: Beijing midnight of 2020-01-01 is 2019-12-31T16:00:00Z. Before, a column of
        // them stopped the import with an internal error (a UTC DateTime into `timestamp`), and one holding a text too was
        // written as "12/31/2019 16:00:00", which no analysis reads as a date.
        using var db = new TestDatabase();
        var utc = new DateTime(2019, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        var square = Factory.CreatePolygon([new(500_000, 4_400_000), new(501_000, 4_400_000), new(501_000, 4_401_000), new(500_000, 4_401_000), new(500_000, 4_400_000)]);
        Feature Park(string id, int ordinal, object? mixed) => new(id, ordinal, square, new Dictionary<string, object?>
        {
            ["park_id"] = id, ["surveyed_at"] = utc, ["mixed_at"] = mixed, ["local_at"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        });
        var layer = new Layer(LayerRole.Parks, "parks.gpkg", "GeoPackage", CrsRegistry.FromEpsg(4545)!, [Park("P1", 1, utc), Park("P2", 2, "not a time")], new Dictionary<string, string>());

        PgDatasetImporter.Import(new Dataset("test", new Dictionary<LayerRole, Layer> { [LayerRole.Parks] = layer }, []), db.Name, overwrite: false);
        var back = PgDatasetReader.Read(db.Name).Find(LayerRole.Parks)!.Features.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

        Assert.Equal("timestamp with time zone", db.Scalar($"SELECT pg_typeof(surveyed_at)::text FROM \"{db.Schema}\".parks LIMIT 1"));
        Assert.Equal("timestamp without time zone", db.Scalar($"SELECT pg_typeof(local_at)::text FROM \"{db.Schema}\".parks LIMIT 1"));
        Assert.Equal("2019-12-31T16:00:00Z", back[0].Attributes["mixed_at"]);
        Assert.Equal("not a time", back[1].Attributes["mixed_at"]);
        foreach (var field in new[] { "surveyed_at", "mixed_at", "local_at" })
        {
            Assert.True(LenientDateParser.TryParse(back[0].Attributes[field], out var day), field);
            Assert.Equal(new DateOnly(2020, 1, 1), day);
        }
    }

    [PgFact]
    public void A_date_or_time_PostgreSQL_holds_and_dotnet_cannot_is_an_unparseable_value_issue_never_an_internal_error()
    {
        // PostgreSQL takes the year 20240 (a typo for 2024), dates before Christ and intervals of months; Npgsql cannot read
        // them as DateOnly, DateTime or TimeSpan, and every command reading the schema stopped with exit 4.
        using var db = new TestDatabase();
        PgDatasetImporter.Import(DatasetReader.Read(Paths.Sample), db.Name, overwrite: false);
        Sql(db, $"""
            ALTER TABLE "{db.Schema}".parcels RENAME agreed_start TO agreed_start_text;
            ALTER TABLE "{db.Schema}".parcels ADD agreed_start timestamptz, ADD surveyed date, ADD planned timestamp, ADD period interval, ADD ended date;
            UPDATE "{db.Schema}".parcels SET agreed_start = '20240-02-06 00:00+08', surveyed = '20230-04-04', planned = '0044-03-15 10:30 BC',
              period = '2 years 3 days', ended = 'infinity' WHERE parcel_id = 'P01-005';
            UPDATE "{db.Schema}".parcels SET agreed_start = '2024-02-06 00:00+08', surveyed = '2023-04-04', planned = '2024-03-01 10:30',
              period = '3 days', ended = '-infinity' WHERE parcel_id = 'P01-006';
            """);
        var output = Path.Combine(Path.GetTempPath(), "parkgis-" + db.Schema);

        var parcels = PgDatasetReader.Read(db.Name).Find(LayerRole.Parcels)!.Features.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var (exit, stdout, stderr) = Cli.Run("idle", db.Argument, "--as-of", "2025-06-30", "--out", output);

        var typo = parcels["P01-005"].Attributes;
        Assert.Equal(["20240-02-05 16:00:00+00", "20230-04-04", "0044-03-15 10:30:00 BC", "P24M3D", DateOnly.MaxValue],
            new[] { typo["agreed_start"], typo["surveyed"], typo["planned"], typo["period"], typo["ended"] });
        var fine = parcels["P01-006"].Attributes;
        Assert.Equal([new DateTime(2024, 2, 5, 16, 0, 0, DateTimeKind.Utc), new DateOnly(2023, 4, 4), new DateTime(2024, 3, 1, 10, 30, 0), TimeSpan.FromDays(3), DateOnly.MinValue],
            new[] { fine["agreed_start"], fine["surveyed"], fine["planned"], fine["period"], fine["ended"] });
        Assert.True(exit == 1, stderr);
        Assert.Contains("agreed_start '20240-02-05 16:00:00+00' 不是日期", File.ReadAllText(Path.Combine(output, "idle.json")), StringComparison.Ordinal);
        Assert.Contains("数据问题", stdout, StringComparison.Ordinal);
    }

    [PgFact]
    public void Attributes_named_ogc_fid_and_geom_and_names_over_63_bytes_survive_an_import_and_read_back()
    {
        using var db = new TestDatabase();
        var long1 = new string('a', 70);
        var long2 = new string('a', 63) + "b"; // the same 63-byte prefix PostgreSQL would cut both to
        var chinese = string.Concat(Enumerable.Repeat("园区四至界址点", 4)); // 28 characters, 84 bytes of UTF-8
        var attributes = new Dictionary<string, object?>
        {
            ["park_id"] = "P1", ["ogc_fid"] = 42L, ["geom"] = "a text called geom", ["GEOM"] = "another", [long1] = 1L, [long2] = 2L, [chinese] = "长",
        };
        var square = Factory.CreatePolygon([new(500_000, 4_400_000), new(501_000, 4_400_000), new(501_000, 4_401_000), new(500_000, 4_401_000), new(500_000, 4_400_000)]);
        var layer = new Layer(LayerRole.Parks, "parks.geojson", "GeoJSON", CrsRegistry.FromEpsg(4545)!, [new Feature("P1", 1, square, attributes)], new Dictionary<string, string>());
        var dataset = new Dataset("test", new Dictionary<LayerRole, Layer> { [LayerRole.Parks] = layer }, []);

        PgDatasetImporter.Import(dataset, db.Name, overwrite: false);
        var back = PgDatasetReader.Read(db.Name).Find(LayerRole.Parks)!.Features.Single();

        Assert.Equal(attributes.Keys.Order(StringComparer.Ordinal), back.Attributes.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in attributes)
        {
            Assert.Equal(value, back.Attributes[name]);
        }

        // ogc_fid, geom, GEOM (geom in another case), the two 64+-byte names and the 84-byte Chinese name: six renamed.
        Assert.Equal(6L, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_columns WHERE layer_table = 'parks'"));
        Assert.Equal("ogc_fid_1", db.Scalar($"SELECT column_name FROM \"{db.Schema}\".parkgis_columns WHERE attribute = 'ogc_fid'"));
        Assert.All(
            (IEnumerable<object>)db.Scalar($"SELECT array_agg(attname::text) FROM pg_attribute WHERE attrelid = '\"{db.Schema}\".parks'::regclass AND attnum > 0")!,
            column => Assert.True(System.Text.Encoding.UTF8.GetByteCount((string)column) <= 63, (string)column));
    }

    [PgFact]
    public void A_second_import_without_renamed_columns_clears_the_recorded_names_of_its_tables()
    {
        using var db = new TestDatabase();
        var square = Factory.CreatePolygon([new(500_000, 4_400_000), new(501_000, 4_400_000), new(501_000, 4_401_000), new(500_000, 4_400_000)]);
        Dataset With(string attribute) => new("test", new Dictionary<LayerRole, Layer>
        {
            [LayerRole.Parks] = new Layer(LayerRole.Parks, "parks.geojson", "GeoJSON", CrsRegistry.FromEpsg(4545)!,
                [new Feature("P1", 1, square, new Dictionary<string, object?> { ["park_id"] = "P1", [attribute] = "x" })], new Dictionary<string, string>()),
        }, []);

        PgDatasetImporter.Import(With("geom"), db.Name, overwrite: false);
        PgDatasetImporter.Import(With("geom_1"), db.Name, overwrite: true);
        var back = PgDatasetReader.Read(db.Name).Find(LayerRole.Parks)!.Features.Single();

        Assert.Equal(["geom_1", "park_id"], back.Attributes.Keys.Order(StringComparer.Ordinal));
    }

    [PgFact]
    public void A_connection_dropped_during_COPY_says_the_connection_was_lost_mid_import_and_nothing_was_changed()
    {
        using var db = new TestDatabase();
        var server = new NpgsqlConnectionStringBuilder(db.Name.ConnectionString);
        using var proxy = new DroppingProxy(server.Host!, server.Port);
        var viaProxy = db.Name with { ConnectionString = new NpgsqlConnectionStringBuilder(db.Name.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Pooling = false }.ConnectionString };
        var progress = new SynchronousProgress(line =>
        {
            if (line.StartsWith("copying parcels", StringComparison.Ordinal))
            {
                proxy.DropAfter(64 * 1024); // CREATE TABLE is a few hundred bytes; the parcels' COPY is far longer
            }
        });

        var error = Assert.Throws<UnusableInputException>(() => PgDatasetImporter.Import(DatasetReader.Read(Paths.Sample), viaProxy, overwrite: false, progress));

        Assert.True(proxy.Dropped, "the proxy never cut the connection");
        Assert.Equal(ErrorCodes.DatabaseFailure, error.Code);
        Assert.Contains("The connection to the database was lost during the import", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.Null(db.Scalar("SELECT 1 FROM pg_namespace WHERE nspname = $1", db.Schema));
    }

    [PgFact]
    public void Z_and_M_geometries_reaching_the_importer_are_written_in_2D_instead_of_failing()
    {
        using var db = new TestDatabase();
        var zm = new GeometryFactory(new PrecisionModel(), 0, NetTopologySuite.Geometries.Implementation.CoordinateArraySequenceFactory.Instance);
        var sequence = zm.CoordinateSequenceFactory.Create(5, 4, 1);
        double[][] ring = [[500_000, 4_400_000], [501_000, 4_400_000], [501_000, 4_401_000], [500_000, 4_401_000], [500_000, 4_400_000]];
        for (var i = 0; i < 5; i++)
        {
            sequence.SetX(i, ring[i][0]);
            sequence.SetY(i, ring[i][1]);
            sequence.SetZ(i, 1010 + i);
            sequence.SetM(i, i);
        }

        var polygon = zm.CreatePolygon(sequence);
        var layer = new Layer(LayerRole.Parks, "parks.shp", "Shapefile", CrsRegistry.FromEpsg(4545)!,
            [new Feature("P1", 1, polygon, new Dictionary<string, object?> { ["park_id"] = "P1" })], new Dictionary<string, string>());

        PgDatasetImporter.Import(new Dataset("test", new Dictionary<LayerRole, Layer> { [LayerRole.Parks] = layer }, []), db.Name, overwrite: false);

        Assert.Equal((short)2, db.Scalar($"SELECT ST_NDims(geom) FROM \"{db.Schema}\".parks"));
        Assert.Equal(1_000_000.0, (double)db.Scalar($"SELECT ST_Area(geom) FROM \"{db.Schema}\".parks")!, 6);
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
