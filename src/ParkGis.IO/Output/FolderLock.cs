using System.Runtime.InteropServices;

namespace ParkGis.IO.Output;

/// <summary>
/// Excludes other ParkGis runs (processes and threads) from a folder while output is committed or recovered
/// there. On Linux and macOS it is <c>flock(2)</c> on the folder itself, so no lock file is left behind and the
/// kernel releases it when the process dies (a killed run never leaves a stale lock); elsewhere an exclusive
/// hidden lock file in the folder, deleted on release.
/// </summary>
internal sealed partial class FolderLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int OpenReadOnly = 0;

    /// <summary>
    /// O_CLOEXEC: the locked descriptor is not inherited by a process started meanwhile (a browser, a test's parkgis),
    /// which would hold the lock until it exits — and, being parkgis, wait on it itself for the lock timeout.
    /// </summary>
    private static readonly int CloseOnExec = OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly int _descriptor;
    private readonly FileStream? _lockFile;

    private FolderLock(int descriptor, FileStream? lockFile)
    {
        _descriptor = descriptor;
        _lockFile = lockFile;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the lock on <paramref name="folder"/>.</summary>
    /// <returns>The lock, or null when another run held it for the whole time.</returns>
    public static FolderLock? TryAcquire(string folder, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var descriptor = Open(folder, OpenReadOnly | CloseOnExec);
            if (descriptor < 0)
            {
                throw new IOException($"Cannot open {folder} to lock it (errno {Marshal.GetLastPInvokeError()}).");
            }

            while (Flock(descriptor, LockExclusive | LockNonBlocking) != 0)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    _ = Close(descriptor);
                    return null;
                }

                Thread.Sleep(Poll);
            }

            return new FolderLock(descriptor, null);
        }

        while (true)
        {
            try
            {
                return new FolderLock(-1, new FileStream(Path.Combine(folder, ".parkgis-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Poll);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        if (_lockFile is not null)
        {
            _lockFile.Dispose();
        }
        else
        {
            // Closing the descriptor releases the flock.
            _ = Close(_descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
