using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using ParkGis.Core.Analysis;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Localization;
using ParkGis.Core.Parks;
using ParkGis.IO.Datasets;
using ParkGis.IO.Formats;
using ParkGis.PostGis.Localization;

namespace ParkGis.PostGis;

/// <summary>
/// The conflict check of <see cref="ConflictCheck"/> run as SQL inside PostGIS (<c>--engine postgis</c>), returning
/// the same <see cref="ConflictCheckResult"/>. Features are screened in SQL (ST_IsValid; ST_MakeValid with
/// <c>--fix</c>); each park and parcel is measured in its analysis CRS by the rule of <see cref="AnalysisCrs"/> (lon/lat:
/// the 3° zone of its own centroid, EPSG 4534 + zone − 25; zone-prefixed: the prefix removed by a pure shift;
/// projected: as is); candidate pairs come from the GiST indexes (ST_Intersects in the stored CRS); conflict =
/// ST_Union of the pairwise ST_Intersection pieces, outside = ST_Difference with the union of the urban pieces;
/// patches are the ST_Dump parts, the same minimum-area rule decides patch or sliver, and each patch lists the
/// control features whose pieces' ST_PointOnSurface it covers. Feature ids are assigned exactly as the reader
/// does (the id columns are read, nothing else). Everything runs in one transaction on temporary tables that
/// are dropped at the end; the dataset's tables are only read.
/// </summary>
public sealed partial class PostGisConflictCheck
{
    private static readonly LayerRole[] Controls = [LayerRole.EcologicalRedline, LayerRole.PermanentFarmland, LayerRole.UrbanBoundary];

    private readonly ConflictCheckOptions _options;
    private readonly IProgress<string>? _progress;
    private CancellationToken _cancellation;

    /// <summary>Creates a check with the given options.</summary>
    public PostGisConflictCheck(ConflictCheckOptions options, IProgress<string>? progress = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress;
    }

