using NetTopologySuite.Geometries;
using Npgsql;
using ParkGis.Cli;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.PostGis.Tests;

public sealed class ImportTests
{
    [PgFact]
    public void Import_round_trip_keeps_geometry_ids_and_Chinese_text()
    {
        using var db = new TestDatabase();
        var original = DatasetReader.Read(Paths.Sample);
        PgDatasetImporter.Import(original, db.Name, overwrite: false);
        var back = PgDatasetReader.Read(db.Name);

        Assert.Equal(original.Layers.Keys.Order(), back.Layers.Keys.Order());
        foreach (var (role, layer) in original.Layers)
        {
            var copy = back.Layers[role];
            Assert.Equal(layer.Crs.Epsg, copy.Crs.Epsg);
            Assert.Equal(layer.Features.Count, copy.Features.Count);
            for (var i = 0; i < layer.Features.Count; i++)
            {
                var (a, b) = (layer.Features[i], copy.Features[i]);
                Assert.Equal(a.Id, b.Id);
                Assert.True(a.Geometry.EqualsExact(b.Geometry), $"{role} {a.Id}: geometry changed in the round trip");
                foreach (var (field, value) in a.Attributes)
                {
                    Assert.True(b.Attributes.TryGetValue(field, out var copied), $"{role} {a.Id}: field {field} lost");
                    Assert.True(Equals(Normalise(value), Normalise(copied)), $"{role} {a.Id}.{field}: {value} became {copied}");
                }
            }
        }

        var names = back.Find(LayerRole.Parks)!.Features.Select(f => back.Find(LayerRole.Parks)!.Text(f, "name")).ToList();
        Assert.Contains("鄂托克经济开发区", names);
    }

