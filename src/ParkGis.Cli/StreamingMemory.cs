using ParkGis.Core.Data;

namespace ParkGis.Cli;

/// <summary>
/// What the CLI does about memory when the conflict check reads the parcels in chunks (<see cref="ParcelChunks"/>): almost
/// nothing it reads lives until the command ends, unlike a whole read (<see cref="ReadingGcRegion"/>). The reading's no-GC
/// region ends when the parcels are known to stream, before their outline is scanned (one row object per parcel, garbage
/// once the ids are assigned); and the heap is compacted and given back to the system twice: when reading ends (the
/// outline's garbage) and when the last chunk has been let go (the chunks' garbage, before the kept parcels are searched
/// and while the parks' overlays still run). Server GC otherwise keeps that garbage committed: measured at S=10000
/// in docs/performance.md ("The streaming check's memory").
/// </summary>
internal static class StreamingMemory
{
    /// <summary>Called by the reader when the parcels will be read in chunks: the reading's no-GC region ends.</summary>
    public static Action ParcelsStreaming(ReadingGcRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.End;
    }

    /// <summary>After reading: for parcels read in chunks, gives the reading's garbage back now and once more after the last chunk.</summary>
    public static void AfterReading(ParcelChunks? chunks)
    {
        if (chunks is null || chunks.WholeLayer is not null || chunks.ChunkCount < 2)
        {
            return;
        }

        GiveBack();
        chunks.ChunksReleased = GiveBack;
    }

    /// <summary>A full, compacting collection that returns the freed memory to the system.</summary>
    private static void GiveBack()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