    /// <summary>Runs the check on a pg: dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cancellation">Stops the check: the statement running is cancelled in the server and the transaction rolled back.</param>
    /// <exception cref="UnusableInputException">The database cannot be used (PG05xx), the dataset has no parks table (PG0102) or a lon/lat park or parcel lies outside the zones (PG0203).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public ConflictCheckResult Check(PgDatasetName dataset, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _cancellation = cancellation;
        using var connection = PgSession.Open(dataset, cancellation);
        try
        {
            using var transaction = connection.BeginTransaction();
            var result = Run(connection, dataset);
            transaction.Rollback();
            return result;
        }
        catch (PostgresException exception) when (ShardFailure(exception, connection, cancellation))
        {
            var failed = UnreachableShards(connection, dataset);
            var which = failed.Count > 0 ? ResourceText.List(failed) : Localized.Get("ShardServerUnnamed");
            throw new UnusableInputException(ErrorCodes.DatabaseFailure,
                Localized.Format("ShardFailed", exception.MessageText, which),
                dataset.DisplayName,
                hint: Localized.Get("ShardFailedHint"), inner: exception);
        }
        catch (Exception exception) when (PgSession.IsDatabaseFailure(exception))
        {
            throw PgSession.Failure(exception, dataset, cancellation, PgSession.RunStage.Working, Localized.Get("TheCheck"));
        }
    }

    /// <summary>
    /// An error the coordinator relays from a foreign server (postgres_fdw reports a lost or refused shard connection as
    /// SQLSTATE class 08) while its own connection is still up.
    /// </summary>
    private static bool ShardFailure(PostgresException exception, NpgsqlConnection connection, CancellationToken cancellation) =>
        !cancellation.IsCancellationRequested && exception.SqlState.StartsWith("08", StringComparison.Ordinal)
        && connection.State == System.Data.ConnectionState.Open;

    /// <summary>
    /// The shard servers of the dataset that do not answer now, each as its foreign server's name and address
    /// (<c>parkgis_S_shard2 (host=… port=… dbname=…)</c>: the server options, never the user mapping's password). Asked
    /// after the failed transaction was rolled back; a coordinator that cannot say gives none.
    /// </summary>
    private static List<string> UnreachableShards(NpgsqlConnection connection, PgDatasetName dataset)
    {
        var servers = new List<(string Name, string Address, string Probe)>();
        try
        {
            using (var command = new NpgsqlCommand(
                """
                SELECT s.srvname::text,
                       coalesce((SELECT string_agg(o, ' ' ORDER BY o) FROM unnest(s.srvoptions) o WHERE o LIKE 'host=%' OR o LIKE 'port=%' OR o LIKE 'dbname=%'), ''),
                       min(format('%I.%I', n.nspname, c.relname))
                FROM pg_foreign_table f JOIN pg_foreign_server s ON s.oid = f.ftserver
                     JOIN pg_class c ON c.oid = f.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                WHERE pn.nspname = $1
                GROUP BY s.srvname, s.srvoptions ORDER BY 1
                """, connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = dataset.Schema });
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    servers.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var failed = new List<string>();
            foreach (var (name, address, probe) in servers)
            {
                try
                {
                    using var command = new NpgsqlCommand($"SELECT 1 FROM {probe} LIMIT 1", connection);
                    command.ExecuteScalar();
                }
                catch (PostgresException exception) when (exception.SqlState.StartsWith("08", StringComparison.Ordinal))
                {
                    failed.Add(Localized.Format("ShardServerNamed", name, address));
                }
            }

            return failed;
        }
        catch (Exception exception) when (PgSession.IsDatabaseFailure(exception))
        {
            return [];
        }
    }

    private ConflictCheckResult Run(NpgsqlConnection connection, PgDatasetName dataset)
    {
        var tables = PgCatalog.Discover(connection, dataset).ToDictionary(t => t.Role);
        if (!tables.TryGetValue(LayerRole.Parks, out var parks))
        {
            throw new UnusableInputException(ErrorCodes.RequiredLayerMissing, Localized.Format("SchemaNoParks", dataset.Schema), dataset.DisplayName,
                hint: Localized.Get("SchemaNoParksHint"));
        }

        foreach (var table in tables.Values.Where(t => t.Role != LayerRole.Approvals))
        {
            PgCoordinatePlausibility.Check(connection, table); // PG0203 as the file readers say it, before any area is measured
        }

        tables.TryGetValue(LayerRole.Parcels, out var parcels);
        var readIssues = new List<DataIssue>();
        var screenIssues = new List<DataIssue>();
        var ids = new Dictionary<LayerRole, string[]>();
        foreach (var role in LayerRoles.All)
        {
            if (tables.TryGetValue(role, out var table) && role != LayerRole.Approvals)
            {
                ids[role] = ReadIds(connection, table, readIssues);
            }
        }

        _progress?.Report(Localized.Format("ProgressPgScreening", dataset.Schema));
        var parkIssues = new List<DataIssue>();
        Screen(connection, parks, ids[LayerRole.Parks], parkIssues, analysed: true);
        ParkScreening.Conclude(parks.Source, ParksAsRead(connection), UsableParks(connection), parkIssues, _options.FixInvalidGeometry, screenIssues);
        foreach (var role in Controls)
        {
            if (tables.TryGetValue(role, out var table))
            {
                Screen(connection, table, ids[role], screenIssues, analysed: false);
            }
            else
            {
                screenIssues.Add(new DataIssue(LayerRoles.Name(role), string.Empty, DataIssueCodes.MissingLayer,
                    Localized.Format("ControlLayerMissingNotChecked", LayerRoles.Name(role), LayerRoles.Label(role))));
            }
        }

        if (parcels is { Shards.Count: > 0 })
        {
            ScreenSharded(connection, parcels, ids[LayerRole.Parcels], screenIssues);
        }
        else if (parcels is not null)
        {
            Screen(connection, parcels, ids[LayerRole.Parcels], screenIssues, analysed: true);
        }

        _progress?.Report(Localized.Get("ProgressPgParks"));
        var parkResults = CheckParks(connection, tables);
        ParcelConflicts? parcelResult = null;
        if (parcels is not null)
        {
            _progress?.Report(Localized.Get("ProgressPgParcels"));
            parcelResult = parcels.Shards.Count > 0 ? CheckShardedParcels(connection, tables) : CheckParcels(connection, tables);
        }

        readIssues.AddRange(screenIssues);
        readIssues.Sort(DataIssueOrder.Compare);
        return new ConflictCheckResult(parkResults, parcelResult, readIssues, _options.MinAreaM2);
    }

    /// <summary>Every park's id and name, in feature order (after <see cref="Screen"/> made <c>pg_r_parks</c>).</summary>
    private static List<(string Id, string? Name)> ParksAsRead(NpgsqlConnection connection)
    {
        var parks = new List<(string Id, string? Name)>();
        using var command = new NpgsqlCommand("SELECT id, name FROM pg_r_parks ORDER BY ord", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            parks.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return parks;
    }

    /// <summary>The ids of the parks that passed screening (<c>pg_s_parks</c>).</summary>
    private static HashSet<string> UsableParks(NpgsqlConnection connection)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var command = new NpgsqlCommand("SELECT id FROM pg_s_parks", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Feature ids by the reader's rules, from the id columns only.</summary>
    private static string[] ReadIds(NpgsqlConnection connection, PgLayerTable table, List<DataIssue> issues)
    {
        var wanted = new HashSet<string>(["park_id", "parcel_id", "batch_id", "id", "BSM", "fid", "OBJECTID", .. table.FieldMap.Values], StringComparer.OrdinalIgnoreCase);
        var columns = Columns(connection, table).Where(c => wanted.Contains(table.AttributeOf(c)) && !string.Equals(c, table.GeometryColumn, StringComparison.Ordinal)).ToList();
        var select = columns.Count == 0 ? "NULL" : string.Join(", ", columns.Select(PgIdentifier.QuoteColumn));
        using var command = new NpgsqlCommand($"SELECT {select} FROM {table.QualifiedName}{table.OrderBy}", connection);
        using var reader = command.ExecuteReader();
        var schema = new AttributeSchema(columns.Select(table.AttributeOf).ToList());
        var empty = new GeometryFactory().CreateGeometryCollection();
        var features = new List<SourceFeature>();
        while (reader.Read())
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            features.Add(new SourceFeature(features.Count + 1, empty, new AttributeRow(schema, values)));
        }

        return FeatureIdAssigner.Assign(table.Role, table.Source, features, table.FieldMap, issues).Select(f => f.Id).ToArray();
    }

    private static List<string> Columns(NpgsqlConnection connection, PgLayerTable table)
    {
        using var command = new NpgsqlCommand(
            "SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass(format('%I.%I', $1::text, $2::text)) AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table.Table });
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Temporary table <c>pg_s_ROLE(ord, id, name, geom[, epsg, g])</c> of the usable features, with a GiST index.</summary>
    private void Screen(NpgsqlConnection connection, PgLayerTable table, string[] ids, List<DataIssue> issues, bool analysed)
    {
        var name = table.Role == LayerRole.Parks ? NameColumn(connection, table) : "NULL::text";
        var rows = $"SELECT row_number() OVER ({table.OrderBy.Trim()})::int AS ord, {name} AS name, {PgIdentifier.QuoteColumn(table.GeometryColumn)} AS g0 FROM {table.QualifiedName}";
        CreateRaw(connection, table, rows, Enumerable.Range(1, ids.Length).ToArray(), ids);
        if (ids.Length == 0)
        {
            issues.Add(new DataIssue(LayerRoles.Name(table.Role), string.Empty, DataIssueCodes.EmptyLayer, Localized.Format("LayerHasNoFeatures", table.Source)));
        }

        if (analysed && table.Crs.IsGeographic)
        {
            RequireZones(connection, table, "pg_r_" + LayerRoles.Name(table.Role));
        }

        ScreenRaw(connection, table, issues, analysed);
    }

    /// <summary>Temporary table <c>pg_r_ROLE(ord, id, name, g0, pg, valid)</c> of the rows (<c>ord, name, g0</c>) given, with their ids.</summary>
    private void CreateRaw(NpgsqlConnection connection, PgLayerTable table, string rows, int[] ords, string[] ids)
    {
        var raw = "pg_r_" + LayerRoles.Name(table.Role);
        var polygonal = """
            CASE WHEN GeometryType(g0) IN ('POLYGON', 'MULTIPOLYGON') THEN g0
                 WHEN GeometryType(g0) = 'GEOMETRYCOLLECTION'
                      AND NOT EXISTS (SELECT 1 FROM ST_Dump(g0) d WHERE GeometryType(d.geom) <> 'POLYGON')
                 THEN ST_Multi(ST_CollectionExtract(g0, 3)) END
            """;
        using (var create = new NpgsqlCommand(
            $"""
            CREATE TEMP TABLE {raw} ON COMMIT DROP AS
            SELECT s.ord, i.id, s.name, s.g0, s.pg, s.pg IS NOT NULL AND ST_IsValid(s.pg) AS valid
            FROM (SELECT t.*, {polygonal} AS pg
                  FROM ({rows}) t) s
            JOIN unnest($1::int[], $2::text[]) AS i (ord, id) ON i.ord = s.ord
            """, connection))
        {
            create.Parameters.Add(new NpgsqlParameter { Value = ords });
            create.Parameters.Add(new NpgsqlParameter { Value = ids });
            PgSession.Execute(create, _cancellation);
        }
    }

    /// <summary>Screens <c>pg_r_ROLE</c> into <c>pg_f_ROLE</c> and <c>pg_s_ROLE</c> (with a GiST index), adding the issues in feature order.</summary>
    private void ScreenRaw(NpgsqlConnection connection, PgLayerTable table, List<DataIssue> issues, bool analysed)
    {
        var role = LayerRoles.Name(table.Role);
        var raw = "pg_r_" + role;
        var ownEpsg = AnalysisEpsg(table.Crs, "x.geom");
        var fixedGeometry = _options.FixInvalidGeometry
            ? "CASE WHEN valid THEN pg WHEN pg IS NOT NULL THEN NULLIF(ST_Multi(ST_CollectionExtract(ST_MakeValid(pg, 'method=structure'), 3)), 'MULTIPOLYGON EMPTY'::geometry) END"
            : "CASE WHEN valid THEN pg END";
        Execute(connection, $"CREATE TEMP TABLE pg_f_{role} ON COMMIT DROP AS SELECT ord, id, name, {fixedGeometry} AS geom FROM {raw}");

        // Issues in feature order, worded as the local engine words them.
        using (var query = new NpgsqlCommand(
            $"""
            SELECT r.ord, r.id, r.g0 IS NULL OR ST_IsEmpty(r.g0), r.pg IS NULL, r.valid, substr(ST_GeometryType(r.g0), 4),
                   (ST_IsValidDetail(r.pg)).reason, ST_X((ST_IsValidDetail(r.pg)).location), ST_Y((ST_IsValidDetail(r.pg)).location),
                   f.geom IS NOT NULL,
                   CASE WHEN f.geom IS NOT NULL THEN ST_Area({ToAnalysis(table.Crs, "r.pg", AnalysisEpsg(table.Crs, "f.geom"))}) END,
                   CASE WHEN f.geom IS NOT NULL THEN ST_Area({ToAnalysis(table.Crs, "f.geom", AnalysisEpsg(table.Crs, "f.geom"))}) END
            FROM {raw} r JOIN pg_f_{role} f USING (ord)
            WHERE NOT (r.g0 IS NOT NULL AND NOT ST_IsEmpty(r.g0) AND r.valid)
            ORDER BY r.ord
            """, connection))
        using (var reader = PgSession.Reader(query, _cancellation))
        {
            while (reader.Read())
            {
                issues.Add(ScreeningIssue(role, reader));
            }
        }

        if (analysed)
        {
            Execute(connection,
                $"""
                CREATE TEMP TABLE pg_s_{role} ON COMMIT DROP AS
                SELECT ord, id, name, geom, epsg, {ToAnalysis(table.Crs, "geom", "epsg")} AS g
                FROM (SELECT x.*, {ownEpsg} AS epsg FROM pg_f_{role} x WHERE x.geom IS NOT NULL) y
                """);
        }
        else
        {
            Execute(connection, $"CREATE TEMP TABLE pg_s_{role} ON COMMIT DROP AS SELECT ord, id, geom FROM pg_f_{role} WHERE geom IS NOT NULL");
        }

        Execute(connection, $"CREATE INDEX ON pg_s_{role} USING gist (geom)");
        Execute(connection, $"ANALYZE pg_s_{role}");
    }

    /// <summary>The rule of <see cref="AnalysisCrs.RequireZones"/>: a lon/lat feature reaching outside the zones of China is unusable input.</summary>
    private void RequireZones(NpgsqlConnection connection, PgLayerTable table, string raw)
    {
        using var query = new NpgsqlCommand(
            $"""
            SELECT id, CASE WHEN ST_XMin(g0) < $1 THEN ST_XMin(g0) ELSE ST_XMax(g0) END
            FROM {raw} WHERE g0 IS NOT NULL AND NOT ST_IsEmpty(g0) AND (ST_XMin(g0) < $1 OR ST_XMax(g0) > $2)
            ORDER BY ord LIMIT 1
            """, connection);
        query.Parameters.Add(new NpgsqlParameter { Value = AnalysisCrs.MinLongitude });
        query.Parameters.Add(new NpgsqlParameter { Value = AnalysisCrs.MaxLongitude });
        using var reader = PgSession.Reader(query, _cancellation);
        if (reader.Read())
        {
            throw AnalysisCrs.OutsideZones(table.Source, reader.GetString(0), reader.GetDouble(1));
        }
    }

    private static DataIssue ScreeningIssue(string role, NpgsqlDataReader reader)
    {
        var id = reader.GetString(1);
        if (reader.GetBoolean(2))
        {
            return new DataIssue(role, id, DataIssueCodes.EmptyGeometry, Localized.Get("NoGeometryLeftOut"));
        }

        if (reader.GetBoolean(3))
        {
            return new DataIssue(role, id, DataIssueCodes.WrongGeometryType,
                Localized.Format("NotPolygonLeftOut", reader.GetString(5)));
        }

        var reason = GeometryValidityReason.OfPostGis(reader.IsDBNull(6) ? null : reader.GetString(6));
        var where = reader.IsDBNull(7) ? "(?)" : string.Create(CultureInfo.InvariantCulture, $"({reader.GetDouble(7):0.###}, {reader.GetDouble(8):0.###})");
        if (!reader.GetBoolean(9))
        {
            return new DataIssue(role, id, DataIssueCodes.InvalidGeometry, InvalidMessage(reason, where));
        }

        var before = reader.GetDouble(10);
        var after = reader.GetDouble(11);
        return new DataIssue(role, id, DataIssueCodes.GeometryRepaired, Localized.Format("InvalidGeometryRepaired", reason, where, before, after, after - before));
    }

    private static string InvalidMessage(string reason, string where) =>
        Localized.Format("InvalidGeometryLeftOut", reason, where);

    private static string NameColumn(NpgsqlConnection connection, PgLayerTable table)
    {
        var wanted = table.FieldMap.TryGetValue("name", out var mapped) ? mapped : "name";
        var column = Columns(connection, table).FirstOrDefault(c => string.Equals(table.AttributeOf(c), wanted, StringComparison.Ordinal))
            ?? Columns(connection, table).FirstOrDefault(c => string.Equals(table.AttributeOf(c), wanted, StringComparison.OrdinalIgnoreCase));
        return column is null ? "NULL::text" : $"NULLIF(btrim({PgIdentifier.QuoteColumn(column)}::text), '')";
    }

    private List<ParkConflicts> CheckParks(NpgsqlConnection connection, Dictionary<LayerRole, PgLayerTable> tables)
    {
        var parksCrs = tables[LayerRole.Parks].Crs;
        var pieces = new List<string>();
        foreach (var (role, kind) in new[] { (LayerRole.EcologicalRedline, 0), (LayerRole.PermanentFarmland, 1), (LayerRole.UrbanBoundary, 2) })
        {
            if (tables.TryGetValue(role, out var table))
            {
                pieces.Add(Pieces(kind, "pg_s_" + LayerRoles.Name(role), table.Crs, parksCrs, "c.geom", "c.id", string.Empty));
            }
        }

        // Other parks: their analysis geometry, re-projected when they sit in another zone.
        pieces.Add($"""
            SELECT p.ord AS park, 3 AS kind, c.id AS source_id,
                   (ST_Dump(ST_CollectionExtract(ST_Intersection(p.g, CASE WHEN c.epsg = p.epsg THEN c.g ELSE ST_Transform(c.g, p.epsg) END), 3))).geom AS geom
            FROM pg_s_parks p JOIN pg_s_parks c ON c.ord <> p.ord AND ST_Intersects(c.geom, p.geom)
            """);
        Execute(connection, "CREATE TEMP TABLE pg_pieces ON COMMIT DROP AS " + string.Join("\nUNION ALL\n", pieces));
        var outside = tables.ContainsKey(LayerRole.UrbanBoundary)
            ? """
              UNION ALL
              SELECT p.ord, 2, CASE WHEN u.geom IS NULL THEN p.g ELSE ST_CollectionExtract(ST_Difference(p.g, u.geom), 3) END
              FROM pg_s_parks p LEFT JOIN (SELECT park, ST_Union(geom) AS geom FROM pg_pieces WHERE kind = 2 GROUP BY park) u ON u.park = p.ord
              """
            : string.Empty;
        Execute(connection,
            $"""
            CREATE TEMP TABLE pg_parts ON COMMIT DROP AS
            SELECT park, kind, row_number() OVER (PARTITION BY park, kind ORDER BY ST_Area(geom) DESC, ST_XMin(geom), ST_YMin(geom)) AS n, geom, ST_Area(geom) AS area
            FROM (SELECT park, kind, (ST_Dump(ST_CollectionExtract(geom, 3))).geom AS geom
                  FROM (SELECT park, kind, ST_Union(geom) AS geom FROM pg_pieces WHERE kind <> 2 GROUP BY park, kind
                        {outside}) c) d
            WHERE ST_Area(geom) > 0
            """);

        var parks = new List<(int Ord, string Id, string Name, int Epsg, double Area)>();
        using (var command = new NpgsqlCommand("SELECT ord, id, coalesce(name, ''), epsg, ST_Area(g) FROM pg_s_parks", connection))
        using (var reader = PgSession.Reader(command, _cancellation))
        {
            while (reader.Read())
            {
                parks.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetDouble(4)));
            }
        }

        var parts = new List<(int Park, int Kind, double Area, Geometry? Geometry, string[] Sources)>();
        using (var command = new NpgsqlCommand(
            """
            SELECT t.park, t.kind, t.area, CASE WHEN t.area >= $1 THEN t.geom END,
                   CASE WHEN t.area >= $1 AND t.kind <> 2 THEN
                        ARRAY(SELECT DISTINCT s.source_id FROM pg_pieces s
                              WHERE s.park = t.park AND s.kind = t.kind AND ST_Covers(t.geom, ST_PointOnSurface(s.geom))) END
            FROM pg_parts t ORDER BY t.park, t.kind, t.n
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = _options.MinAreaM2 });
            using var reader = PgSession.Reader(command, _cancellation);
            while (reader.Read())
            {
                parts.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<Geometry>(3),
                    reader.IsDBNull(4) ? [] : reader.GetFieldValue<string[]>(4)));
            }
        }

        var kinds = new[] { ConflictKind.EcologicalRedline, ConflictKind.PermanentFarmland, ConflictKind.OutsideUrbanBoundary, ConflictKind.ParkOverlap };
        var checkedKinds = new[] { tables.ContainsKey(LayerRole.EcologicalRedline), tables.ContainsKey(LayerRole.PermanentFarmland), tables.ContainsKey(LayerRole.UrbanBoundary), true };
        var byPark = parts.ToLookup(p => p.Park);
        var results = new List<ParkConflicts>();
        foreach (var park in parks)
        {
            var crs = CrsRegistry.FromEpsg(park.Epsg) ?? throw new InvalidOperationException($"EPSG:{park.Epsg} is not in the registry.");
            var tallies = new Dictionary<ConflictKind, ConflictTally>();
            var patches = new List<ConflictPatch>();
            for (var k = 0; k < kinds.Length; k++)
            {
                if (!checkedKinds[k])
                {
                    tallies[kinds[k]] = ConflictTally.NotChecked;
                    continue;
                }

                var mine = byPark[park.Ord].Where(p => p.Kind == k).ToList();
                var kept = mine.Where(p => p.Area >= _options.MinAreaM2).ToList();
                var slivers = mine.Where(p => p.Area < _options.MinAreaM2).ToList();
                tallies[kinds[k]] = new ConflictTally(mine.Sum(p => p.Area), kept.Count, slivers.Count, slivers.Sum(p => p.Area), Checked: true);
                foreach (var part in kept)
                {
                    var sources = part.Sources.Order(StringComparer.Ordinal).ToList();
                    patches.Add(new ConflictPatch(park.Id, kinds[k], (Polygon)part.Geometry!, crs, part.Area, sources));
                }
            }

            results.Add(new ParkConflicts(park.Id, park.Name, crs, park.Area, tallies, patches));
        }

        return results.OrderBy(p => p.ParkId, StringComparer.Ordinal).ToList();
    }

    /// <summary>SQL giving (park, kind, source_id, geom) pieces of each park ∩ each feature of a control table.</summary>
    private static string Pieces(int kind, string controlTable, CrsDefinition controlCrs, CrsDefinition parksCrs, string geometry, string id, string extraCondition)
    {
        var parkInControlCrs = parksCrs.Epsg == controlCrs.Epsg ? "p.geom" : string.Create(CultureInfo.InvariantCulture, $"ST_Transform(p.geom, {controlCrs.Epsg})");
        return string.Create(CultureInfo.InvariantCulture, $"""
            SELECT p.ord AS park, {kind} AS kind, {id} AS source_id,
                   (ST_Dump(ST_CollectionExtract(ST_Intersection(p.g, {ToAnalysis(controlCrs, geometry, "p.epsg")}), 3))).geom AS geom
            FROM (SELECT p.*, {parkInControlCrs} AS gc FROM pg_s_parks p) p JOIN {controlTable} c ON ST_Intersects(c.geom, p.gc){extraCondition}
            """);
    }

    private ParcelConflicts CheckParcels(NpgsqlConnection connection, Dictionary<LayerRole, PgLayerTable> tables)
    {
        var parcelsCrs = tables[LayerRole.Parcels].Crs;
        string Inside(string table, CrsDefinition crs)
        {
            var parcelInLayerCrs = parcelsCrs.Epsg == crs.Epsg ? "a.geom" : string.Create(CultureInfo.InvariantCulture, $"ST_Transform(a.geom, {crs.Epsg})");
            return $"""
                (SELECT ST_Area(ST_Union(CASE WHEN ST_Covers(q.cg, a.g) THEN a.g ELSE ST_CollectionExtract(ST_Intersection(a.g, q.cg), 3) END))
                 FROM (SELECT {ToAnalysis(crs, "c.geom", "a.epsg")} AS cg FROM {table} c WHERE ST_Intersects(c.geom, {parcelInLayerCrs})) q)
                """;
        }

        var red = tables.TryGetValue(LayerRole.EcologicalRedline, out var r) ? Inside("pg_s_ecological_redline", r.Crs) : "0";
        var farm = tables.TryGetValue(LayerRole.PermanentFarmland, out var f) ? Inside("pg_s_permanent_farmland", f.Crs) : "0";
        var parks = Inside("pg_s_parks", tables[LayerRole.Parks].Crs);
        Execute(connection,
            $"""
            CREATE TEMP TABLE pg_parcel_areas ON COMMIT DROP AS
            SELECT a.ord, coalesce({red}, 0) AS red, coalesce({farm}, 0) AS farm,
                   greatest(0, ST_Area(a.g) - coalesce({parks}, 0)) AS outside
            FROM pg_s_parcels a
            """);
        var (pairs, overlapArea) = ParcelOverlaps(connection, parcelsCrs);
        using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM pg_s_parcels)::int,
                   coalesce(sum(red), 0), count(*) FILTER (WHERE red >= $1)::int,
                   coalesce(sum(farm), 0), count(*) FILTER (WHERE farm >= $1)::int,
                   coalesce(sum(outside), 0), count(*) FILTER (WHERE outside >= $1)::int
            FROM pg_parcel_areas
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _options.MinAreaM2 });
        using var reader = PgSession.Reader(command, _cancellation);
        reader.Read();
        return new ParcelConflicts(
            reader.GetInt32(0),
            new ParcelTally(reader.GetDouble(1), reader.GetInt32(2), tables.ContainsKey(LayerRole.EcologicalRedline)),
            new ParcelTally(reader.GetDouble(3), reader.GetInt32(4), tables.ContainsKey(LayerRole.PermanentFarmland)),
            new ParcelTally(reader.GetDouble(5), reader.GetInt32(6), true),
            new ParcelOverlapTally(overlapArea, pairs));
    }

    /// <summary>
    /// Pairs of parcels in <c>pg_s_parcels</c> overlapping by at least the minimum area, and the area under two or more
    /// parcels (the union of the pairwise overlaps).
    /// </summary>
    private (int Pairs, double Area) ParcelOverlaps(NpgsqlConnection connection, CrsDefinition parcelsCrs)
    {
        if (parcelsCrs.IsGeographic)
        {
            // Lon/lat parcels: every pair is measured in the zone of its cluster of overlapping parcels — the zone of the
            // centroid of the cluster's parcels (AnalysisCrs.For of their collection, as the local engine) — and the
            // land under two or more parcels is unioned per cluster there.
            Execute(connection,
                """
                CREATE TEMP TABLE pg_overlap_pairs ON COMMIT DROP AS
                SELECT a.ord AS i, b.ord AS j
                FROM pg_s_parcels a JOIN pg_s_parcels b ON b.ord > a.ord AND ST_Intersects(a.geom, b.geom) AND ST_Relate(a.geom, b.geom, 'T********')
                """);
            Execute(connection,
                $"""
                CREATE TEMP TABLE pg_overlap_clusters ON COMMIT DROP AS
                WITH RECURSIVE edges AS (SELECT i AS a, j AS b FROM pg_overlap_pairs UNION SELECT j, i FROM pg_overlap_pairs),
                     reach (node, member) AS (SELECT a, a FROM edges UNION SELECT r.node, e.b FROM reach r JOIN edges e ON e.a = r.member),
                     roots AS (SELECT node, min(member) AS root FROM reach GROUP BY node)
                SELECT r.node, r.root, z.epsg
                FROM roots r JOIN (SELECT r2.root, {AnalysisEpsg(parcelsCrs, "ST_Collect(p.geom ORDER BY p.ord)")} AS epsg
                                   FROM roots r2 JOIN pg_s_parcels p ON p.ord = r2.node GROUP BY r2.root) z USING (root)
                """);
            Execute(connection,
                $"""
                CREATE TEMP TABLE pg_parcel_overlaps ON COMMIT DROP AS
                SELECT o.i, o.j, c.root, c.epsg,
                       ST_CollectionExtract(ST_Intersection({ToAnalysis(parcelsCrs, "a.geom", "c.epsg")}, {ToAnalysis(parcelsCrs, "b.geom", "c.epsg")}), 3) AS x
                FROM pg_overlap_pairs o JOIN pg_overlap_clusters c ON c.node = o.i
                JOIN pg_s_parcels a ON a.ord = o.i JOIN pg_s_parcels b ON b.ord = o.j
                """);
        }
        else
        {
            Execute(connection,
                """
                CREATE TEMP TABLE pg_parcel_overlaps ON COMMIT DROP AS
                SELECT a.ord AS i, b.ord AS j, 0 AS root, a.epsg,
                       ST_CollectionExtract(ST_Intersection(a.g, CASE WHEN b.epsg = a.epsg THEN b.g ELSE ST_Transform(b.g, a.epsg) END), 3) AS x
                FROM pg_s_parcels a JOIN pg_s_parcels b ON b.ord > a.ord AND ST_Intersects(a.geom, b.geom)
                """);
        }

        using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM pg_parcel_overlaps WHERE NOT ST_IsEmpty(x) AND ST_Area(x) >= $1)::int,
                   (SELECT coalesce(sum(area), 0) FROM (SELECT ST_Area(ST_Union(x)) AS area FROM pg_parcel_overlaps WHERE NOT ST_IsEmpty(x) GROUP BY root, epsg) u)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _options.MinAreaM2 });
        using var reader = PgSession.Reader(command, _cancellation);
        reader.Read();
        return (reader.GetInt32(0), reader.GetDouble(1));
    }

    /// <summary>
    /// SQL for the analysis EPSG of a geometry stored in <paramref name="crs"/> (see <see cref="AnalysisCrs"/>): the 3° zone
    /// of its centroid (136.5°E itself belongs to zone 45; coordinates outside the zones were rejected by
    /// <see cref="RequireZones"/>). A CASE, not LEAST: postgres_fdw does not ship LEAST/GREATEST, and one in the
    /// per-parcel aggregate kept the whole overlay on the coordinator of a sharded dataset.
    /// </summary>
    private static string AnalysisEpsg(CrsDefinition crs, string geometry)
    {
        if (!crs.IsGeographic)
        {
            return AnalysisCrs.WithoutZonePrefix(crs).Epsg.ToString(CultureInfo.InvariantCulture);
        }

        var zone = $"round((ST_X(ST_Centroid({geometry})) / 3)::numeric)::int";
        return $"(4534 + CASE WHEN {zone} < 45 THEN {zone} ELSE 45 END - 25)";
    }

    /// <summary>SQL bringing a geometry stored in <paramref name="crs"/> into the analysis CRS <paramref name="epsg"/> (an SQL int expression).</summary>
    private static string ToAnalysis(CrsDefinition crs, string geometry, string epsg)
    {
        if (crs.IsGeographic)
        {
            return $"ST_Transform({geometry}, {epsg})";
        }

        var unprefixed = AnalysisCrs.WithoutZonePrefix(crs).Epsg;
        var same = crs.HasZonePrefix
            ? string.Create(CultureInfo.InvariantCulture, $"ST_SetSRID(ST_Translate({geometry}, {-crs.Zone!.Value * 1_000_000.0:0.0}, 0), {unprefixed})")
            : geometry;
        return int.TryParse(epsg, NumberStyles.None, CultureInfo.InvariantCulture, out var constant) && constant == unprefixed
            ? same
            : string.Create(CultureInfo.InvariantCulture, $"CASE WHEN {epsg} = {unprefixed} THEN {same} ELSE ST_Transform({geometry}, {epsg}) END");
    }

    private void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        PgSession.Execute(command, _cancellation);
    }
}
