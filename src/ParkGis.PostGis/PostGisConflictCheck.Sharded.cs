using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using ParkGis.Core.Analysis;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// The parcel side of the check on a sharded dataset (<see cref="PgShardedImporter"/>): parcels are a table partitioned
/// over postgres_fdw foreign tables. Every per-parcel statement is written against one shard's tables only — its parcel
/// partition and its copies of the reference layers — with the screening folded into the statement, so that
/// postgres_fdw ships the whole join, the overlay (ST_Intersection, ST_Area, ST_Union per parcel) and the grouping to the
/// shard; the shards run in parallel (one Append of asynchronous foreign scans) and the coordinator only adds up
/// per-parcel numbers. Parcel overlaps: each shard finds its own overlapping pairs; parcels that may overlap a parcel on
/// another shard (their box meets the extent of a shard key held elsewhere) are fetched, so that every overlapping parcel
/// — and only those — reaches the coordinator, where the overlap pieces are measured and unioned once (a pair on a
/// shard boundary is one pair, counted once).
/// </summary>
public sealed partial class PostGisConflictCheck
{
    /// <summary>
    /// Screening of sharded parcels: only the rows that are not plainly usable (no geometry, empty, not polygonal or
    /// invalid — a filter the shards evaluate) are fetched and worded as for any table; no <c>pg_s_parcels</c> is made.
    /// </summary>
    private void ScreenSharded(NpgsqlConnection connection, PgLayerTable parcels, string[] ids, List<DataIssue> issues)
    {
        var keys = new List<int>();
        using (var command = new NpgsqlCommand($"SELECT {Key(parcels)} FROM {parcels.QualifiedName}{parcels.OrderBy}", connection))
        using (var reader = PgSession.Reader(command, _cancellation))
        {
            while (reader.Read())
            {
                keys.Add(reader.GetInt32(0));
            }
        }

        if (ids.Length == 0)
        {
            issues.Add(new DataIssue(LayerRoles.Name(parcels.Role), string.Empty, DataIssueCodes.EmptyLayer, Localized.Format("LayerHasNoFeatures", parcels.Source)));
        }

        var g0 = PgIdentifier.QuoteColumn(parcels.GeometryColumn);
        if (parcels.Crs.IsGeographic)
        {
            using var query = new NpgsqlCommand(
                $"""
                SELECT {Key(parcels)}, CASE WHEN ST_XMin({g0}) < $1 THEN ST_XMin({g0}) ELSE ST_XMax({g0}) END
                FROM {parcels.QualifiedName} WHERE {g0} IS NOT NULL AND NOT ST_IsEmpty({g0}) AND (ST_XMin({g0}) < $1 OR ST_XMax({g0}) > $2)
                ORDER BY 1 LIMIT 1
                """, connection);
            query.Parameters.Add(new NpgsqlParameter { Value = AnalysisCrs.MinLongitude });
            query.Parameters.Add(new NpgsqlParameter { Value = AnalysisCrs.MaxLongitude });
            using var reader = PgSession.Reader(query, _cancellation);
            if (reader.Read())
            {
                throw AnalysisCrs.OutsideZones(parcels.Source, ids[keys.BinarySearch(reader.GetInt32(0))], reader.GetDouble(1));
            }
        }

        var suspects = $"""
            SELECT {Key(parcels)} AS ord, NULL::text AS name, {g0} AS g0 FROM {parcels.QualifiedName}
            WHERE {g0} IS NULL OR NOT ({WkbType(g0)} IN (3, 6) AND NOT ST_IsEmpty({g0}) AND ST_IsValid({g0}))
            """;
        CreateRaw(connection, parcels, suspects, [.. keys], ids);
        ScreenRaw(connection, parcels, issues, analysed: false);
        Execute(connection, "DROP TABLE pg_s_parcels"); // the suspects only: the parcels that overlap take its place (FetchOverlapping)
    }

    /// <summary>Receives the plan (EXPLAIN VERBOSE) of the statement that runs the per-parcel overlay on the shards; for tests.</summary>
    internal Action<string>? ShardPlan { get; init; }

