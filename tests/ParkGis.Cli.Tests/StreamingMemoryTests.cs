using ParkGis.Cli;

namespace ParkGis.Cli.Tests;

/// <summary>When the streaming check compacts the heap after a chunk (<see cref="StreamingMemory.Grown"/>).</summary>
public sealed class StreamingMemoryTests
{
    private const long Mb = 1L << 20;

    [Theory]
    [InlineData(300, 300, false)] // just compacted: nothing to give back
    [InlineData(300, 600, false)] // garbage as large as what is kept: not yet
    [InlineData(300, 601, true)] // more garbage than kept: a compaction costs less than the chunks' own allocation
    [InlineData(229, 714, true)] // S=10000 after the first chunk (docs/performance.md): compacted, not left to 1.2 GB
    [InlineData(1500, 2900, false)] // a large kept heap (S=100000) waits for as much garbage again
    public void A_chunk_compacts_only_once_the_garbage_outweighs_what_is_kept(long keptMb, long committedMb, bool compacts) =>
        Assert.Equal(compacts, StreamingMemory.Grown(keptMb * Mb, committedMb * Mb));
}
