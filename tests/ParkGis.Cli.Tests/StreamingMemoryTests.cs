using ParkGis.Cli;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;

namespace ParkGis.Cli.Tests;

/// <summary>When the streaming check collects the heap after a chunk (<see cref="StreamingMemory"/>).</summary>
public sealed class StreamingMemoryTests
{
    private const long Mb = 1L << 20;

    [Theory]
    [InlineData(300, 300, false)] // just compacted: nothing to collect
    [InlineData(300, 600, false)] // garbage as large as what is kept: not yet
    [InlineData(300, 601, true)] // more garbage than kept: a compaction costs less than the chunks' own allocation
    [InlineData(229, 457, false)] // S=10000 after the second chunk (docs/performance.md): ~95 MB of garbage a chunk, not yet
    [InlineData(229, 555, true)] // … and after the third
    [InlineData(1500, 2900, false)] // a large kept heap (S=100000) waits for as much garbage again
    public void A_chunk_compacts_only_once_the_garbage_outweighs_what_is_kept(long keptMb, long heapMb, bool compacts) =>
        Assert.Equal(compacts, StreamingMemory.Grown(keptMb * Mb, heapMb * Mb));

    [Fact]
    public void Parcels_in_chunks_are_collected_after_the_last_chunk_and_a_layer_in_one_chunk_is_left_alone()
    {
        var layer = new Layer(LayerRole.Parcels, "layers.gpkg:parcels", "GeoPackage", CrsRegistry.FromEpsg(4545)!, [], new Dictionary<string, string>());
        var whole = new ParcelChunks(layer, count: 4, perChunk: 4, _ => null, (_, _) => []);
        StreamingMemory.AfterReading(whole);
        Assert.Null(whole.ChunkReleased);

        var chunks = new ParcelChunks(layer, count: 4, perChunk: 2, _ => null, (_, _) => []);
        StreamingMemory.AfterReading(chunks);
        Assert.NotNull(chunks.ChunkReleased);
        var before = GC.CollectionCount(2);
        chunks.ChunkReleased(chunks.ChunkCount);
        Assert.True(GC.CollectionCount(2) > before, "a full collection after the last chunk");
    }
}
