using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.Cli;

/// <summary>
/// What the CLI does about memory when the conflict check reads the parcels in chunks (<see cref="ParcelChunks"/>): almost
/// nothing it reads lives until the command ends, unlike a whole read (<see cref="ReadingGcRegion"/>). The reading's no-GC
/// region ends when the parcels are known to stream, before their outline is scanned (one row object per parcel, garbage
/// once the ids are assigned); the heap is compacted and given back to the system twice: when the outline is done (its
/// row objects, before the control layers are read) and when reading ends, so that the reading's memory is not kept
/// through the chunks. The chunks' garbage, which lives a chunk long and so reaches the oldest generation, is compacted
/// after a chunk when the heap has grown well past what the last collection kept (<see cref="Grown"/>) and after the last
/// chunk (before the kept parcels are searched and while the parks' overlays still run), keeping the freed memory
/// committed: the next chunks reuse it instead of having the system map and zero it again. Measured in
/// docs/performance.md ("The streaming check's memory", "Thirteenth round, the streamed check's memory").
/// </summary>
internal static class StreamingMemory
{
    /// <summary>What the reader calls when the parcels will be read in chunks (the reading's no-GC region ends) and when they are outlined.</summary>
    public static ParcelStreaming ParcelsStreaming(ReadingGcRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new ParcelStreaming(region.End, GiveBack);
    }

    /// <summary>
    /// After reading: for parcels read in chunks, gives the reading's garbage back now; compacts after a chunk when the
    /// heap has grown well past what the last full collection kept (<see cref="Grown"/>), and after the last chunk.
    /// </summary>
    public static void AfterReading(ParcelChunks? chunks)
    {
        if (chunks is null || chunks.WholeLayer is not null || chunks.ChunkCount < 2)
        {
            return;
        }

        GiveBack();
        var kept = GC.GetTotalMemory(forceFullCollection: false);
        chunks.ChunkReleased = done =>
        {
            if (done == chunks.ChunkCount || Grown(kept, GC.GetTotalMemory(forceFullCollection: false)))
            {
                Compact();
                kept = GC.GetTotalMemory(forceFullCollection: false);
            }
        };
    }

    /// <summary>
    /// Whether the heap (what the last full collection kept, plus what was allocated or promoted since and not yet
    /// collected by a full collection) has grown past twice what that collection kept: the chunks' garbage, which lives a
    /// chunk long and so reaches the oldest generation, where only a full collection frees it. Each collection marks
    /// and moves what is kept, so collecting only once at least as much again is garbage keeps its cost below the
    /// chunks' own allocation (at 10⁶ parcels: every fourth chunk or so, docs/performance.md).
    /// </summary>
    internal static bool Grown(long keptBytes, long heapBytes) =>
        heapBytes > 2 * keptBytes;

    /// <summary>A full, compacting collection that returns the freed memory to the system.</summary>
    private static void GiveBack() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>A full, compacting collection that keeps the freed memory committed for what is allocated next.</summary>
    private static void Compact() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
}
