using System.Runtime;

namespace ParkGis.Cli;

/// <summary>
/// Runs the reading of a dataset in a no-GC region. Almost everything a read allocates — features, geometries,
/// attributes — lives until the command ends, so a collection during reading frees little and copies what was just
/// read into an older generation: pure cost (about a third of the read at 100 000 parcels). The region is sized
/// from the input's size on disk and capped at a quarter of the memory the runtime may use; when the runtime
/// refuses it, another read in the process holds it, or the read or the work kept in it outgrows it, collections
/// simply happen as usual. A command whose whole work on what it read fits the region may keep it open until the
/// command ends (<see cref="Around{T}(string, Func{ReadingGcRegion, T}, Func{T, bool}, out IDisposable?)"/>).
/// </summary>
internal sealed class ReadingGcRegion : IDisposable
{
    /// <summary>Bytes allocated while reading, per byte of input on disk (measured: 4–6 for GeoPackage and GeoJSON).</summary>
    private const long BytesPerInputByte = 8;

    private const long MinRegionBytes = 64L << 20;

    /// <summary>The largest region kept open past reading: the memory a command's work may take before it first collects.</summary>
    private const long MaxKeptRegionBytes = 1L << 30;

    private static int _held;

    private readonly bool _owner;
    private readonly bool _started;
    private readonly long _bytes;
    private int _ended;
    private bool _keptOpen;

    private ReadingGcRegion(bool owner, bool started, long bytes = 0)
    {
        _owner = owner;
        _started = started;
        _bytes = bytes;
    }

    /// <summary>Reads with <paramref name="read"/> inside a no-GC region sized for the input at <paramref name="path"/>.</summary>
    public static T Around<T>(string path, Func<T> read) => Around(path, _ => read());

    /// <summary>
    /// Reads with <paramref name="read"/> inside a no-GC region sized for the input at <paramref name="path"/>; the read may
    /// end the region early (<see cref="End"/>).
    /// </summary>
    public static T Around<T>(string path, Func<ReadingGcRegion, T> read)
    {
        using var region = Enter(InputBytes(path));
        return read(region);
    }

    /// <summary>
    /// As <see cref="Around{T}(string, Func{ReadingGcRegion, T})"/>, but when <paramref name="keepOpen"/> accepts what was
    /// read and the region is still in force and at most <see cref="MaxKeptRegionBytes"/>, it is not ended with the read:
    /// it is handed back in <paramref name="kept"/>, and disposing that ends it without a collection. For a command that allocates little beyond what it read, so that
    /// its whole run fits the region: the collections after reading would mark and move what it read only for the
    /// command to end. <paramref name="kept"/> is null when the region ended with the read (or never started).
    /// </summary>
    public static T Around<T>(string path, Func<ReadingGcRegion, T> read, Func<T, bool> keepOpen, out IDisposable? kept)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(keepOpen);
        var region = Enter(InputBytes(path));
        try
        {
            var result = read(region);
            region._keptOpen = region.InForce && region._bytes <= MaxKeptRegionBytes && keepOpen(result);
            kept = region._keptOpen ? region : null;
            return result;
        }
        finally
        {
            if (!region._keptOpen)
            {
                region.Dispose();
            }
        }
    }

    /// <summary>Whether this region is the process's and still in force (not ended, not outgrown).</summary>
    private bool InForce => _owner && _started && Volatile.Read(ref _ended) == 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    /// <summary>
    /// Ends the region now, without the collection that ends a whole read: for a read whose garbage does not live until
    /// the command ends (the outline of parcels read in chunks, <see cref="StreamingMemory"/>), so collections run as
    /// usual from here on. Safe on any thread and more than once.
    /// </summary>
    public void End()
    {
        if (_owner && _started && Interlocked.Exchange(ref _ended, 1) == 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The read outgrew the region and a collection already ended it.
            }
        }
    }

    private static ReadingGcRegion Enter(long inputBytes)
    {
        if (inputBytes <= 0 || Interlocked.CompareExchange(ref _held, 1, 0) != 0)
        {
            return new ReadingGcRegion(owner: false, started: false);
        }

        var cap = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;
        var size = Math.Min(cap, Math.Max(MinRegionBytes, inputBytes * BytesPerInputByte));
        bool started;
        try
        {
            started = size >= MinRegionBytes && GC.TryStartNoGCRegion(size);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            started = false; // larger than this runtime allows, or a region is already in progress
        }

        return new ReadingGcRegion(owner: true, started, size);
    }

    public void Dispose()
    {
        if (!_owner)
        {
            return;
        }

        if (_keptOpen)
        {
            End(); // the command's work is done: a collection now would only delay its end
        }
        else if (_started && Interlocked.Exchange(ref _ended, 1) == 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The read outgrew the region and a collection already ended it.
            }

            // One full collection now marks what was read once (not forced to compact: the collector decides);
            // otherwise the first collections of the analysis copy it from generation to generation.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }

        Volatile.Write(ref _held, 0);
    }

    /// <summary>Size on disk of a dataset folder (its files, not recursing) or file; 0 for anything else (a database).</summary>
    private static long InputBytes(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                return new FileInfo(path).Length;
            }

            return Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length) : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // the reader will report what is wrong with the path
        }
    }
}
