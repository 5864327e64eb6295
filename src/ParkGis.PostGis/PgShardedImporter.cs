using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Npgsql;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.IO.Datasets;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>What decides the shard of a parcel or approval (分片依据).</summary>
public enum PgShardBy
{
    /// <summary>The 旗区 (banner) of the feature's park: each banner's land on one server, as banners keep their own databases.</summary>
    Banner,

    /// <summary>The feature's park (<c>park_id</c>, else the park under its centroid).</summary>
    Park,

    /// <summary>A grid cell of the centroid (0.1° in lon/lat, 10 km projected): for one banner or park that dominates.</summary>
    Grid,
}

/// <summary>
/// Spreads a dataset over several PostGIS servers (分片导入): parcels and approvals are split by a shard key
/// (<see cref="PgShardBy"/>) into the column <c>parkgis_shard_key</c>, each key wholly on one shard (keys assigned
/// largest first to the least loaded shard, so shards get similar parcel counts); every other layer (parks, control
/// layers, utilities, settings, economics) is copied whole to every shard (reference tables). On the coordinator the
/// dataset's schema holds the same reference tables and <c>parcels</c>/<c>approvals</c> as tables partitioned by LIST
/// (<c>parkgis_shard_key</c>) whose partitions are postgres_fdw foreign tables on the shards (server options
/// <c>extensions 'postgis'</c>, <c>async_capable 'true'</c>); each shard's tables are visible on the coordinator in the
/// schema <c>SCHEMA_shardN</c>. Each server is written in its own transaction, and every transaction is held open until
/// every server is written: a failure (or a killed run) while writing leaves no server changed. Then the shards commit,
/// the coordinator is wired to them (postgres_fdw sees only committed tables) and commits last.
/// </summary>
public static class PgShardedImporter
{
    /// <summary>The partition (distribution) column added to parcels and approvals.</summary>
    public const string KeyColumn = "parkgis_shard_key";

    private static readonly LayerRole[] Distributed = [LayerRole.Parcels, LayerRole.Approvals];

    /// <summary>The schema on the coordinator that shows shard <paramref name="number"/>'s tables (1-based).</summary>
    public static string ShardSchema(string schema, int number) => string.Create(CultureInfo.InvariantCulture, $"{schema}_shard{number}");

    /// <summary>The postgres_fdw server of shard <paramref name="number"/> for a dataset schema.</summary>
    public static string ServerName(string schema, int number) => string.Create(CultureInfo.InvariantCulture, $"parkgis_{schema}_shard{number}");

    /// <summary>Imports the dataset onto the shards and wires the coordinator.</summary>
    /// <param name="content">The dataset as read from its source.</param>
    /// <param name="coordinator">Coordinator database and schema (the schema is used on every shard too).</param>
    /// <param name="shards">The shard databases (their Schema= is ignored).</param>
    /// <param name="shardBy">The shard key.</param>
    /// <param name="overwrite">Replace the dataset's tables where they exist.</param>
    /// <param name="progress">Progress lines; may be null.</param>
    /// <param name="cancellation">Stops the import.</param>
    /// <returns>Per server (coordinator first), the tables written there.</returns>
    /// <exception cref="UnusableInputException">A server cannot be used, or a table exists without <paramref name="overwrite"/>.</exception>
    public static IReadOnlyList<(PgDatasetName Server, IReadOnlyList<ImportedTable> Tables)> Import(
        DatasetContent content, PgDatasetName coordinator, IReadOnlyList<PgDatasetName> shards, PgShardBy shardBy, bool overwrite,
        IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ArgumentException("At least one shard is needed.", nameof(shards));
        }

        // The economics table goes to every server: read once.
        var economics = new Lazy<EconomicsTable?>(content.ReadEconomics, LazyThreadSafetyMode.ExecutionAndPublication);
        content = content with { ReadEconomics = () => economics.Value };
        var dataset = content.Dataset;
        var keys = Distributed.Select(dataset.Find).OfType<Layer>().ToDictionary(l => l.Role, l => ShardKeys(l, dataset.Find(LayerRole.Parks), shardBy));
        var assignment = Assign(keys.Values.SelectMany(k => k), shards.Count);
        RefuseExisting(coordinator, overwrite, cancellation);

        var columnsFrom = keys.Keys.ToDictionary(r => r, r => WithKeys(dataset.Layers[r], keys[r]));
        var onShards = new IReadOnlyList<ImportedTable>[shards.Count];