    private ParcelConflicts CheckShardedParcels(NpgsqlConnection connection, Dictionary<LayerRole, PgLayerTable> tables)
    {
        var parcels = tables[LayerRole.Parcels];
        var minimum = _options.MinAreaM2.ToString("R", CultureInfo.InvariantCulture);
        string OnShards(Func<PgShard, string> perShard) => string.Join("\n  UNION ALL\n", parcels.Shards.Select(perShard));

        var irregularParcels = IrregularParcels(connection);
        var a = Screened(parcels, "a", irregularParcels);
        var epsg = AnalysisEpsg(parcels.Crs, a);
        var g = ToAnalysis(parcels.Crs, a, epsg);
        var irregular = tables.Values.Where(t => t.Role != LayerRole.Parcels && t.Role != LayerRole.Approvals)
            .ToDictionary(t => t.Role, t => IrregularRows(connection, t));
        string Inside(PgShard shard, PgLayerTable control, string join)
        {
            var c = Screened(control, "c", irregular[control.Role]);
            var parcelInControlCrs = parcels.Crs.Epsg == control.Crs.Epsg ? a : string.Create(CultureInfo.InvariantCulture, $"ST_Transform({a}, {control.Crs.Epsg})");
            var rawInControlCrs = parcels.Crs.Epsg == control.Crs.Epsg ? "a.geom" : string.Create(CultureInfo.InvariantCulture, $"ST_Transform(a.geom, {control.Crs.Epsg})");
            var cg = ToAnalysis(control.Crs, c, epsg);
            return $"""
                SELECT a.{Key(parcels)} AS ord, max(ST_Area({g})) AS area,
                       ST_Area(ST_Union(CASE WHEN ST_Covers({cg}, {g}) THEN {g} ELSE ST_CollectionExtract(ST_Intersection({g}, {cg}), 3) END)) AS inside
                FROM {shard.QualifiedName} a {join} {shard.Reference(control.Table)} c
                     ON c.{PgIdentifier.QuoteColumn(control.GeometryColumn)} && {rawInControlCrs} AND ST_Intersects({c}, {parcelInControlCrs})
                GROUP BY a.{Key(parcels)}
                """;
        }

        string Sum(LayerRole role) => tables.TryGetValue(role, out var control)
            ? $"(SELECT ARRAY[coalesce(sum(inside), 0), count(*) FILTER (WHERE inside >= {minimum})]::float8[] FROM (\n{OnShards(s => Inside(s, control, "JOIN"))}) t)"
            : "NULL::float8[]";

        // No filter on the screened parcel in the per-shard statements: it is NULL for a parcel the screening dropped, so
        // ST_Intersects drops it from the joins by itself, and a WHERE on it makes the planner estimate the shipped join
        // as dearer than pulling both tables (the overlay then ran on the coordinator). The dropped parcels come back from
        // the LEFT JOIN with a NULL area and are left out here — in FILTER clauses, not a WHERE, which the planner would
        // move into the per-shard statement as a HAVING that kept that aggregate on the coordinator.
        var sql = $"""
            SELECT (SELECT sum(n) FROM (
                    {OnShards(s => $"SELECT count(*) AS n FROM {s.QualifiedName} a WHERE {a} IS NOT NULL")}) n)::int,
                   {Sum(LayerRole.EcologicalRedline)}, {Sum(LayerRole.PermanentFarmland)},
                   (SELECT ARRAY[coalesce(sum(greatest(0, area - coalesce(inside, 0))) FILTER (WHERE area IS NOT NULL), 0),
                                 count(*) FILTER (WHERE area IS NOT NULL AND greatest(0, area - coalesce(inside, 0)) >= {minimum})]::float8[]
                    FROM ({OnShards(s => Inside(s, tables[LayerRole.Parks], "LEFT JOIN"))}) t)
            """;
        _progress?.Report(Localized.Format("ProgressShardParcels", parcels.Shards.Count));
        ShipJoins(connection, true);
        if (ShardPlan is { } plan)
        {
            using var explain = new NpgsqlCommand("EXPLAIN (VERBOSE, COSTS OFF) " + sql, connection);
            using var lines = PgSession.Reader(explain, _cancellation);
            var text = new System.Text.StringBuilder();
            while (lines.Read())
            {
                text.AppendLine(lines.GetString(0));
            }

            plan(text.ToString());
        }

        int count;
        var tallies = new (double Area, int Parcels)?[3];
        using (var command = new NpgsqlCommand(sql, connection))
        {
            command.CommandTimeout = 0;
            using var reader = PgSession.Reader(command, _cancellation);
            reader.Read();
            count = reader.GetInt32(0);
            for (var i = 0; i < 3; i++)
            {
                tallies[i] = reader.IsDBNull(i + 1) ? null : Tally(reader.GetFieldValue<double[]>(i + 1));
            }
        }

        ShipJoins(connection, false);

        _progress?.Report(Localized.Get("ProgressShardOverlaps"));
        FetchOverlapping(connection, parcels, irregularParcels);
        var (pairs, overlapArea) = ParcelOverlaps(connection, parcels.Crs);
        return new ParcelConflicts(
            count,
            new ParcelTally(tallies[0]?.Area ?? 0, tallies[0]?.Parcels ?? 0, tallies[0] is not null),
            new ParcelTally(tallies[1]?.Area ?? 0, tallies[1]?.Parcels ?? 0, tallies[1] is not null),
            new ParcelTally(tallies[2]!.Value.Area, tallies[2]!.Value.Parcels, true),
            new ParcelOverlapTally(overlapArea, pairs));
    }

