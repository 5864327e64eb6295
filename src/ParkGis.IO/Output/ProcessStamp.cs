using System.Diagnostics;
using System.Globalization;

namespace ParkGis.IO.Output;

/// <summary>
/// A process as it can be recognised later, whatever reused its id since: the process id and the start time
/// (on Linux the clock ticks since boot from <c>/proc/PID/stat</c>, exact; elsewhere the start time in ticks).
/// </summary>
internal readonly record struct ProcessStamp(int ProcessId, long StartTime)
{
    /// <summary>This process.</summary>
    public static ProcessStamp Current { get; } = new(Environment.ProcessId, StartTimeOf(Environment.ProcessId) ?? 0);

    /// <summary>True while the process this stamp names is running (not exited, not a zombie, not a reused id).</summary>
    public bool IsAlive() => StartTimeOf(ProcessId) is { } start && start == StartTime;

    /// <summary>True while some process has the id <paramref name="processId"/> (whatever its start time).</summary>
    public static bool IsRunning(int processId) => StartTimeOf(processId) is not null;

    private static long? StartTimeOf(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // Fields after the command name in parentheses (which may itself hold spaces and parentheses):
                // state is field 3, starttime field 22.
                var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return fields[0] is "Z" or "X" ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