    [PgFact]
    public void A_second_import_without_overwrite_is_PG0507_and_changes_nothing()
    {
        using var db = new TestDatabase();
        var original = DatasetReader.Read(Paths.Sample);
        PgDatasetImporter.Import(original, db.Name, overwrite: false);
        var error = Assert.Throws<UnusableInputException>(() => PgDatasetImporter.Import(original, db.Name, overwrite: false));
        Assert.Equal(ErrorCodes.TableExists, error.Code);
        PgDatasetImporter.Import(original, db.Name, overwrite: true);
        Assert.Equal(8L, db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parks"));
    }

    [PgFact]
    public void A_reimport_with_overwrite_drops_the_tables_of_the_earlier_import_that_the_new_dataset_lacks()
    {
        using var db = new TestDatabase();
        var sample = DatasetContent.ReadFolder(Paths.Sample);
        PgDatasetImporter.Import(sample, db.Name, overwrite: false);
        Assert.True(db.TableExists("approvals") && db.TableExists("parkgis_economics"));

        PgDatasetImporter.Import(Without(sample, LayerRole.Approvals), db.Name, overwrite: true);

        // Read back, the schema is the new dataset alone: no approvals and no economics of the earlier one.
        Assert.False(db.TableExists("approvals"));
        Assert.False(db.TableExists("parkgis_economics"));
        var back = PgDatasetReader.ReadContent(db.Name);
        Assert.Null(back.Dataset.Find(LayerRole.Approvals));
        Assert.Null(back.ReadEconomics());
        Assert.Equal(sample.Dataset.Find(LayerRole.Parcels)!.Features.Count, back.Dataset.Find(LayerRole.Parcels)!.Features.Count);
    }

    [PgFact]
    public void A_reimport_without_overwrite_over_an_earlier_import_s_other_tables_is_PG0507_and_changes_nothing()
    {
        using var db = new TestDatabase();
        var first = Directory.CreateTempSubdirectory("parkgis-import-");
        var second = Directory.CreateTempSubdirectory("parkgis-import-");
        try
        {
            // Without parkgis.json neither import has settings, so only the layer tables can clash.
            File.Copy(Path.Combine(Paths.Sample, "approvals.geojson"), Path.Combine(first.FullName, "approvals.geojson"));
            File.Copy(Path.Combine(Paths.Sample, "urban_boundary.geojson"), Path.Combine(second.FullName, "urban_boundary.geojson"));
            PgDatasetImporter.Import(DatasetContent.ReadFolder(first.FullName), db.Name, overwrite: false);

            var error = Assert.Throws<UnusableInputException>(() => PgDatasetImporter.Import(DatasetContent.ReadFolder(second.FullName), db.Name, overwrite: false));

            // The earlier import's approvals would otherwise be read with the new urban boundary as one dataset.
            Assert.Equal(ErrorCodes.TableExists, error.Code);
            Assert.Contains("approvals", error.Message, StringComparison.Ordinal);
            Assert.False(db.TableExists("urban_boundary"));
            Assert.True(db.TableExists("approvals"));
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [PgFact]
    public void A_reimport_with_overwrite_keeps_a_layer_table_the_user_made()
    {
        using var db = new TestDatabase();
        db.Execute($"CREATE SCHEMA \"{db.Schema}\"");
        db.Execute($"CREATE TABLE \"{db.Schema}\".approvals (id text, geom geometry(Polygon, 4545))");
        var sample = DatasetContent.ReadFolder(Paths.Sample);

        PgDatasetImporter.Import(Without(sample, LayerRole.Approvals), db.Name, overwrite: true);

        Assert.True(db.TableExists("approvals"));
    }

    [PgFact]
    public void A_connection_killed_mid_import_leaves_no_partial_table()
    {
        using var db = new TestDatabase();
        var original = DatasetReader.Read(Paths.Sample);
        var name = db.Name with { ConnectionString = db.Name.ConnectionString + ";Application Name=" + db.Schema };
        var killed = false;
        var progress = new SynchronousProgress(line =>
        {
            // After parks and the red line are copied, kill the importing backend from a second connection.
            if (!killed && line.StartsWith("copying permanent_farmland", StringComparison.Ordinal))
            {
                killed = true;
                var terminated = db.Scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", db.Schema);
                Assert.Equal(1L, terminated);
            }
        });

        var error = Assert.Throws<UnusableInputException>(() => PgDatasetImporter.Import(original, name, overwrite: false, progress));
        Assert.True(killed, "the import never reached the farmland layer");
        Assert.Equal(ErrorCodes.DatabaseFailure, error.Code);
        Assert.Contains("lost during the import", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, db.TableCount());
        Assert.Null(db.Scalar("SELECT 1 FROM pg_namespace WHERE nspname = $1", db.Schema));
        NpgsqlConnection.ClearAllPools();
    }

    [PgFact]
    public void The_cli_imports_and_reads_back_through_the_pg_dataset()
    {
        using var db = new TestDatabase();
        var (exit, stdout, stderr) = Cli.Run("import", Paths.Sample, "--to", "pg:" + db.Name.ConnectionString, "--schema", db.Schema);
        Assert.True(exit == 0, stderr);
        Assert.Contains($"{db.Schema}.parcels", stdout, StringComparison.Ordinal);
        var info = Cli.Run("info", db.Argument, "--format", "json");
        Assert.True(info.Exit == 1, info.Stderr); // the sample's deliberate geometry problems are data issues
        Assert.Contains("\"format\": \"PostGIS\"", info.Stdout, StringComparison.Ordinal);
        Assert.Equal(1L, db.Scalar("SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND tablename = 'parks' AND indexdef LIKE '%gist%'", db.Schema));
    }

    [PgFact]
    public void A_large_polygon_is_stored_lz4_compressed_where_the_server_has_lz4_and_reads_back_the_same()
    {
        // A park outline of 4,000 vertices on a 1 m grid (64 KB of well-compressible WKB, TOASTed): the import's
        // transaction compresses it with lz4, not the server's default pglz, and every vertex reads back.
        using var db = new TestDatabase();
        var lz4 = db.Scalar("SELECT coalesce(bool_or('lz4' = ANY(enumvals)), false) FROM pg_settings WHERE name = 'default_toast_compression'") is true;
        var ring = Enumerable.Range(0, 1000).Select(i => new Coordinate(500000 + i, 4400000))
            .Concat(Enumerable.Range(0, 1000).Select(i => new Coordinate(501000, 4400000 + i)))
            .Concat(Enumerable.Range(0, 1000).Select(i => new Coordinate(501000 - i, 4401000)))
            .Concat(Enumerable.Range(0, 1000).Select(i => new Coordinate(500000, 4401000 - i)))
            .Append(new Coordinate(500000, 4400000)).ToArray();
        var park = new GeometryFactory().CreatePolygon(ring);
        var layer = new Layer(LayerRole.Parks, "parks.geojson", "GeoJSON", CrsRegistry.FromEpsg(4545)!,
            [new Feature("P1", 1, park, new Dictionary<string, object?> { ["park_id"] = "P1" })], new Dictionary<string, string>());

        PgDatasetImporter.Import(new Dataset("big", new Dictionary<LayerRole, Layer> { [LayerRole.Parks] = layer }, []), db.Name, overwrite: false);

        Assert.Equal(lz4 ? "lz4" : "pglz", db.Scalar($"SELECT pg_column_compression(geom) FROM \"{db.Schema}\".parks"));
        Assert.Equal(4001, db.Scalar($"SELECT ST_NPoints(geom) FROM \"{db.Schema}\".parks"));
        Assert.Equal(1e6, (double)db.Scalar($"SELECT ST_Area(geom) FROM \"{db.Schema}\".parks")!, 6);
    }

    [PgFact]
    public void An_import_whose_stdout_fails_is_PG0404_and_rolls_back()
    {
        // Attack: parkgis import … > /dev/full (was: the tables committed, then PG0404 and exit 3 — a failed run that
        // had changed the database).
        using var db = new TestDatabase();
        using var stderr = new StringWriter();

        var exit = ParkGisApp.Run(["import", Paths.Sample, "--to", "pg:" + db.Name.ConnectionString, "--schema", db.Schema], new FullDiskWriter(), stderr);

        Assert.True(exit == 3, stderr.ToString());
        Assert.Contains("error PG0404:", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(db.TableExists("parks"), "the import was committed");
        Assert.False(db.TableExists("parcels"), "the import was committed");
    }

    private sealed class FullDiskWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }

    private static object? Normalise(object? value) => value switch
    {
        int i => (long)i,
        float f => (double)f,
        _ => value,
    };

    /// <summary>The content without the layer <paramref name="role"/>, without settings and without an economics table.</summary>
    private static DatasetContent Without(DatasetContent content, LayerRole role) => content with
    {
        Dataset = content.Dataset with { Layers = content.Dataset.Layers.Where(l => l.Key != role).ToDictionary() },
        Configuration = null,
        ReadEconomics = () => null,
    };

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