        // Shard s is written inside shard s − 1's transaction, before it commits: the last shard written commits first, and
        // a failure on any server rolls back every transaction still open (all of them while writing).
        void WriteShards(int s)
        {
            if (s == shards.Count)
            {
                return;
            }

            var target = shards[s].WithSchema(coordinator.Schema);
            var layers = new Dictionary<LayerRole, Layer>(dataset.Layers);
            foreach (var (role, layerKeys) in keys)
            {
                // The features with their keys are made once (columnsFrom): every shard's share holds those, not copies, so
                // the shares held while every shard is written take no more than one copy of the layer.
                var keyed = columnsFrom[role];
                var share = new List<Feature>();
                for (var i = 0; i < keyed.Features.Count; i++)
                {
                    if (assignment[layerKeys[i]] == s)
                    {
                        share.Add(keyed.Features[i]);
                    }
                }

                layers[role] = keyed with { Features = share };
            }

            progress?.Report(Localized.Format("ProgressShard", s + 1, shards.Count, target.DisplayName));
            onShards[s] = PgDatasetImporter.Import(
                content with { Dataset = dataset with { Layers = layers } }, target, overwrite, progress, cancellation, columnsFrom, (_, _) => WriteShards(s + 1));
        }

        progress?.Report(Localized.Format("ProgressCoordinator", coordinator.DisplayName));
        var reference = new Dictionary<LayerRole, Layer>(dataset.Layers);
        foreach (var role in keys.Keys)
        {
            reference.Remove(role);
        }

