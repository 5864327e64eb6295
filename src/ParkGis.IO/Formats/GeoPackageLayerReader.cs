using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Localization;
using SQLitePCL;

namespace ParkGis.IO.Formats;

/// <summary>
/// Reads feature tables of a GeoPackage through Microsoft.Data.Sqlite (read-only) and
/// <see cref="GeoPackageGeometryReader"/>. The CRS comes from <c>gpkg_spatial_ref_sys</c>: the EPSG organization code,
/// else the definition WKT. Every non-geometry column is an attribute, the integer primary key (<c>fid</c>)
/// included, in table order; values follow the declared column type: INTEGER family → long, BOOLEAN → bool,
/// REAL/FLOAT/DOUBLE → double, DATE → DateOnly, DATETIME → DateTime, TEXT → string, BLOB → byte[]. A DATE or DATETIME
/// value is converted only in the standard's ISO 8601 form; other text stays text, for the one date rule
/// (<c>LenientDateParser</c>) to read or report.
/// </summary>
internal static class GeoPackageLayerReader
{
    /// <summary>A table with fewer rowids than this is read in one statement.</summary>
    private const long MinRowsToSplit = 20_000;

    private const string RangeCondition = " WHERE rowid BETWEEN ?1 AND ?2";

    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>The names of the feature tables in a GeoPackage, sorted ordinally.</summary>
    public static IReadOnlyList<string> FeatureTables(string path, string inputName)
    {
        return Guard(inputName, null, () =>
        {
            using var connection = Open(path);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT table_name FROM gpkg_contents WHERE lower(data_type) = 'features'";
            var tables = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }

            tables.Sort(StringComparer.Ordinal);
            return tables;
        });
    }

    public static SourceLayer Read(LayerReadRequest request)
    {
        var table = request.TableName ?? throw new ArgumentException("A GeoPackage layer needs a table name.", nameof(request));
        return Guard(request.InputName, null, () => ReadTable(request, table));
    }

    private static SourceLayer ReadTable(LayerReadRequest request, string table)
    {
        using var connection = Open(request.FilePath);
        var (geometryColumn, srsId) = GeometryColumn(connection, table, request.InputName);
        var columns = Columns(connection, table);
        var query = SelectQuery(table, geometryColumn, srsId, columns, request.Wants,
            request.Reach is { } reach && LayerCrsResolver.Known(request, () => DeclaredCrs(connection, srsId, request.InputName)) is { } known ? reach(known) : null);

        var features = RowidRanges(connection, table, columns, query.Sql) is { } ranges
            ? ReadInParallel(connection, request, query, ranges)
            : Collect([ReadRows(connection, query, null)], request.InputName);

        var issues = new List<DataIssue>();
        ReportForeignSrsIds(request, srsId, features, issues);
        var crs = LayerCrsResolver.Resolve(request, () => DeclaredCrs(connection, srsId, request.InputName), features);
        foreach (var feature in features)
        {
            if (feature.Geometry.SRID != crs.Epsg)
            {
                feature.Geometry.SRID = crs.Epsg;
            }
        }

        return new SourceLayer(crs, features, issues)
        {
            FieldNames = [.. columns.Where(column => !string.Equals(column.Name, geometryColumn, StringComparison.OrdinalIgnoreCase)).Select(column => column.Name)],
        };
    }

    /// <summary>
    /// The outline of a feature table for reading it in chunks (the conflict check's parcels, <see cref="ReadChunk"/>):
    /// each row's rowid, box and id columns in rowid order, without building a geometry where the box can be read from
    /// the bytes (<see cref="WkbBox"/>); null when the table cannot be read so — its scan is not in rowid order, or its
    /// CRS is not known without its coordinates — and the caller reads it whole.
    /// </summary>
    /// <param name="request">The layer's request (its columns are those a chunk reads).</param>
    /// <param name="idColumns">The columns that may hold the id (<see cref="Datasets.FeatureIdAssigner.IdCandidates"/>).</param>
    /// <param name="moreThanRows">
    /// Outline only a table that may hold more rows than this (its rowid span, read before anything else): a smaller one is
    /// read whole, so it is not scanned twice.
    /// </param>
    /// <param name="outlining">Called once the table is known to be outlined, before its rows are scanned; null for nothing.</param>
    public static GeoPackageOutline? ReadOutline(LayerReadRequest request, IReadOnlyCollection<string> idColumns, long moreThanRows, Action? outlining = null)
    {
        var table = request.TableName ?? throw new ArgumentException("A GeoPackage layer needs a table name.", nameof(request));
        return Guard(request.InputName, null, () =>
        {
            var snapshot = BeginSnapshot(request.FilePath);
            try
            {
                var connection = snapshot.Connection;
                var (geometryColumn, srsId) = GeometryColumn(connection, table, request.InputName);
                var columns = Columns(connection, table);
                if (RowidSpan(connection, table) is not var (first, last) || last - first + 1 <= moreThanRows
                    || LayerCrsResolver.Known(request, () => DeclaredCrs(connection, srsId, request.InputName)) is not { } crs
                    || !ScansInRowidOrder(connection, table, columns, "SELECT " + Quote(geometryColumn) + " FROM " + Quote(table)))
                {
                    snapshot.Dispose();
                    return null;
                }

                var query = SelectQuery(table, geometryColumn, srsId, columns, name => idColumns.Contains(name, StringComparer.OrdinalIgnoreCase), null, "rowid, ");
                outlining?.Invoke();
                var outline = ReadOutlineRows(connection, query, srsId);
                return outline with
                {
                    Crs = crs,
                    FieldNames = [.. columns.Where(column => !string.Equals(column.Name, geometryColumn, StringComparison.OrdinalIgnoreCase)).Select(column => column.Name)],
                    Snapshot = snapshot,
                };
            }
            catch
            {
                snapshot.Dispose();
                throw;
            }
        });
    }

    /// <summary>
    /// The rows with rowids <paramref name="firstRowid"/>…<paramref name="lastRowid"/> of a table outlined by
    /// <see cref="ReadOutline"/>, read as <see cref="Read"/> reads them (the same columns, geometries and values, in
    /// <paramref name="crs"/>), numbered from <paramref name="ordinalOffset"/> + 1, through the outline's
    /// <paramref name="snapshot"/> (<see cref="GeoPackageOutline.Snapshot"/>): the rows as they were when it was outlined.
    /// </summary>
    public static List<SourceFeature> ReadChunk(GeoPackageSnapshot snapshot, LayerReadRequest request, CrsDefinition crs, long firstRowid, long lastRowid, int ordinalOffset)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var table = request.TableName ?? throw new ArgumentException("A GeoPackage layer needs a table name.", nameof(request));
        return Guard(request.InputName, null, () =>
        {
            var connection = snapshot.Connection;
            var (geometryColumn, srsId) = GeometryColumn(connection, table, request.InputName);
            var query = SelectQuery(table, geometryColumn, srsId, Columns(connection, table), request.Wants, null);
            var batch = ReadRows(connection, query, new RowidRange(firstRowid, lastRowid));
            var numbered = new List<SourceFeature>(batch.Features.Count);
            foreach (var feature in batch.Features)
            {
                numbered.Add(feature with { Ordinal = ordinalOffset + feature.Ordinal });
                if (feature.Geometry.SRID != crs.Epsg)
                {
                    feature.Geometry.SRID = crs.Epsg;
                }
            }

            batch.Failure?.Throw();
            if (batch.BadGeometry is { } bad)
            {
                var ordinal = ordinalOffset + batch.Features.Count + 1;
                throw new UnusableInputException(
                    ErrorCodes.UnreadableInput,
                    Localized.Format("GpkgGeometryNotBlob", request.InputName, ordinal, Reason(bad)),
                    request.InputName,
                    "#" + ordinal.ToString(CultureInfo.InvariantCulture),
                    Localized.Get("GpkgReExportHint"),
                    bad);
            }

            return numbered;
        });
    }

    /// <summary>The outline's rows: rowid, box (from the bytes, else from the built geometry; none without a geometry), blob srs id and id columns.</summary>
    private static GeoPackageOutline ReadOutlineRows(SqliteConnection connection, RowQuery query, int columnSrsId)
    {
        var geometryReader = new GeoPackageGeometryReader();
        var repeated = new RepeatedValues();
        var kinds = query.Kinds;
        var rowids = new List<long>();
        var boxes = new List<double>();
        var idRows = new List<SourceFeature>();
        var empty = query.Factory.CreateGeometryCollection();
        var (foreign, firstForeign, firstForeignSrsId) = (0, 0, 0);
        Check(raw.sqlite3_prepare_v2(connection.Handle, query.Sql, out var statement), connection);
        using (statement)
        {
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rowids.Add(raw.sqlite3_column_int64(statement, 0));
                var isBlob = raw.sqlite3_column_type(statement, 1) == raw.SQLITE_BLOB;
                var blobSrsId = columnSrsId;
                var box = isBlob ? Box(raw.sqlite3_column_blob(statement, 1), geometryReader, out blobSrsId) : null;
                if (blobSrsId != columnSrsId && foreign++ == 0)
                {
                    (firstForeign, firstForeignSrsId) = (rowids.Count, blobSrsId);
                }

                boxes.AddRange(box is null ? [double.NaN, double.NaN, double.NaN, double.NaN] : [box.MinX, box.MinY, box.MaxX, box.MaxY]);
                var values = new object?[kinds.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ColumnValue(statement, i + 2, kinds[i], repeated);
                }

                idRows.Add(new SourceFeature(rowids.Count, empty, new AttributeRow(query.Schema, values)));
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(step, connection);
            }
        }

        return new GeoPackageOutline(null!, [], [.. rowids], [.. boxes], idRows, foreign, firstForeign, firstForeignSrsId, columnSrsId, null!);
    }

    /// <summary>A blob's box and srs id: from its bytes when it is a plain polygon, else from the built geometry; null when empty or unreadable (the chunk meets it).</summary>
    private static Envelope? Box(ReadOnlySpan<byte> blob, GeoPackageGeometryReader reader, out int srsId)
    {
        GeoPackageGeometryHeader header;
        try
        {
            header = GeoPackageGeometryHeader.Read(blob);
        }
        catch (ParseException)
        {
            srsId = 0;
            return null;
        }

        srsId = header.SrsId;
        if (header.IsEmpty)
        {
            return null;
        }

        if (WkbBox.TryRead(blob[header.WkbOffset..], out var box))
        {
            return box;
        }

        return TryParseGeometry(reader, blob, out var geometry, out _) && !geometry.IsEmpty ? geometry.EnvelopeInternal : null;
    }

    /// <summary>Whether the table's scan is in rowid order and a rowid range of it is a search on the integer primary key.</summary>
    private static bool ScansInRowidOrder(SqliteConnection connection, string table, List<ColumnInfo> columns, string sql)
    {
        if (columns.Any(column => column.Name.ToUpperInvariant() is "ROWID" or "_ROWID_" or "OID"))
        {
            return false;
        }

        try
        {
            return string.Equals(SingleStepPlan(connection, sql), "SCAN " + table, StringComparison.OrdinalIgnoreCase)
                && SingleStepPlan(connection, sql + RangeCondition) is { } plan
                && plan.StartsWith("SEARCH " + table + " USING INTEGER PRIMARY KEY", StringComparison.OrdinalIgnoreCase);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>
    /// Geometry blobs must carry their column's <c>srs_id</c> (GeoPackage 1.x, requirement 33); those that do not are
    /// read in the column's CRS — the coordinate check then stops a layer whose coordinates really are in another
    /// one — and reported once per layer with their number and the first of them.
    /// </summary>
    private static void ReportForeignSrsIds(LayerReadRequest request, int columnSrsId, List<SourceFeature> features, List<DataIssue> issues)
    {
        var count = 0;
        SourceFeature first = default;
        foreach (var feature in features)
        {
            if (feature.Geometry.SRID != columnSrsId)
            {
                if (count++ == 0)
                {
                    first = feature;
                }
            }
        }

        if (count > 0)
        {
            issues.Add(ForeignSrsIdIssue(request, columnSrsId, count, first.Ordinal, first.Geometry.SRID));
        }
    }

    /// <summary>The one issue of a layer whose blobs carry another srs_id than their column's (see <see cref="ReportForeignSrsIds"/>).</summary>
    public static DataIssue ForeignSrsIdIssue(LayerReadRequest request, int columnSrsId, int count, int firstOrdinal, int firstSrsId) =>
        new(request.RoleName, "#" + firstOrdinal.ToString(CultureInfo.InvariantCulture), DataIssueCodes.SridMismatch,
            Localized.Format("GeoPackageSridMismatch", count, columnSrsId, request.InputName, firstOrdinal, firstSrsId));

    /// <summary>
    /// Two halves of the rowid span of a big table, to be read on two threads, or null to read the table in one
    /// statement. Only where that gives the same rows in the same order: SQLite scans an ordinary rowid table in
    /// rowid order, which the plan of the query (<c>SCAN table</c>) and of the range query (a search on the integer
    /// primary key) confirm; no column may hide the rowid under one of its names. Any SQLite error here also means
    /// "one statement", which then meets the error as before.
    /// </summary>
    /// <summary>The least and the greatest rowid of <paramref name="table"/> (two index look-ups); null when it has no rows.</summary>
    private static (long First, long Last)? RowidSpan(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(rowid), max(rowid) FROM " + Quote(table);
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) && !reader.IsDBNull(1) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private static RowidRange[]? RowidRanges(SqliteConnection connection, string table, List<ColumnInfo> columns, string sql)
    {
        if (Environment.ProcessorCount < 2 || columns.Any(column => column.Name.ToUpperInvariant() is "ROWID" or "_ROWID_" or "OID"))
        {
            return null;
        }

        try
        {
            if (!string.Equals(SingleStepPlan(connection, sql), "SCAN " + table, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (RowidSpan(connection, table) is not var (first, last) || last - first < MinRowsToSplit - 1)
            {
                return null;
            }

            var plan = SingleStepPlan(connection, sql + RangeCondition);
            if (plan is null || !plan.StartsWith("SEARCH " + table + " USING INTEGER PRIMARY KEY", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var middle = first + ((last - first) / 2);
            return [new RowidRange(first, middle), new RowidRange(middle + 1, last)];
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>The query plan of a statement when it is one step (one line), else null.</summary>
    private static string? SingleStepPlan(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var detail = reader.GetString(3);
        return reader.Read() ? null : detail;
    }

    /// <summary>
    /// Reads rowid ranges on parallel threads (the first on <paramref name="connection"/>, each other one on its own
    /// connection) and joins them in rowid order. A failure is reported as the single statement would have met it:
    /// the first range that failed decides, and a bad geometry gets its ordinal in the whole table.
    /// </summary>
    private static List<SourceFeature> ReadInParallel(SqliteConnection connection, LayerReadRequest request, RowQuery query, RowidRange[] ranges)
    {
        var batches = new RowBatch[ranges.Length];
        Parallel.For(0, ranges.Length, i =>
        {
            try
            {
                if (i == 0)
                {
                    batches[i] = ReadRows(connection, query, ranges[i]);
                }
                else
                {
                    using var own = Open(request.FilePath);
                    batches[i] = ReadRows(own, query, ranges[i]);
                }
            }
            catch (Exception exception)
            {
                batches[i] = new RowBatch([], null, ExceptionDispatchInfo.Capture(exception));
            }
        });

        return Collect(batches, request.InputName);
    }

    /// <summary>
    /// The reason a geometry blob failed, as one line: NTS's GeoPackage reader wraps the WKB reader's exception as
    /// "TypeName: message" followed by its stack trace, which is not for users.
    /// </summary>
    private static string Reason(Exception failure)
    {
        var message = failure.Message.AsSpan();
        var lineEnd = message.IndexOfAny('\r', '\n');
        var line = (lineEnd < 0 ? message : message[..lineEnd]).Trim().ToString();
        var typeEnd = line.IndexOf("Exception: ", StringComparison.Ordinal);
        return typeEnd > 0 && !line[..typeEnd].Contains(' ', StringComparison.Ordinal) ? line[(typeEnd + "Exception: ".Length)..] : line;
    }

    /// <summary>Joins batches in order, numbering features from 1, and throws the first failure met on the way.</summary>
    private static List<SourceFeature> Collect(RowBatch[] batches, string inputName)
    {
        var features = new List<SourceFeature>(batches.Sum(batch => batch.Features.Count));
        foreach (var batch in batches)
        {
            var offset = features.Count;
            foreach (var feature in batch.Features)
            {
                features.Add(offset == 0 ? feature : feature with { Ordinal = offset + feature.Ordinal });
            }

            batch.Failure?.Throw();
            if (batch.BadGeometry is { } bad)
            {
                var ordinal = offset + batch.Features.Count + 1;
                throw new UnusableInputException(
                    ErrorCodes.UnreadableInput,
                    Localized.Format("GpkgGeometryNotBlob", inputName, ordinal, Reason(bad)),
                    inputName,
                    "#" + ordinal.ToString(CultureInfo.InvariantCulture),
                    Localized.Get("GpkgReExportHint"),
                    bad);
            }
        }

        return features;
    }

    /// <summary>
    /// Reads the rows of the query, or of one rowid range of it, numbering them from 1. Stops at the first geometry
    /// that cannot be read and returns the rows before it with that geometry's exception.
    /// </summary>
    private static RowBatch ReadRows(SqliteConnection connection, RowQuery query, RowidRange? range)
    {
        var geometryReader = new GeoPackageGeometryReader();
        var repeated = new RepeatedValues();
        var kinds = query.Kinds;
        var features = new List<SourceFeature>();

        // The row loop uses the SQLite C API directly: Microsoft.Data.Sqlite's GetValue costs twice as much per value.
        Check(raw.sqlite3_prepare_v2(connection.Handle, range is null ? query.Sql : query.Sql + RangeCondition, out var statement), connection);
        using (statement)
        {
            if (range is { } bounds)
            {
                Check(raw.sqlite3_bind_int64(statement, 1, bounds.First), connection);
                Check(raw.sqlite3_bind_int64(statement, 2, bounds.Last), connection);
            }

            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                Geometry geometry;
                if (raw.sqlite3_column_type(statement, 0) != raw.SQLITE_BLOB)
                {
                    geometry = query.Factory.CreateGeometryCollection();
                }
                else if (query.Reach is { } reach && OutOfReach(raw.sqlite3_column_blob(statement, 0), reach, query.Factory) is { } standIn)
                {
                    geometry = standIn;
                }
                else if (!TryParseGeometry(geometryReader, raw.sqlite3_column_blob(statement, 0), out geometry, out var bad))
                {
                    return new RowBatch(features, bad, null);
                }

                var values = new object?[kinds.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ColumnValue(statement, i + 1, kinds[i], repeated);
                }

                features.Add(new SourceFeature(features.Count + 1, geometry, new AttributeRow(query.Schema, values)));
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(step, connection);
            }
        }

        return new RowBatch(features, null, null);
    }

    /// <summary>
    /// The <see cref="UnbuiltFeature"/> stand-in of a standard blob whose polygon box fails <paramref name="reach"/>, or
    /// null to build the geometry as usual (within reach, or a blob with no box read here: see <see cref="WkbBox"/>).
    /// </summary>
    private static Geometry? OutOfReach(ReadOnlySpan<byte> blob, Func<Envelope, bool> reach, GeometryFactory factory)
    {
        GeoPackageGeometryHeader header;
        try
        {
            header = GeoPackageGeometryHeader.Read(blob);
        }
        catch (ParseException)
        {
            return null; // the parse reports it
        }

        return !header.IsEmpty && WkbBox.TryRead(blob[header.WkbOffset..], out var box) && !reach(box) ? UnbuiltFeature.StandIn(factory, box, header.SrsId) : null;
    }

    private static bool TryParseGeometry(GeoPackageGeometryReader reader, ReadOnlySpan<byte> blob, out Geometry geometry, [NotNullWhen(false)] out Exception? failure)
    {
        try
        {
            geometry = reader.Read(blob);
            failure = null;
            return true;
        }
        catch (Exception exception) when (exception is ParseException or ArgumentException or IOException or InvalidOperationException or IndexOutOfRangeException)
        {
            geometry = null!;
            failure = exception;
            return false;
        }
    }

    /// <summary>The value of a column converted for its declared type, as <see cref="Convert"/> would convert it.</summary>
    /// <remarks>
    /// Numbers are converted before they are boxed, <c>yyyy-MM-dd</c> dates are read without making a string, and
    /// repeated integers, dates and texts share one object (<see cref="RepeatedValues"/>).
    /// </remarks>
    private static object? ColumnValue(sqlite3_stmt statement, int index, ColumnKind kind, RepeatedValues repeated)
    {
        switch (raw.sqlite3_column_type(statement, index))
        {
            case raw.SQLITE_INTEGER:
                var integer = raw.sqlite3_column_int64(statement, index);
                return kind switch
                {
                    ColumnKind.Boolean => integer != 0 ? True : False,
                    ColumnKind.Real => (double)integer,
                    _ => repeated.Integer(integer),
                };
            case raw.SQLITE_FLOAT:
                var number = raw.sqlite3_column_double(statement, index);
                return kind == ColumnKind.Integer ? Convert(number, kind) : number;
            case raw.SQLITE_TEXT:
                var text = raw.sqlite3_column_text(statement, index);
                var utf8 = MemoryMarshal.CreateReadOnlySpan(in text.GetPinnableReference(), raw.sqlite3_column_bytes(statement, index));
                switch (kind)
                {
                    case ColumnKind.Date when IsoDateText.TryParse(utf8, out var date):
                        return repeated.Date(date);
                    case ColumnKind.Date or ColumnKind.DateTime:
                        return Convert(text.utf8_to_string(), kind);
                    default:
                        return repeated.Text(utf8); // every other kind keeps text as text (see Convert)
                }
            case raw.SQLITE_BLOB:
                return raw.sqlite3_column_blob(statement, index).ToArray();
            default:
                return null;
        }
    }

    private static void Check(int resultCode, SqliteConnection connection)
    {
        if (resultCode is not raw.SQLITE_OK and not raw.SQLITE_ROW and not raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), resultCode);
        }
    }

    private static (string Column, int SrsId) GeometryColumn(SqliteConnection connection, string table, string inputName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                Localized.Format("GpkgNotFeatureTable", inputName),
                inputName,
                hint: Localized.Get("GpkgNotFeatureTableHint"));
        }

        return (reader.GetString(0), reader.IsDBNull(1) ? -1 : reader.GetInt32(1));
    }

    private static CrsDefinition? DeclaredCrs(SqliteConnection connection, int srsId, string inputName)
    {
        if (srsId is 0 or -1)
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var name = reader.IsDBNull(0) ? string.Empty : reader.GetString(0);
        var organization = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
        var code = reader.IsDBNull(2) ? 0 : reader.GetInt32(2);
        var definition = reader.IsDBNull(3) ? string.Empty : reader.GetString(3);
        if (string.Equals(organization, "EPSG", StringComparison.OrdinalIgnoreCase) && CrsRegistry.FromEpsg(code) is { } byCode)
        {
            return byCode;
        }

        if (definition.Length > 0 && !string.Equals(definition, "undefined", StringComparison.OrdinalIgnoreCase) && CrsRegistry.FromWkt(definition) is { } byWkt)
        {
            return byWkt;
        }

        throw new UnusableInputException(
            ErrorCodes.UnsupportedCrs,
            Localized.Format("GpkgUnsupportedCrs", inputName, name, organization, code, srsId),
            inputName,
            hint: Localized.Get("ReprojectHint"));
    }

    private static List<ColumnInfo> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA table_info(" + Quote(table) + ")";
        using var reader = command.ExecuteReader();
        var columns = new List<ColumnInfo>();
        while (reader.Read())
        {
            var type = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
            columns.Add(new ColumnInfo(reader.GetString(1), KindOf(type)));
        }

        return columns;
    }

    private static ColumnKind KindOf(string declaredType)
    {
        var type = declaredType.ToUpperInvariant();
        var parenthesis = type.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            type = type[..parenthesis].Trim();
        }

        return type switch
        {
            "BOOLEAN" or "BOOL" => ColumnKind.Boolean,
            "DATE" => ColumnKind.Date,
            "DATETIME" or "TIMESTAMP" => ColumnKind.DateTime,
            "REAL" or "FLOAT" or "DOUBLE" => ColumnKind.Real,
            _ when type.Contains("INT", StringComparison.Ordinal) => ColumnKind.Integer,
            _ => ColumnKind.Other,
        };
    }

    private static object? Convert(object? value, ColumnKind kind) => (kind, value) switch
    {
        (ColumnKind.Boolean, long flag) => flag != 0,
        (ColumnKind.Integer, double number) when number == Math.Floor(number) && Math.Abs(number) < 9e18 => (long)number,
        (ColumnKind.Real, long number) => (double)number,
        (ColumnKind.Date, string text) when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        (ColumnKind.DateTime, string text) => DateTimeValue(text),
        _ => value,
    };

    /// <summary>
    /// A DATETIME text as a time: without a zone as written, with <c>Z</c> or an offset in UTC — never in the machine's zone,
    /// where an offset time near the calendar's ends (<c>0001-01-01T00:00:00+08:00</c>) came out as a real day of the year 1.
    /// Text not in <see cref="IsoDateTimeForms"/>, or whose instant lies outside the calendar, stays text.
    /// </summary>
    private static object DateTimeValue(string text)
    {
        if (DateTime.TryParseExact(text, IsoDateTimeForms, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) && time.Kind != DateTimeKind.Local)
        {
            return time;
        }

        return DateTimeOffset.TryParseExact(text, IsoDateTimeForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset) ? offset.UtcDateTime : text;
    }

    /// <summary>
    /// The ISO 8601 forms a DATETIME value is read as a time in (<c>2019-12-31T16:00:00.000Z</c>, a space for the <c>T</c>,
    /// an offset, or no zone). Not <c>DateTime.TryParse</c>: it takes <c>2024-03</c> for 1 March, <c>3/1/2024</c> in the US
    /// order and <c>10:00</c> for today, where the same text in a TEXT column is an <c>unparseable_value</c> issue.
    /// </summary>
    private static readonly string[] IsoDateTimeForms =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    private static SqliteConnection Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>A read-only connection in a read transaction (<see cref="GeoPackageSnapshot"/>); closed again if the transaction cannot begin.</summary>
    private static GeoPackageSnapshot BeginSnapshot(string path)
    {
        var connection = Open(path);
        try
        {
            return GeoPackageSnapshot.Begin(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static T Guard<T>(string inputName, string? feature, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException exception)
        {
            throw new UnusableInputException(
                ErrorCodes.UnreadableInput,
                Localized.Format("GpkgUnreadable", inputName, SqliteProblem(exception)),
                inputName,
                feature,
                Localized.Get("GpkgUnreadableHint"),
                exception);
        }
    }

    /// <summary>
    /// What SQLite found, in the run's language from its primary result code (never SQLite's English text, except
    /// quoted for a code ParkGis does not name): a damaged or cut-off file, a file that is not a database, a locked one.
    /// </summary>
    private static string SqliteProblem(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        11 => Localized.Get("SqliteCorrupt"),
        26 => Localized.Get("SqliteNotADatabase"),
        5 or 6 => Localized.Get("SqliteBusy"),
        10 => Localized.Get("SqliteIoError"),
        _ => Localized.Format("SqliteOther", exception.SqliteErrorCode, exception.Message),
    };

    private enum ColumnKind
    {
        Other,
        Integer,
        Real,
        Boolean,
        Date,
        DateTime,
    }

    private sealed record ColumnInfo(string Name, ColumnKind Kind);

    /// <summary>The feature query of a table and what is needed to turn its rows into features.</summary>
    /// <summary>
    /// The query of <paramref name="table"/>: <paramref name="lead"/>, the geometry, then the other columns
    /// <paramref name="wanted"/> keeps, in table order.
    /// </summary>
    private static RowQuery SelectQuery(
        string table, string geometryColumn, int srsId, IEnumerable<ColumnInfo> columns, Func<string, bool> wanted, Func<Envelope, bool>? reach, string lead = "")
    {
        var attributes = columns
            .Where(column => !string.Equals(column.Name, geometryColumn, StringComparison.OrdinalIgnoreCase) && wanted(column.Name))
            .ToArray();
        return new RowQuery(
            "SELECT " + lead + Quote(geometryColumn) + string.Concat(attributes.Select(column => ", " + Quote(column.Name))) + " FROM " + Quote(table),
            new AttributeSchema([.. attributes.Select(column => column.Name)]),
            [.. attributes.Select(column => column.Kind)],
            NtsGeometryServices.Instance.CreateGeometryFactory(srsId),
            reach);
    }

    private sealed record RowQuery(string Sql, AttributeSchema Schema, ColumnKind[] Kinds, GeometryFactory Factory, Func<Envelope, bool>? Reach);

    private readonly record struct RowidRange(long First, long Last);

    /// <summary>Rows read in order, then possibly the geometry that stopped the reading or another failure.</summary>
    private sealed record RowBatch(List<SourceFeature> Features, Exception? BadGeometry, ExceptionDispatchInfo? Failure);
}
