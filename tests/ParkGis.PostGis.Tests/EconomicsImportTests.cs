using Npgsql;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.IO.Datasets;

namespace ParkGis.PostGis.Tests;

/// <summary>The economics table is read while the layers are copied; what the import reports stays as when it was read first.</summary>
public sealed class EconomicsImportTests
{
    [PgFact]
    public void The_economics_table_is_read_while_the_layers_are_copied()
    {
        using var db = new TestDatabase();
        var sample = DatasetContent.ReadFolder(Paths.Sample);
        using var parcelsCopying = new ManualResetEventSlim();
        var progress = SetWhenParcelsAreCopied(parcelsCopying);
        // A read that can finish only once the parcels are being copied: read before the copy, it would never end.
        var content = sample with
        {
            ReadEconomics = () => parcelsCopying.Wait(TimeSpan.FromSeconds(60))
                ? sample.ReadEconomics()
                : throw new InvalidOperationException("the economics table was read before the layers were copied"),
        };

        PgDatasetImporter.Import(content, db.Name, overwrite: false, progress);

        Assert.True((long)db.Scalar($"SELECT count(*) FROM \"{db.Schema}\".parkgis_economics")! > 0);
    }

    [PgFact]
    public void An_economics_table_that_cannot_be_read_while_the_layers_are_copied_is_reported_and_nothing_is_imported()
    {
        using var db = new TestDatabase();
        var sample = DatasetContent.ReadFolder(Paths.Sample);
        using var parcelsCopying = new ManualResetEventSlim();
        var progress = SetWhenParcelsAreCopied(parcelsCopying);
        var content = sample with
        {
            ReadEconomics = () =>
            {
                parcelsCopying.Wait(TimeSpan.FromSeconds(60));
                throw Unreadable();
            },
        };

        var error = Assert.Throws<UnusableInputException>(() => PgDatasetImporter.Import(content, db.Name, overwrite: false, progress));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal(0L, db.TableCount());
    }

    [PgFact]
    public void An_unreadable_economics_table_is_reported_before_an_unreachable_server()
    {
        using var db = new TestDatabase();
        var sample = DatasetContent.ReadFolder(Paths.Sample);
        var builder = new NpgsqlConnectionStringBuilder(db.Name.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 3 };
        // The read fails only after the connection has been refused: the table's failure is still the one reported.
        var content = sample with
        {
            ReadEconomics = () =>
            {
                Thread.Sleep(500);
                throw Unreadable();
            },
        };

        var error = Assert.Throws<UnusableInputException>(() =>
            PgDatasetImporter.Import(content, new PgDatasetName(builder.ConnectionString, db.Schema), overwrite: false));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
    }

    /// <summary>Progress that sets <paramref name="parcelsCopying"/> when the import begins to copy the parcels.</summary>
    private static SynchronousProgress SetWhenParcelsAreCopied(ManualResetEventSlim parcelsCopying) => new(line =>
    {
        if (line.StartsWith("copying parcels", StringComparison.Ordinal))
        {
            parcelsCopying.Set();
        }
    });

    private static UnusableInputException Unreadable() =>
        new(ErrorCodes.UnreadableInput, "economics.csv cannot be read", "economics.csv", hint: "test");

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