    /// <summary>
    /// <c>pg_s_parcels</c> of the parcels that overlap another parcel: pairs found on each shard, plus the pairs between
    /// shards among the parcels whose box meets the extent of a shard key held on another shard.
    /// </summary>
    private void FetchOverlapping(NpgsqlConnection connection, PgLayerTable parcels, int[] irregularParcels)
    {
        var a = Screened(parcels, "a", irregularParcels);
        var b = Screened(parcels, "b", irregularParcels);
        var key = Key(parcels);
        var shardKey = PgIdentifier.QuoteColumn(PgShardedImporter.KeyColumn);
        var geometry = PgIdentifier.QuoteColumn(parcels.GeometryColumn);

        // Extents of each shard key, per shard (aggregates the shards compute).
        var extents = new List<(int Shard, Geometry Box)>();
        for (var s = 0; s < parcels.Shards.Count; s++)
        {
            using var command = new NpgsqlCommand(
                $"SELECT ST_Extent(a.{geometry})::geometry FROM {parcels.Shards[s].QualifiedName} a WHERE a.{geometry} IS NOT NULL GROUP BY a.{shardKey}", connection);
            using var reader = PgSession.Reader(command, _cancellation);
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    extents.Add((s, reader.GetFieldValue<Geometry>(0)));
                }
            }
        }

        var involved = new SortedSet<int>();
        var candidates = new List<string>();
        ShipJoins(connection, true);
        for (var s = 0; s < parcels.Shards.Count; s++)
        {
            var shard = parcels.Shards[s];
            using (var command = new NpgsqlCommand(
                $"""
                SELECT a.{key}, b.{key}
                FROM {shard.QualifiedName} a JOIN {shard.QualifiedName} b
                     ON b.{key} > a.{key} AND a.{geometry} && b.{geometry} AND ST_Relate({a}, {b}, 'T********')
                """, connection))
            {
                command.CommandTimeout = 0;
                using var reader = PgSession.Reader(command, _cancellation);
                while (reader.Read())
                {
                    involved.Add(reader.GetInt32(0));
                    involved.Add(reader.GetInt32(1));
                }
            }

            var elsewhere = extents.Where(e => e.Shard != s).Select(e => e.Box).ToArray();
            if (elsewhere.Length > 0)
            {
                var boxes = "ARRAY[" + string.Join(", ", elsewhere.Select(e => string.Create(CultureInfo.InvariantCulture,
                    $"ST_MakeEnvelope({e.EnvelopeInternal.MinX:R}, {e.EnvelopeInternal.MinY:R}, {e.EnvelopeInternal.MaxX:R}, {e.EnvelopeInternal.MaxY:R}, {parcels.Crs.Epsg})"))) + "]";
                candidates.Add(string.Create(CultureInfo.InvariantCulture,
                    $"SELECT {s} AS shard, a.{key} AS ord, {a} AS geom FROM {shard.QualifiedName} a WHERE a.{geometry} && ANY ({boxes}) AND {a} IS NOT NULL"));
            }
        }

        ShipJoins(connection, false);
        if (candidates.Count > 0)
        {
            Execute(connection, $"CREATE TEMP TABLE pg_x_parcels ON COMMIT DROP AS {string.Join("\nUNION ALL\n", candidates)}");
            Execute(connection, "CREATE INDEX ON pg_x_parcels USING gist (geom)");
            using var command = new NpgsqlCommand(
                "SELECT a.ord, b.ord FROM pg_x_parcels a JOIN pg_x_parcels b ON a.shard < b.shard AND ST_Intersects(a.geom, b.geom) AND ST_Relate(a.geom, b.geom, 'T********')",
                connection);
            command.CommandTimeout = 0;
            using var reader = PgSession.Reader(command, _cancellation);
            while (reader.Read())
            {
                involved.Add(reader.GetInt32(0));
                involved.Add(reader.GetInt32(1));
            }
        }

        var own = AnalysisEpsg(parcels.Crs, "x.geom");
        using var create = new NpgsqlCommand(
            $"""
            CREATE TEMP TABLE pg_s_parcels ON COMMIT DROP AS
            SELECT ord, geom, epsg, {ToAnalysis(parcels.Crs, "geom", "epsg")} AS g
            FROM (SELECT x.*, {own} AS epsg FROM (SELECT a.{key} AS ord, {a} AS geom FROM {parcels.QualifiedName} a WHERE a.{key} = ANY ($1)) x) y
            WHERE geom IS NOT NULL
            """, connection);
        create.Parameters.Add(new NpgsqlParameter { Value = involved.ToArray() });
        PgSession.Execute(create, _cancellation);
        Execute(connection, "CREATE INDEX ON pg_s_parcels USING gist (geom)");
        Execute(connection, "ANALYZE pg_s_parcels");
    }

    /// <summary>
    /// Turns the coordinator's nested-loop joins off (<paramref name="ship"/>) or back on around the per-shard joins. A
    /// spatial join has no equality to hash or merge on, so a nested loop is the only way to join on the coordinator;
    /// without it the planner takes the join postgres_fdw ships to the shard — which it otherwise weighs on local
    /// estimates and, for the screened geometry, sometimes judged dearer than pulling every geometry. The per-park
    /// statements, on the coordinator's own tables, run with the setting as it was.
    /// </summary>
    private void ShipJoins(NpgsqlConnection connection, bool ship) =>
        Execute(connection, ship ? "SET LOCAL enable_nestloop = off" : "RESET enable_nestloop");

    /// <summary>
    /// SQL for the screened geometry of a row (<c>pg_s_ROLE.geom</c> of <see cref="Screen"/>) from its own columns only, so
    /// that a shard can evaluate it: polygonal geometry (a collection only of polygons as a MultiPolygon) when valid, else
    /// repaired with <c>--fix</c>, else NULL.
    /// </summary>
    private string Screened(PgLayerTable table, string alias)
    {
        var g0 = $"{alias}.{PgIdentifier.QuoteColumn(table.GeometryColumn)}";
        var polygonal = $"(CASE WHEN {WkbType(g0)} IN (3, 6) THEN {g0} "
            + $"WHEN {WkbType(g0)} = 7 AND ST_NPoints(ST_CollectionExtract({g0}, 3)) = ST_NPoints({g0}) THEN ST_Multi(ST_CollectionExtract({g0}, 3)) END)";
        return _options.FixInvalidGeometry
            ? $"(CASE WHEN ST_IsValid({polygonal}) THEN {polygonal} ELSE NULLIF(ST_Multi(ST_CollectionExtract(ST_MakeValid({polygonal}, 'method=structure'), 3)), 'MULTIPOLYGON EMPTY'::geometry) END)"
            : $"(CASE WHEN ST_IsValid({polygonal}) THEN {polygonal} END)";
    }

    /// <summary>
    /// <see cref="Screened(PgLayerTable, string)"/> for a table whose irregular rows are known: every other row's screened
    /// geometry is its geometry as stored (a valid polygon or multipolygon), so the shards evaluate the screening — a
    /// validity test per row and join pair, dear on a large red-line polygon — only for the rows listed.
    /// </summary>
    private string Screened(PgLayerTable table, string alias, int[] irregular)
    {
        var g0 = $"{alias}.{PgIdentifier.QuoteColumn(table.GeometryColumn)}";
        if (irregular.Length == 0)
        {
            return g0;
        }

        var keys = "'{" + string.Join(",", irregular.Select(k => k.ToString(CultureInfo.InvariantCulture))) + "}'::int[]";
        return $"(CASE WHEN {alias}.{Key(table)} = ANY ({keys}) THEN {Screened(table, alias)} ELSE {g0} END)";
    }

    /// <summary>
    /// Keys of the rows of a reference table (read from the coordinator's copy, which every shard holds too) whose
    /// screened geometry is not the stored one: not a polygon or multipolygon, or not valid.
    /// </summary>
    private int[] IrregularRows(NpgsqlConnection connection, PgLayerTable table)
    {
        var g0 = $"t.{PgIdentifier.QuoteColumn(table.GeometryColumn)}";
        using var command = new NpgsqlCommand(
            $"SELECT t.{Key(table)} FROM {table.QualifiedName} t WHERE {g0} IS NOT NULL AND NOT ({WkbType(g0)} IN (3, 6) AND ST_IsValid({g0})) ORDER BY 1",
            connection);
        return Keys(command);
    }

    /// <summary>Keys of the parcels <see cref="ScreenSharded"/> found not plainly usable (<c>pg_r_parcels</c>): a superset of the irregular ones.</summary>
    private int[] IrregularParcels(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT ord FROM pg_r_parcels ORDER BY 1", connection);
        return Keys(command);
    }

    private int[] Keys(NpgsqlCommand command)
    {
        var keys = new List<int>();
        using var reader = PgSession.Reader(command, _cancellation);
        while (reader.Read())
        {
            keys.Add(reader.GetInt32(0));
        }

        return [.. keys];
    }

    /// <summary>
    /// SQL for the OGC geometry type code of a geometry (3 polygon, 6 multipolygon, 7 collection; Z/M variants folded),
    /// read from its WKB: GeometryType() returns collatable text, which postgres_fdw will not ship, so a filter on it
    /// would pull every geometry to the coordinator.
    /// </summary>
    private static string WkbType(string geometry) =>
        $"(CASE get_byte(ST_AsBinary({geometry}), 0) WHEN 1 THEN get_byte(ST_AsBinary({geometry}), 1) + 256 * get_byte(ST_AsBinary({geometry}), 2) "
        + $"ELSE get_byte(ST_AsBinary({geometry}), 4) + 256 * get_byte(ST_AsBinary({geometry}), 3) END % 1000)";

    /// <summary>The key column of a sharded table (<c>ogc_fid</c>: the feature's position, unique over all shards).</summary>
    private static string Key(PgLayerTable table) => PgIdentifier.QuoteColumn(table.OrderColumn ?? PgDatasetImporter.KeyColumn);

    /// <summary>An <c>ARRAY[area, count]</c> read back.</summary>
    private static (double Area, int Parcels) Tally(double[] values) => (values[0], checked((int)values[1]));
}
