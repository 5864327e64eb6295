using System.Runtime;
using ParkGis.Cli;

namespace ParkGis.Cli.Tests;

/// <summary>
/// The reading's no-GC region kept open for a command's work (<see cref="ReadingGcRegion"/>). The region is the
/// process's: these tests run alone, so that no command read in another test holds it meanwhile.
/// </summary>
[Collection(nameof(ReadingGcRegionTests))]
public sealed class ReadingGcRegionTests : IDisposable
{
    private readonly string _input = Path.Combine(Path.GetTempPath(), "parkgis-region-" + Guid.NewGuid().ToString("N"));

    public ReadingGcRegionTests() => File.WriteAllBytes(_input, new byte[1 << 20]);

    public void Dispose() => File.Delete(_input);

    [Fact]
    public void A_region_kept_open_stays_in_force_after_the_read_and_ends_without_a_collection()
    {
        var read = ReadingGcRegion.Around(_input, _ => 42, _ => true, out var kept);

        Assert.Equal(42, read);
        Assert.NotNull(kept);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        var collections = GC.CollectionCount(0);
        kept.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.Equal(collections, GC.CollectionCount(0));
    }

    [Fact]
    public void A_region_the_read_does_not_keep_ends_with_the_read()
    {
        var read = ReadingGcRegion.Around(_input, _ => 42, _ => false, out var kept);

        Assert.Equal(42, read);
        Assert.Null(kept);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_region_the_read_ended_itself_is_not_kept()
    {
        var read = ReadingGcRegion.Around(_input, region =>
        {
            region.End(); // as a read whose parcels stream does
            return 42;
        }, _ => true, out var kept);

        Assert.Equal(42, read);
        Assert.Null(kept);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_region_is_the_next_reads_again_once_a_kept_one_is_disposed()
    {
        ReadingGcRegion.Around(_input, _ => 0, _ => true, out var first);
        Assert.NotNull(first);
        first.Dispose();

        ReadingGcRegion.Around(_input, _ => 0, _ => true, out var second);
        Assert.NotNull(second);
        second.Dispose();
    }
}

/// <summary>Runs <see cref="ReadingGcRegionTests"/> apart from every other test.</summary>
[CollectionDefinition(nameof(ReadingGcRegionTests), DisableParallelization = true)]
public sealed class ReadingGcRegionTestsCollection;
