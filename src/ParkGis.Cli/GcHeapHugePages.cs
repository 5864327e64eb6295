using System.Globalization;
using System.Runtime.InteropServices;

namespace ParkGis.Cli;

/// <summary>
/// Asks Linux to back the garbage collector's address range with transparent huge pages (<c>madvise</c>
/// <c>MADV_HUGEPAGE</c>), for systems that leave them to the program (<c>transparent_hugepage/enabled</c> =
/// <c>madvise</c>, the Debian and Ubuntu default). A command such as <c>check</c> touches hundreds of MB of fresh heap,
/// and with 4 KiB pages each page costs a fault; with 2 MiB pages one fault maps 512 of them. Memory the collector
/// gives back and takes again is mapped anew without the advice and so returns to small pages: the advice concerns
/// the first use, which is most of a command's memory. Nothing changes when the range cannot be found or the call
/// fails (another system, another runtime layout): it is an advice, never a condition.
/// </summary>
internal static partial class GcHeapHugePages
{
    private const int MadviseHugePage = 14;

    /// <summary>Gives the advice for the collector's range of this process; whether it was given.</summary>
    public static bool Advise()
    {
        if (!OperatingSystem.IsLinux() || !GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var configured))
        {
            return false;
        }

        var regionRange = configured switch
        {
            long signed when signed > 0 => (ulong)signed,
            ulong unsigned => unsigned,
            _ => 0UL,
        };
        if (regionRange == 0)
        {
            return false; // a runtime without regions, or one that does not say its range
        }

        var probe = new byte[16];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        ulong address;
        try
        {
            address = (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }

        string maps;
        try
        {
            maps = File.ReadAllText("/proc/self/maps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (Range(maps, address, regionRange) is not var (start, length))
        {
            return false;
        }

        try
        {
            return Madvise((nint)start, (nuint)length, MadviseHugePage) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The collector's reservation in a <c>/proc/self/maps</c> text: the run of adjacent anonymous mappings around
    /// <paramref name="heapAddress"/> (an object on the managed heap) is the reservation, split by what the collector has
    /// committed, and possibly neighbours such as thread stacks; the reservation ends where the largest of those
    /// mappings (its untouched remainder) ends and is <paramref name="regionRange"/> long
    /// (<c>GCRegionRange</c>), clipped to the run. Null when the address is in no anonymous mapping or outside that range.
    /// </summary>
    internal static (ulong Start, ulong Length)? Range(string maps, ulong heapAddress, ulong regionRange)
    {
        var mappings = new List<(ulong Start, ulong End, bool Anonymous)>();
        foreach (var line in maps.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Mapping(line) is { } mapping)
            {
                mappings.Add(mapping);
            }
        }

        var at = mappings.FindIndex(m => m.Start <= heapAddress && heapAddress < m.End);
        if (at < 0 || !mappings[at].Anonymous)
        {
            return null;
        }

        var (first, last) = (at, at);
        while (first > 0 && mappings[first - 1].Anonymous && mappings[first - 1].End == mappings[first].Start)
        {
            first--;
        }

        while (last < mappings.Count - 1 && mappings[last + 1].Anonymous && mappings[last + 1].Start == mappings[last].End)
        {
            last++;
        }

        var largest = first;
        for (var i = first; i <= last; i++)
        {
            if (mappings[i].End - mappings[i].Start > mappings[largest].End - mappings[largest].Start)
            {
                largest = i;
            }
        }

        var end = mappings[largest].End;
        var start = Math.Max(mappings[first].Start, end > regionRange ? end - regionRange : 0);
        return heapAddress >= start && heapAddress < end ? (start, end - start) : null;
    }

    /// <summary>One line of <c>/proc/self/maps</c>: <c>start-end perms offset dev inode [path]</c>; anonymous when inode 0 and no path.</summary>
    private static (ulong Start, ulong End, bool Anonymous)? Mapping(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5)
        {
            return null;
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end <= start)
        {
            return null;
        }

        var path = fields.Length > 5 ? fields[5].Trim() : string.Empty;
        return (start, end, fields[4] == "0" && path.Length == 0);
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
