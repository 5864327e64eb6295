using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ParkGis.Serve;

/// <summary>
/// The folder <c>parkgis serve</c> publishes (已发布文件夹), and the one rule for which of its files a request may
/// read: a relative path of plain names — no empty, <c>.</c> or <c>..</c> segment, no name starting with a dot
/// (the manifest, staging folders), no backslash, colon, <c>%</c> or control character — naming a regular file
/// whose real location, after every symbolic link is followed, lies inside the folder. The check is made on the
/// opened file (Linux: <c>/proc/self/fd</c>), so a link swapped in between the check and the read is caught too;
/// a named pipe, socket or device is opened without blocking and refused.
/// </summary>
public sealed partial class ServedFolder
{
    private const int ReadOnlyNonBlocking = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC (Linux)

    private ServedFolder(string root) => Root = root;

    /// <summary>The folder's canonical path (symbolic links resolved).</summary>
    public string Root { get; }

    /// <summary>Opens the folder.</summary>
    /// <exception cref="DirectoryNotFoundException">It does not exist or is not a folder.</exception>
    public static ServedFolder Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{path} is not a folder.");
        }

        if (!OperatingSystem.IsLinux())
        {
            return new ServedFolder(full);
        }

        var descriptor = OpenNative(full, ReadOnlyNonBlocking);
        if (descriptor < 0)
        {
            throw new UnauthorizedAccessException($"{path} cannot be opened (errno {Marshal.GetLastPInvokeError()}).");
        }

        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        return new ServedFolder(RealLocation(handle, full) ?? full);
    }

    /// <summary>The full path of the top-level file <paramref name="name"/>.</summary>
    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>
    /// Opens the file a request names, or says why not (the reason is for the log and the 403/404 answer; it never
    /// quotes the file's content). Null stream: refused.
    /// </summary>
    public FileStream? OpenRequested(string? relative, out string? refusal)
    {
        refusal = CheckName(relative);
        if (refusal is not null)
        {
            return null;
        }

        var path = Path.Combine([Root, .. relative!.Split('/')]);
        if (Directory.Exists(path))
        {
            refusal = "a folder";
            return null;
        }

        FileStream stream;
        try
        {
            stream = OpenWithoutBlocking(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refusal = "no such file";
            return null;
        }

        var real = RealLocation(stream.SafeFileHandle, path);
        if (real is null || !IsInside(real) || !stream.CanSeek || Directory.Exists(real))
        {
            stream.Dispose();
            refusal = "outside the served folder or not a regular file";
            return null;
        }

        return stream;
    }

    /// <summary>Why <paramref name="relative"/> is not a plain relative name, or null when it is.</summary>
    internal static string? CheckName(string? relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            return "empty path";
        }

        foreach (var segment in relative.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "absolute path or empty segment";
            }

            if (segment[0] == '.')
            {
                return "a dot segment or hidden name";
            }

            if (segment.Any(c => c is '\\' or ':' or '%' || char.IsControl(c)))
            {
                return "a backslash, colon, percent sign or control character";
            }
        }

        return null;
    }

    private bool IsInside(string real) =>
        real.StartsWith(Root.EndsWith('/') ? Root : Root + "/", StringComparison.Ordinal);

    /// <summary>Opens for reading; on Linux with O_NONBLOCK, so that a FIFO answers at once (and is refused: it cannot seek).</summary>
    private static FileStream OpenWithoutBlocking(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        }

        var descriptor = OpenNative(path, ReadOnlyNonBlocking);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open (errno {Marshal.GetLastPInvokeError()})");
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            return new FileStream(handle, FileAccess.Read, 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    /// <summary>
    /// Where an opened file really is: on Linux the kernel's own answer for the handle; elsewhere every component of
    /// the path resolved in turn, and null (refused) when any of them is a symbolic link.
    /// </summary>
    private static string? RealLocation(SafeFileHandle handle, string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var descriptor = "/proc/self/fd/" + handle.DangerousGetHandle().ToInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                return new FileInfo(descriptor).LinkTarget;
            }
            catch (IOException)
            {
                return null;
            }
        }

        var current = Path.GetPathRoot(path)!;
        foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (new FileInfo(current).LinkTarget is not null)
            {
                return null;
            }
        }

        return current;
    }
}
