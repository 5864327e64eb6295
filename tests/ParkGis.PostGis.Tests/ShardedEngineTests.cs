using System.Diagnostics;
using NetTopologySuite.Geometries;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.PostGis.Tests;

/// <summary>
/// The in-database engine on a coordinator with two postgres_fdw shards (tests/setup.d/55-postgis-shards.sh). One at a
/// time: one of them stops a shard.
/// </summary>
[Collection(nameof(ShardedEngineTests))]
public sealed class ShardedEngineTests
{
    [ShardedFact]
    public void The_sharded_engine_writes_the_same_check_json_as_one_server_and_agrees_with_the_local_engine_on_the_sample()
    {
        using var shards = new ShardedDatabases();
        using var one = new TestDatabase();
        AssertSameAsOneServer(shards, one, Paths.Sample, "park");
    }

    [ShardedFact(BenchData = Paths.BenchS100)]
    public void The_sharded_engine_writes_the_same_check_json_as_one_server_and_agrees_with_the_local_engine_on_the_S100_benchmark_data()
    {
        using var shards = new ShardedDatabases();
        using var one = new TestDatabase();
        AssertSameAsOneServer(shards, one, Paths.BenchS100, "banner");
    }

    [ShardedFact]
    public void The_overlay_of_each_parcel_runs_on_the_shards_asynchronously_not_on_the_coordinator()
    {
        using var shards = new ShardedDatabases();
        PgShardedImporter.Import(DatasetContent.ReadFolder(Paths.Sample), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false);
        string? plan = null;
        new PostGisConflictCheck(ConflictCheckOptions.Default) { ShardPlan = p => plan = p }.Check(shards.CoordinatorName);

        Assert.NotNull(plan);
        var remote = plan!.Split('\n').Where(l => l.TrimStart().StartsWith("Remote SQL:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(remote);
        Assert.True(
            remote.Any(l => l.Contains("st_intersection(", StringComparison.OrdinalIgnoreCase) && l.Contains("st_area(", StringComparison.OrdinalIgnoreCase)
                && l.Contains("GROUP BY", StringComparison.Ordinal) && l.Contains("ecological_redline", StringComparison.Ordinal)),
            "no Remote SQL runs the overlay of each parcel:\n" + plan);
        Assert.Contains("Async Foreign Scan", plan, StringComparison.Ordinal);
        // Every join of parcels with a control layer ships with its aggregate: only grouped numbers come back. (The LEFT
        // JOIN to the parks, for the area outside every park, is still aggregated on the coordinator: docs/scale.md.)
        var joins = plan.Split('\n').Where(l => l.TrimStart().StartsWith("Relations:", StringComparison.Ordinal) && l.Contains("INNER JOIN", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, joins.Count); // red line and farmland on two shards
        Assert.True(joins.All(l => l.Contains("Relations: Aggregate on", StringComparison.Ordinal)), "a join with a control layer is aggregated on the coordinator:\n" + plan);
    }

    [ShardedFact]
    public void Parcels_of_two_parks_on_two_shards_that_overlap_are_one_pair_counted_once()
    {
        // P1 | P2 side by side (1 km each); parcel A of P1 reaches 10 m into P2, B and C of P2 reach 10 m into P1: pairs
        // A–B (20 × 100 m), A–C (20 × 90 m) and B–C (110 × 90 m); under two or more parcels: 110 × 90 + 20 × 10 = 10 100 m².
        using var shards = new ShardedDatabases();
        var dataset = TwoParks(
            ("A", "P1", Box(900, 0, 1010, 100)),
            ("B", "P2", Box(990, 0, 1100, 100)),
            ("C", "P2", Box(990, 0, 1100, 90)));
        PgShardedImporter.Import(new DatasetContent(dataset, null, () => null), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false);
        Assert.Equal(2L, shards.Scalar(ShardedDatabases.Shard1!, $"SELECT count(*) FROM \"{shards.Schema}\".parcels"));
        Assert.Equal(1L, shards.Scalar(ShardedDatabases.Shard2!, $"SELECT count(*) FROM \"{shards.Schema}\".parcels"));

        var sharded = new PostGisConflictCheck(ConflictCheckOptions.Default).Check(shards.CoordinatorName);
        var local = new ConflictCheck(ConflictCheckOptions.Default).Check(dataset);
        Assert.Equal(3, sharded.Parcels!.ParcelOverlap.Pairs);
        Assert.Equal(10_100, sharded.Parcels.ParcelOverlap.AreaM2, 6);
        Assert.Equal(3, sharded.Parcels.Count);
        EngineAgreementTests.AssertAgree(local, sharded);
    }

    [ShardedFact]
    public void Invalid_and_collection_features_on_the_shards_are_screened_as_the_local_engine_screens_them_with_and_without_fix()
    {
        // The shards screen only the rows the coordinator lists as irregular; every other row is used as stored. A valid red
        // line R1 over all of parcel A (200 × 100 m); a bow-tie R2 and a collection-wrapped box R3 over parcel C; parcel B a
        // bow-tie. Without --fix R2 and B are dropped; with it both are repaired and measured.
        using var shards = new ShardedDatabases();
        var dataset = TwoParks(
            ("A", "P1", Box(100, 0, 300, 100)),
            ("B", "P2", BowTie(1400, 0, 1450, 100)),
            ("C", "P2", Box(1100, 0, 1600, 100)));
        var crs = dataset.Layers[LayerRole.Parks].Crs;
        var redline = new[] { ("R1", (Geometry)Box(0, 0, 500, 100)), ("R2", BowTie(1100, 0, 1300, 100)), ("R3", Factory.CreateGeometryCollection([Box(1500, 0, 1600, 100)])) }
            .Select((r, i) => new Feature(r.Item1, i + 1, r.Item2, new Dictionary<string, object?> { ["id"] = r.Item1 }))
            .ToList();
        var layers = new Dictionary<LayerRole, Layer>(dataset.Layers)
        {
            [LayerRole.EcologicalRedline] = new(LayerRole.EcologicalRedline, "redline.geojson", "GeoJSON", crs, redline, new Dictionary<string, string>()),
        };
        dataset = new Dataset(dataset.Name, layers, []);
        PgShardedImporter.Import(new DatasetContent(dataset, null, () => null), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false);

        var plain = new PostGisConflictCheck(ConflictCheckOptions.Default).Check(shards.CoordinatorName);
        EngineAgreementTests.AssertAgree(new ConflictCheck(ConflictCheckOptions.Default).Check(dataset), plain);
        var fix = new ConflictCheckOptions(FixInvalidGeometry: true);
        var repaired = new PostGisConflictCheck(fix).Check(shards.CoordinatorName);
        EngineAgreementTests.AssertAgree(new ConflictCheck(fix).Check(dataset), repaired);

        Assert.Equal(20_000 + 10_000, plain.Parcels!.EcologicalRedline.AreaM2, 6); // A, and R3 over C
        Assert.True(repaired.Parcels!.EcologicalRedline.AreaM2 > plain.Parcels.EcologicalRedline.AreaM2 + 1, "the repaired bow-tie R2 was not measured on the shards");
        Assert.Equal(2, plain.Parcels.Count);
        Assert.Equal(3, repaired.Parcels.Count);
    }

    [ShardedFact]
    public void Three_thousand_bow_tie_parcels_listed_as_irregular_to_the_shards_are_dropped_as_the_local_engine_drops_them()
    {
        // Attack on the irregular-row list the coordinator ships: 3,000 invalid parcels (every other one of a 100 × 60 grid
        // of 10 m cells in P1 and P2) beside 3,000 valid ones; the list is a literal in every per-shard statement.
        using var shards = new ShardedDatabases();
        var parcels = new List<(string Id, string Park, Polygon Geometry)>();
        for (var i = 0; i < 100; i++)
        {
            for (var j = 0; j < 60; j++)
            {
                var (x, y) = (400 + i * 12, -300 + j * 10);
                var park = x < 1000 ? "P1" : "P2";
                parcels.Add(($"Q{i:D3}-{j:D2}", park, (i + j) % 2 == 0 ? Box(x, y, x + 10, y + 10) : BowTie(x, y, x + 10, y + 10)));
            }
        }

        var dataset = TwoParks([.. parcels]);
        PgShardedImporter.Import(new DatasetContent(dataset, null, () => null), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false);

        var sharded = new PostGisConflictCheck(ConflictCheckOptions.Default).Check(shards.CoordinatorName);
        EngineAgreementTests.AssertAgree(new ConflictCheck(ConflictCheckOptions.Default).Check(dataset), sharded);
        Assert.Equal(3_000, sharded.Parcels!.Count);
        Assert.Equal(3_000, sharded.Issues.Count(i => i.Code == DataIssueCodes.InvalidGeometry));
    }

    [ShardedFact]
    public void A_shard_killed_during_the_check_is_PG0509_exit_3_and_nothing_is_written()
    {
        using var shards = new ShardedDatabases();
        PgShardedImporter.Import(DatasetContent.ReadFolder(Paths.Sample), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false);
        var output = Path.Combine(Path.GetTempPath(), "parkgis-killed-shard-" + Guid.NewGuid().ToString("N"));
        var stderr = new TriggeringWriter("checking parks in PostGIS", () => Control("stop"));
        try
        {
            using var stdout = new StringWriter();
            var exit = ParkGis.Cli.ParkGisApp.Run(["check", shards.Argument, "--engine", "postgis", "--out", output, "--write", shards.Argument, "--lang", "en"], stdout, stderr);

            Assert.True(stderr.Triggered, "the shard was never stopped: the check did not reach the parks");
            Assert.Equal(3, exit);
            Assert.Contains("PG0509", stderr.ToString(), StringComparison.Ordinal);
            // The server is named by its foreign server and address; the password of the user mapping is never shown.
            var shard2 = new Npgsql.NpgsqlConnectionStringBuilder(ShardedDatabases.Shard2!);
            Assert.Contains($"shard server parkgis_{shards.Schema}_shard2 (dbname={shard2.Database} host={shard2.Host} port={shard2.Port})", stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("password", stderr.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "files were written");
            Assert.Equal(false, shards.Scalar(ShardedDatabases.Coordinator!, $"SELECT to_regclass('\"{shards.Schema}\".parkgis_runs') IS NOT NULL"));
        }
        finally
        {
            if (stderr.Triggered)
            {
                Control("start");
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [ShardedFact]
    public void A_server_restarted_since_this_process_last_used_it_is_reached_again_not_reported_unreachable()
    {
        var shard = new PgDatasetName(ShardedDatabases.Shard2!, "public");
        PgSession.Open(shard).Dispose(); // back in the pool, alive
        Control("stop");
        Control("start");

        using var connection = PgSession.Open(shard); // the pooled connection is dead: the pool is emptied and a new one opened
        using var command = new Npgsql.NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, command.ExecuteScalar());
    }

    private static void AssertSameAsOneServer(ShardedDatabases shards, TestDatabase one, string folder, string shardBy)
    {
        var root = Path.Combine(Path.GetTempPath(), "parkgis-sharded-" + Guid.NewGuid().ToString("N"));
        try
        {
            var imported = Cli.Run("import", folder, "--to", shards.Argument, "--shards", shards.ShardsArgument, "--shard-by", shardBy);
            Assert.True(imported.Exit is 0 or 1, imported.Stderr);
            Assert.Contains("已导入到 2 个分片", imported.Stdout, StringComparison.Ordinal);
            PgDatasetImporter.Import(DatasetContent.ReadFolder(folder), one.Name, overwrite: false);

            var sharded = Cli.Run("check", shards.Argument, "--engine", "postgis", "--out", Path.Combine(root, "sharded"));
            var single = Cli.Run("check", one.Argument, "--engine", "postgis", "--out", Path.Combine(root, "one"));
            Assert.True(sharded.Exit == single.Exit, sharded.Stderr);
            Assert.Equal(File.ReadAllText(Path.Combine(root, "one", "check.json")), File.ReadAllText(Path.Combine(root, "sharded", "check.json")));

            var local = new ConflictCheck(ConflictCheckOptions.Default).Check(PgDatasetReader.Read(one.Name));
            EngineAgreementTests.AssertAgree(local, new PostGisConflictCheck(ConflictCheckOptions.Default).Check(shards.CoordinatorName));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static void Control(string action)
    {
        var command = ShardedDatabases.Shard2Control ?? throw new InvalidOperationException("PARKGIS_TEST_PG_SHARD2_CTL is not set.");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{command} {action}"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pg_ctl {action}: {process.StandardError.ReadToEnd()}");
    }

    private static readonly GeometryFactory Factory = new();

    /// <summary>A box in EPSG:4545 (zone 36 without prefix), metres from (500 000, 4 400 000).</summary>
    private static Polygon Box(double x0, double y0, double x1, double y1) =>
        (Polygon)Factory.ToGeometry(new Envelope(500_000 + x0, 500_000 + x1, 4_400_000 + y0, 4_400_000 + y1));

    /// <summary>A self-intersecting "bow-tie" ring over a box of <see cref="Box"/>'s coordinates (invalid by OGC rules).</summary>
    private static Polygon BowTie(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([
            new Coordinate(500_000 + x0, 4_400_000 + y0), new Coordinate(500_000 + x1, 4_400_000 + y1), new Coordinate(500_000 + x1, 4_400_000 + y0),
            new Coordinate(500_000 + x0, 4_400_000 + y1), new Coordinate(500_000 + x0, 4_400_000 + y0)]);

    private static Dataset TwoParks(params (string Id, string Park, Polygon Geometry)[] parcels)
    {
        var crs = CrsRegistry.FromEpsg(4545)!;
        var parks = new[] { ("P1", Box(0, -500, 1000, 500)), ("P2", Box(1000, -500, 2000, 500)) }
            .Select((p, i) => new Feature(p.Item1, i + 1, p.Item2, new Dictionary<string, object?> { ["park_id"] = p.Item1, ["name"] = "园区 " + p.Item1 }))
            .ToList();
        var parcelFeatures = parcels
            .Select((p, i) => new Feature(p.Id, i + 1, p.Geometry, new Dictionary<string, object?> { ["parcel_id"] = p.Id, ["park_id"] = p.Park }))
            .ToList();
        var empty = new Dictionary<string, string>();
        return new Dataset("two-parks", new Dictionary<LayerRole, Layer>
        {
            [LayerRole.Parks] = new(LayerRole.Parks, "parks.geojson", "GeoJSON", crs, parks, empty),
            [LayerRole.Parcels] = new(LayerRole.Parcels, "parcels.geojson", "GeoJSON", crs, parcelFeatures, empty),
        }, []);
    }

    /// <summary>Stderr that runs an action (once, synchronously) when a progress line containing a text is written.</summary>
    private sealed class TriggeringWriter(string trigger, Action action) : StringWriter
    {
        public bool Triggered { get; private set; }

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Check();
        }

        private void Check()
        {
            if (!Triggered && ToString().Contains(trigger, StringComparison.Ordinal))
            {
                Triggered = true;
                action();
            }
        }
    }
}

/// <summary>The sharded tests run alone: one of them stops a shard server.</summary>
[CollectionDefinition(nameof(ShardedEngineTests), DisableParallelization = true)]
public sealed class ShardedEngineCollection;
