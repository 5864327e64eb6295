using System.Diagnostics;

namespace ParkGis.Cli.Tests;

/// <summary>A fact that mounts a tmpfs (as root, where the system allows it); skipped with the reason elsewhere.</summary>
internal sealed class MountFactAttribute : FactAttribute
{
    private static readonly string? Missing = Probe();

    public MountFactAttribute()
    {
        if (Missing is not null)
        {
            Skip = Missing;
        }
    }

    public static void MountTmpfs(string folder) => Run("mount", "-t", "tmpfs", "parkgis-test", folder);

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. <c>64k</c>) on <paramref name="folder"/>: a disk that fills up.</summary>
    public static void MountTmpfs(string folder, string size) => Run("mount", "-t", "tmpfs", "-o", "size=" + size, "parkgis-test", folder);

    public static void Unmount(string folder) => Run("umount", folder);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "needs root on Linux to mount a tmpfs";
        }

        var folder = Path.Combine(Path.GetTempPath(), "parkgis-mount-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            MountTmpfs(folder);
            Unmount(folder);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return "this system does not allow mounting a tmpfs: " + e.Message;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {error.Trim()}");
        }
    }
}