        // The coordinator's reference tables first, its transaction open while the shards are written and committed, then
        // its wiring in the same transaction (one connection: its tables are locked by it).
        var local = PgDatasetImporter.Import(
            content with { Dataset = dataset with { Layers = reference } }, coordinator, overwrite, progress, cancellation, columnsFrom: null,
            (connection, _) =>
            {
                WriteShards(0);
                Wire(connection, coordinator, shards, keys.Keys.ToList(), assignment, overwrite, cancellation);
            });
        var written = new List<(PgDatasetName Server, IReadOnlyList<ImportedTable> Tables)> { (coordinator, local) };
        written.AddRange(onShards.Select((tables, s) => (shards[s].WithSchema(coordinator.Schema), tables)));
        return written;
    }

    /// <summary>The shard key of each feature of a distributed layer, in feature order.</summary>
    internal static string[] ShardKeys(Layer layer, Layer? parks, PgShardBy shardBy)
    {
        var parkIndex = new STRtree<Feature>();
        var banners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var park in parks?.Features ?? [])
        {
            if (park.Geometry is { IsEmpty: false } geometry)
            {
                parkIndex.Insert(geometry.EnvelopeInternal, park);
            }

            if (parks!.Text(park, "banner") is { } banner)
            {
                banners.TryAdd(park.Id, banner);
            }
        }

        parkIndex.Build();
        var cell = layer.Crs.IsGeographic ? 0.1 : 10_000.0;
        var keys = new string[layer.Features.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var feature = layer.Features[i];
            var centre = feature.Geometry is { IsEmpty: false } g ? g.EnvelopeInternal.Centre : null;
            if (shardBy == PgShardBy.Grid)
            {
                keys[i] = centre is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(centre.X / cell)}:{Math.Floor(centre.Y / cell)}");
                continue;
            }

            var park = layer.Text(feature, "park_id");
            if (park is null && centre is not null)
            {
                var point = feature.Geometry!.Factory.CreatePoint(centre);
                park = parkIndex.Query(new Envelope(centre)).Where(p => p.Geometry.Covers(point)).Select(p => p.Id).Order(StringComparer.Ordinal).FirstOrDefault();
            }

            keys[i] = shardBy == PgShardBy.Banner && park is not null && banners.TryGetValue(park, out var banner) ? banner : park ?? string.Empty;
        }

        return keys;
    }

    /// <summary>Each key to a shard: keys by count, largest first (ties by key), each to the shard with the fewest features so far.</summary>
    internal static Dictionary<string, int> Assign(IEnumerable<string> keys, int shards)
    {
        var counts = keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => (Key: g.Key, Count: g.LongCount()))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal);
        var load = new long[shards];
        var assignment = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            var least = Array.IndexOf(load, load.Min());
            assignment[key] = least;
            load[least] += count;
        }

        return assignment;
    }

    private static Layer WithKeys(Layer layer, string[] keys) =>
        layer with { Features = [.. layer.Features.Select((f, i) => f with { Attributes = new Dictionary<string, object?>(f.Attributes, StringComparer.Ordinal) { [KeyColumn] = keys[i] } })] };

    private static void RefuseExisting(PgDatasetName coordinator, bool overwrite, CancellationToken cancellation)
    {
        if (overwrite)
        {
            return;
        }

        using var connection = PgSession.Open(coordinator, cancellation);
        foreach (var role in Distributed)
        {
            if (PgCatalog.TableExists(connection, coordinator.Schema, LayerRoles.Name(role)))
            {
                throw new UnusableInputException(ErrorCodes.TableExists,
                    Localized.Format("CoordinatorTableExists", coordinator.Schema, LayerRoles.Name(role)), coordinator.DisplayName,
                    hint: Localized.Get("TableExistsHint"));
            }
        }
    }

    /// <summary>The coordinator's foreign servers, shard schemas and partitioned tables, in the transaction open on <paramref name="connection"/>.</summary>
    private static void Wire(
        NpgsqlConnection connection, PgDatasetName coordinator, IReadOnlyList<PgDatasetName> shards, List<LayerRole> roles, Dictionary<string, int> assignment, bool overwrite,
        CancellationToken cancellation)
    {
        try
        {
            Execute(connection, "SET LOCAL client_min_messages = warning", cancellation);
            Execute(connection, "CREATE EXTENSION IF NOT EXISTS postgres_fdw", cancellation);
            var schema = PgIdentifier.Quote(coordinator.Schema, "schema");
            foreach (var role in Distributed)
            {
                Execute(connection, $"DROP TABLE IF EXISTS {PgIdentifier.Qualified(coordinator.Schema, LayerRoles.Name(role))}", cancellation);
            }

            for (var s = 0; s < shards.Count; s++)
            {
                var shard = new NpgsqlConnectionStringBuilder(shards[s].ConnectionString);
                var server = PgIdentifier.Quote(ServerName(coordinator.Schema, s + 1), "server");
                var local = PgIdentifier.Quote(ShardSchema(coordinator.Schema, s + 1), "schema");
                if (overwrite)
                {
                    Execute(connection, $"DROP SCHEMA IF EXISTS {local} CASCADE", cancellation);
                    Execute(connection, $"DROP SERVER IF EXISTS {server} CASCADE", cancellation);
                }

                Execute(connection,
                    $"""
                    CREATE SERVER {server} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (
                      host {Literal(shard.Host ?? "localhost")}, port {Literal(shard.Port.ToString(CultureInfo.InvariantCulture))},
                      dbname {Literal(shard.Database ?? shard.Username ?? "postgres")},
                      extensions 'postgis', async_capable 'true', fetch_size '10000', fdw_startup_cost '100')
                    """, cancellation);
                var credentials = new List<string>();
                if (shard.Username is { } user)
                {
                    credentials.Add($"user {Literal(user)}");
                }

                if (shard.Password is { } password)
                {
                    credentials.Add($"password {Literal(password)}");
                }

                Execute(connection, $"CREATE USER MAPPING FOR CURRENT_USER SERVER {server}{(credentials.Count > 0 ? $" OPTIONS ({string.Join(", ", credentials)})" : string.Empty)}", cancellation);
                Execute(connection, $"CREATE SCHEMA {local}", cancellation);
                Execute(connection, $"IMPORT FOREIGN SCHEMA {schema} FROM SERVER {server} INTO {local}", cancellation);

                // Statistics of the foreign tables (a sample the shard sends): without them the planner guesses that a join is
                // cheaper on the coordinator and pulls the geometry instead of shipping the overlay.
                foreach (var table in Tables(connection, ShardSchema(coordinator.Schema, s + 1), cancellation))
                {
                    Execute(connection, $"ANALYZE {PgIdentifier.Qualified(ShardSchema(coordinator.Schema, s + 1), table)}", cancellation);
                }
            }

            foreach (var role in roles)
            {
                var name = LayerRoles.Name(role);
                var parent = PgIdentifier.Qualified(coordinator.Schema, name);
                Execute(connection, $"CREATE TABLE {parent} (LIKE {PgIdentifier.Qualified(ShardSchema(coordinator.Schema, 1), name)}) PARTITION BY LIST ({KeyColumn})", cancellation);
                for (var s = 0; s < shards.Count; s++)
                {
                    var values = assignment.Where(a => a.Value == s).Select(a => a.Key).Order(StringComparer.Ordinal).ToArray();
                    if (values.Length > 0)
                    {
                        Execute(connection,
                            $"ALTER TABLE {parent} ATTACH PARTITION {PgIdentifier.Qualified(ShardSchema(coordinator.Schema, s + 1), name)} FOR VALUES IN ({string.Join(", ", values.Select(Literal))})",
                            cancellation);
                    }
                }
            }

        }
        catch (Exception exception) when (PgSession.IsDatabaseFailure(exception))
        {
            throw PgSession.Failure(exception, coordinator, cancellation, PgSession.RunStage.Working, Localized.Get("TheCoordinatorSetUp"));
        }
    }

    private static List<string> Tables(NpgsqlConnection connection, string schema, CancellationToken cancellation)
    {
        using var command = new NpgsqlCommand("SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'f' ORDER BY 1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        var tables = new List<string>();
        using var reader = PgSession.Reader(command, cancellation);
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>An SQL string literal (standard_conforming_strings: only the quote is doubled).</summary>
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        using var command = new NpgsqlCommand(sql, connection);
        PgSession.Execute(command, cancellation);
    }
}
