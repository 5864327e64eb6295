using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Assessment;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// A GeoPackage parcels table read in chunks for the conflict check (issue 20): outlined first (ids, boxes), then read
/// chunk by chunk; the check gives the totals and data issues of the table read whole, and a broken row is met as before.
/// </summary>
public sealed class ParcelChunkReadingTests
{
    private const string Gk108Wkt = """PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";

    private static byte[] Parcel(double x, double y, double size = 100, Ordinates ordinates = Ordinates.XY) =>
        RawGeoPackage.Blob(RawGeoPackage.Square(x, y, size), 4545, ordinates);

    private static ConflictCheckResult Check(string folder, int? perChunk)
    {
        var content = DatasetContent.ReadFolder(folder, null, ConflictCheck.FieldsUsed, controlsWithinReach: true, roles: null, parcelsPerChunk: perChunk);
        Assert.Equal(perChunk is not null, content.ParcelChunks is not null);
        return new ParkAssessment(content.ToAssessmentInputs()).Conflicts();
    }

    private static void AssertSame(ConflictCheckResult whole, ConflictCheckResult chunked)
    {
        Assert.Equal(whole.Parcels, chunked.Parcels);
        Assert.Equal(whole.Issues.Select(i => i.ToString()), chunked.Issues.Select(i => i.ToString()));
        Assert.Equal(whole.Parks.SelectMany(p => p.Conflicts.Values), chunked.Parks.SelectMany(p => p.Conflicts.Values));
    }

    [Fact]
    public void A_geopackage_parcels_table_read_in_chunks_gives_the_check_of_the_table_read_whole()
    {
        using var folder = new TestFolder();
        // Parcels in and beside the park, overlapping across chunk borders (L1/L4), an exact copy far down the table (L1),
        // duplicate ids (L2 twice), a NULL geometry, a parcel with Z, one whose blob carries another srs_id, and one far
        // outside the park that brings a red-line polygon into reach.
        Dataset(folder,
            (Parcel(395_010, 4_386_010), "L1"),
            (Parcel(395_200, 4_386_010), "L2"),
            (Parcel(395_400, 4_386_010), "L2"),
            (Parcel(395_060, 4_386_060), "L4"),
            (null, "L5"),
            (Parcel(395_600, 4_386_010, 100, Ordinates.XYZ), "L6"),
            (RawGeoPackage.Blob(RawGeoPackage.Square(395_600, 4_386_300), 4546), "L7"),
            (Parcel(400_000, 4_386_000), "L8"),
            (Parcel(395_010, 4_386_010), "L9"));
        RawGeoPackage.Sql(folder.File("layers.gpkg"), "INSERT INTO gpkg_spatial_ref_sys VALUES ('EPSG 4546', 4546, 'EPSG', 4546, 'undefined', NULL)");

        var whole = Check(folder.Path, perChunk: null);
        Assert.Equal(1, whole.Parcels!.ParcelOverlap.Pairs);
        Assert.Contains(whole.Issues, i => i.Code == DataIssueCodes.DuplicateGeometry && i.Feature == "L9");
        Assert.Contains(whole.Issues, i => i.Code == DataIssueCodes.ZmDropped);
        Assert.Contains(whole.Issues, i => i.Code == DataIssueCodes.SridMismatch);
        Assert.Contains(whole.Issues, i => i.Code == DataIssueCodes.DuplicateId);
        Assert.True(whole.Parcels.EcologicalRedline.AreaM2 > 0, "the red line by L8, outside the park, is within reach");
        foreach (var perChunk in new[] { 1, 2 }) // a table of more than four chunks is read in chunks
        {
            AssertSame(whole, Check(folder.Path, perChunk));
        }
    }

    [Fact]
    public void The_reader_says_once_that_the_parcels_stream_and_once_that_they_are_outlined_and_never_for_a_table_read_whole()
    {
        // The CLI ends the reading's no-GC region and then collects on these calls (StreamingMemory): only a table read in
        // chunks makes them, in this order.
        using var folder = new TestFolder();
        Dataset(folder, [.. Enumerable.Range(0, 5).Select(k => (Parcel(395_010 + (150 * k), 4_386_010), $"L{k + 1}"))]);
        string Calls(int? perChunk)
        {
            var calls = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var content = DatasetContent.ReadFolder(
                folder.Path, null, ConflictCheck.FieldsUsed, controlsWithinReach: true, roles: null, parcelsPerChunk: perChunk,
                parcelsStreaming: new ParcelStreaming(() => calls.Enqueue("outlining"), () => calls.Enqueue("outlined")));
            Assert.True(calls.IsEmpty != content.ParcelChunks is { WholeLayer: null }, $"chunks of {perChunk}: {string.Join(", ", calls)}");
            return string.Join(", ", calls);
        }

        Assert.Equal("outlining, outlined", Calls(1)); // five rows, more than four chunks of one: streamed
        Assert.Equal(string.Empty, Calls(2)); // at most four chunks of two: read whole
        Assert.Equal(string.Empty, Calls(null));
    }

    [Fact]
    public void A_truncated_parcel_in_a_later_chunk_is_still_an_error_naming_the_feature()
    {
        using var folder = new TestFolder();
        Dataset(folder, [.. Enumerable.Range(0, 5).Select(k => (Parcel(395_010 + (150 * k), 4_386_010), $"L{k + 1}")), (Parcel(395_400, 4_386_300)[..^8], "L6")]);

        var whole = Assert.Throws<UnusableInputException>(() => Check(folder.Path, perChunk: null));
        var chunked = Assert.Throws<UnusableInputException>(() => Check(folder.Path, perChunk: 1));

        Assert.Equal(ErrorCodes.UnreadableInput, chunked.Code);
        Assert.Equal(whole.Feature, chunked.Feature);
        Assert.Equal(whole.Message, chunked.Message);
    }

    [Fact]
    public void In_wal_mode_a_parcel_rewritten_between_the_outline_and_the_chunks_is_checked_as_it_was_when_outlined()
    {
        // The attack: same row count, one geometry changed after the outline pass and before the chunk pass. The check
        // reads one snapshot, so it gives the check of the table before the update.
        using var folder = new TestFolder();
        var path = StreamedDataset(folder);
        RawGeoPackage.Sql(path, "PRAGMA journal_mode=WAL");
        var before = Check(folder.Path, perChunk: 1);
        Assert.True(before.Parcels!.EcologicalRedline.AreaM2 > 0, "L5 meets the red line before the update");

        var content = Outlined(folder.Path);
        Assert.Equal(1, MoveL5IntoThePark(path)); // WAL: the writer is not held up by the reader's snapshot
        var during = new ParkAssessment(content.ToAssessmentInputs()).Conflicts();

        AssertSame(before, during);
        var after = Check(folder.Path, perChunk: 1);
        Assert.Equal(0, after.Parcels!.EcologicalRedline.AreaM2); // the update does change the check, read afresh
    }

    [Fact]
    public void In_rollback_journal_mode_a_writer_between_the_outline_and_the_chunks_is_refused_busy_and_the_check_reads_the_unmodified_table()
    {
        using var folder = new TestFolder();
        var path = StreamedDataset(folder);
        var before = Check(folder.Path, perChunk: 1);

        var content = Outlined(folder.Path);
        var refused = Assert.Throws<SqliteException>(() => MoveL5IntoThePark(path));
        Assert.Equal(5, refused.SqliteErrorCode & 0xFF); // SQLITE_BUSY: the reader's shared lock
        var during = new ParkAssessment(content.ToAssessmentInputs()).Conflicts();

        AssertSame(before, during);
        Assert.Equal(1, MoveL5IntoThePark(path)); // the last chunk read, the snapshot is let go: the writer proceeds
        Assert.Equal(0, Check(folder.Path, perChunk: 1).Parcels!.EcologicalRedline.AreaM2);
    }

    [Fact]
    public void Parcel_chunks_disposed_before_their_last_chunk_leave_no_lock_on_the_file()
    {
        // A check that fails or is cancelled between the passes (the CLI disposes its CommandRun on every path).
        using var folder = new TestFolder();
        var path = StreamedDataset(folder);
        var content = Outlined(folder.Path);
        _ = content.ParcelChunks!.Read(0);
        Assert.Throws<SqliteException>(() => MoveL5IntoThePark(path));

        content.ParcelChunks.Dispose();

        Assert.Equal(1, MoveL5IntoThePark(path));
    }

    [Fact]
    public void A_chunk_that_fails_to_read_leaves_no_lock_on_the_file()
    {
        using var folder = new TestFolder();
        Dataset(folder, [.. Enumerable.Range(0, 4).Select(k => (Parcel(395_010 + (150 * k), 4_386_010), $"L{k + 1}")), (Parcel(395_400, 4_386_300)[..^8], "L5"), (Parcel(400_000, 4_386_000), "L6")]);
        var content = Outlined(folder.Path);

        Assert.Throws<UnusableInputException>(() => new ParkAssessment(content.ToAssessmentInputs()).Conflicts());

        Assert.Equal(1, MoveL5IntoThePark(folder.File("layers.gpkg")));
    }

    [Fact]
    public void A_layer_that_fails_after_the_parcels_are_outlined_leaves_no_lock_on_the_file()
    {
        using var folder = new TestFolder();
        var path = StreamedDataset(folder);
        RawGeoPackage.AddTable(path, "permanent_farmland", 4545, ["id TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(395_100, 4_386_100), 4545)[..^8], ["F1"]));

        Assert.Throws<UnusableInputException>(() => Outlined(folder.Path));

        Assert.Equal(1, MoveL5IntoThePark(path));
    }

    /// <summary>Five parcels, streamed in chunks of one; L5, the last, overlaps the red line R1 outside the park.</summary>
    private static string StreamedDataset(TestFolder folder)
    {
        Dataset(folder,
            (Parcel(395_010, 4_386_010), "L1"),
            (Parcel(395_200, 4_386_010), "L2"),
            (Parcel(395_400, 4_386_010), "L3"),
            (Parcel(395_600, 4_386_010), "L4"),
            (Parcel(400_000, 4_386_000), "L5"));
        return folder.File("layers.gpkg");
    }

    /// <summary>The outline pass: the dataset read for the check, its parcels left to be read in chunks of one.</summary>
    private static DatasetContent Outlined(string folder)
    {
        var content = DatasetContent.ReadFolder(folder, null, ConflictCheck.FieldsUsed, controlsWithinReach: true, roles: null, parcelsPerChunk: 1);
        Assert.Null(content.ParcelChunks!.WholeLayer);
        return content;
    }

    /// <summary>Another program's update of L5's geometry (same row count), waiting at most a second on a lock.</summary>
    private static int MoveL5IntoThePark(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString());
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE parcels SET geom = $g WHERE parcel_id = 'L5'";
        update.Parameters.AddWithValue("$g", Parcel(395_600, 4_386_500));
        return update.ExecuteNonQuery();
    }

    /// <summary>One GeoPackage: a park at (395 000, 4 386 000) 1 km wide, a red line by (400 000, 4 386 000), and the parcels given.</summary>
    private static void Dataset(TestFolder folder, params (byte[]? Blob, string Id)[] parcels)
    {
        var path = folder.File("layers.gpkg");
        RawGeoPackage.Create(path, (4545, "EPSG", 4545, Gk108Wkt));
        RawGeoPackage.AddTable(path, "parks", 4545, ["park_id TEXT", "name TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000, 1000), 4545), ["P1", "甲园区"]));
        RawGeoPackage.AddTable(path, "parcels", 4545, ["parcel_id TEXT"], [.. parcels.Select(row => (row.Blob, new object?[] { row.Id }))]);
        RawGeoPackage.AddTable(path, "ecological_redline", 4545, ["id TEXT"],
            (RawGeoPackage.Blob(RawGeoPackage.Square(400_050, 4_386_050), 4545), ["R1"]),
            (RawGeoPackage.Blob(RawGeoPackage.Square(450_000, 4_386_000), 4545), ["R2"]));
    }
}
