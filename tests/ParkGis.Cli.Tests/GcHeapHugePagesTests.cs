using System.Globalization;
using System.Runtime.InteropServices;

namespace ParkGis.Cli.Tests;

public sealed class GcHeapHugePagesTests
{
    /// <summary>
    /// The layout met in a native run (addresses shortened): a stack and the collector's bookkeeping below, the reservation
    /// (committed regions, then its untouched remainder), a thread stack right above it, a file mapping.
    /// </summary>
    private const string Maps = """
        10000-14000 rw-p 00000000 00:00 0 
        14000-20000 ---p 00000000 00:00 0 
        20000-21000 rw-p 00000000 00:00 0 
        21000-40000 ---p 00000000 00:00 0 
        40000-48000 rw-p 00000000 00:00 0 
        48000-100000 ---p 00000000 00:00 0 
        100000-101000 ---p 00000000 00:00 0 
        101000-109000 rw-p 00000000 00:00 0 
        200000-210000 r-xp 00000000 08:01 1234 /usr/lib/x86_64-linux-gnu/libc.so.6
        """;

    [Fact]
    public void The_range_ends_with_the_largest_mapping_of_the_heap_s_run_and_is_the_region_range_long()
    {
        // The run is 10000-109000; its largest mapping 48000-100000; 100000 - E0000 = 20000.
        var range = GcHeapHugePages.Range(Maps, 0x40010, 0xE0000);

        Assert.Equal(((ulong)0x20000, (ulong)0xE0000), range);
    }

    [Fact]
    public void The_range_is_clipped_to_the_run_and_leaves_out_the_thread_stack_above()
    {
        var range = GcHeapHugePages.Range(Maps, 0x40010, 0x1000000);

        Assert.Equal(((ulong)0x10000, (ulong)0xF0000), range);
    }

    [Theory]
    [InlineData(0x104000UL, "a thread stack above the reservation")]
    [InlineData(0x200010UL, "a file mapping")]
    [InlineData(0x300000UL, "no mapping")]
    [InlineData(0x11000UL, "below a region range that does not reach it")]
    public void No_range_when_the_address_is_not_in_the_reservation(ulong address, string reason)
    {
        var range = GcHeapHugePages.Range(Maps, address, 0xE0000);

        Assert.True(range is null, reason);
    }

    [Fact]
    public void The_advice_reaches_the_mapping_of_a_new_heap_object()
    {
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!OperatingSystem.IsLinux() || !File.Exists(setting) || File.ReadAllText(setting).Contains("[never]", StringComparison.Ordinal))
        {
            return; // no transparent huge pages on this system: nothing to advise
        }

        Assert.True(GcHeapHugePages.Advise(), "the advice was not given");
        var probe = new byte[16];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        try
        {
            var address = (ulong)handle.AddrOfPinnedObject();
            var flags = VmFlagsAt(address);
            Assert.True(flags.Contains(" hg", StringComparison.Ordinal), $"VmFlags of the heap object's mapping: {flags}");
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>The <c>VmFlags</c> line of the mapping of <c>/proc/self/smaps</c> that holds <paramref name="address"/>.</summary>
    private static string VmFlagsAt(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash
                && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end))
            {
                inside = start <= address && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return "(no mapping holds the address)";
    }
}
