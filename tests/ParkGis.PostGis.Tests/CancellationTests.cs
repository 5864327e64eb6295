using ParkGis.Core.Conflicts;
using ParkGis.IO.Datasets;

namespace ParkGis.PostGis.Tests;

/// <summary>A cancelled run stops its statements in the server and changes nothing in the database.</summary>
public sealed class CancellationTests
{
    [PgFact]
    public void A_cancelled_in_database_check_stops_between_statements()
    {
        using var db = new TestDatabase();
        PgDatasetImporter.Import(DatasetReader.Read(Paths.Sample), db.Name, overwrite: false);
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAt("checking parks in PostGIS", cancellation);

        Assert.ThrowsAny<OperationCanceledException>(() => new PostGisConflictCheck(ConflictCheckOptions.Default, progress).Check(db.Name, cancellation.Token));
        Assert.True(progress.Reached, "the check never reached the stage");
    }

    [PgFact]
    public void A_cancelled_import_leaves_no_table_behind()
    {
        using var db = new TestDatabase();
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAt("copying parcels", cancellation);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PgDatasetImporter.Import(DatasetContent.ReadFolder(Paths.Sample), db.Name, overwrite: false, progress, cancellation.Token));
        Assert.True(progress.Reached, "the import never reached the stage");
        Assert.Equal(0L, db.TableCount());
    }

    [PgFact]
    public void A_cancelled_result_write_writes_no_row()
    {
        using var db = new TestDatabase();
        var result = new ConflictCheck(ConflictCheckOptions.Default).Check(DatasetReader.Read(Paths.Sample));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PgCheckResultWriter.Write(db.Name, "r1", "ordos", ConflictCheckOptions.Default, result, cancellation.Token));
        Assert.Equal(0L, db.TableCount());
    }

    /// <summary>Cancels the run the moment a progress line containing <paramref name="stage"/> is reported.</summary>
    private sealed class CancelAt(string stage, CancellationTokenSource cancellation) : IProgress<string>
    {
        public bool Reached { get; private set; }

        public void Report(string value)
        {
            if (value.Contains(stage, StringComparison.Ordinal))
            {
                Reached = true;
                cancellation.Cancel();
            }
        }
    }
}
