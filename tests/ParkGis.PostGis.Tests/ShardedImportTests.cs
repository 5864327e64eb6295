using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.PostGis.Tests;

/// <summary>
/// A sharded import that fails or is stopped part-way changes no server: every server's transaction stays open until
/// every server is written (tests/setup.d/55-postgis-shards.sh's coordinator and two shards).
/// </summary>
[Collection(nameof(ShardedEngineTests))]
public sealed class ShardedImportTests
{
    [ShardedFact]
    public void A_sharded_import_refused_by_the_second_shard_leaves_the_first_shard_and_the_coordinator_unchanged()
    {
        using var shards = new ShardedDatabases();
        // Shard 2 already holds a parcels table of this dataset: without --overwrite its import is PG0507.
        shards.Scalar(ShardedDatabases.Shard2!, $"CREATE SCHEMA \"{shards.Schema}\"; CREATE TABLE \"{shards.Schema}\".parcels (id int)");

        var refused = Assert.Throws<UnusableInputException>(() =>
            PgShardedImporter.Import(DatasetContent.ReadFolder(Paths.Sample), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false));

        Assert.Equal(ErrorCodes.TableExists, refused.Code);
        Assert.Equal(0L, TablesIn(shards, ShardedDatabases.Shard1!));
        Assert.Equal(0L, TablesIn(shards, ShardedDatabases.Coordinator!));
        Assert.Equal(1L, TablesIn(shards, ShardedDatabases.Shard2!));
    }

    [ShardedFact]
    public void A_sharded_import_stopped_when_the_second_shard_begins_leaves_no_server_changed()
    {
        using var shards = new ShardedDatabases();
        using var stop = new CancellationTokenSource();
        var progress = new Progress(line =>
        {
            if (line.Contains("2/2", StringComparison.Ordinal) || line.Contains("2 of 2", StringComparison.Ordinal))
            {
                stop.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PgShardedImporter.Import(DatasetContent.ReadFolder(Paths.Sample), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false, progress, stop.Token));

        Assert.True(stop.IsCancellationRequested, "the import never reached the second shard");
        Assert.Equal(0L, TablesIn(shards, ShardedDatabases.Shard1!));
        Assert.Equal(0L, TablesIn(shards, ShardedDatabases.Shard2!));
        Assert.Equal(0L, TablesIn(shards, ShardedDatabases.Coordinator!));
    }

    [ShardedFact]
    public void A_sharded_import_that_succeeds_commits_every_server()
    {
        using var shards = new ShardedDatabases();

        var written = PgShardedImporter.Import(DatasetContent.ReadFolder(Paths.Sample), shards.CoordinatorName, shards.Shards, PgShardBy.Park, overwrite: false);

        Assert.Equal(3, written.Count);
        Assert.True(TablesIn(shards, ShardedDatabases.Shard1!) > 0);
        Assert.True(TablesIn(shards, ShardedDatabases.Shard2!) > 0);
        var parcels = (long)shards.Scalar(ShardedDatabases.Coordinator!, $"SELECT count(*) FROM \"{shards.Schema}\".parcels")!;
        Assert.Equal(484L, parcels);
    }

    private static long TablesIn(ShardedDatabases shards, string server) =>
        (long)shards.Scalar(server, $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{shards.Schema}'")!;

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> posts to the pool, too late to stop the next step).</summary>
    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
