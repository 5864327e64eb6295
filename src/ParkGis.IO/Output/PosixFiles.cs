using System.Runtime.InteropServices;

namespace ParkGis.IO.Output;

/// <summary>
/// The two file-system calls of Linux that .NET does not offer and an atomic commit needs: swapping two folders
/// in one step (<c>renameat2</c> with <c>RENAME_EXCHANGE</c>) and a second name for a file (<c>link</c>).
/// </summary>
internal static partial class PosixFiles
{
    private const int CurrentFolder = -100;
    private const uint RenameExchange = 2;

    /// <summary>
    /// Swaps the folders <paramref name="first"/> and <paramref name="second"/> atomically: at every instant each
    /// path names one complete folder. False when this system or file system cannot (then nothing changed).
    /// </summary>
    /// <exception cref="IOException">The swap failed for another reason (nothing changed).</exception>
    public static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        int result;
        try
        {
            result = RenameAt2(CurrentFolder, first, CurrentFolder, second, RenameExchange);
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }

        if (result == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        // EINVAL: the file system does not support the flag; ENOSYS: the kernel lacks renameat2.
        return errno is 22 or 38 ? false : throw new IOException($"Cannot swap {first} and {second} (errno {errno}).");
    }

    /// <summary>Gives the file <paramref name="existing"/> the second name <paramref name="link"/> (same file, same content).</summary>
    /// <exception cref="IOException">The link failed, or this system has no <c>link</c>.</exception>
    public static void CreateHardLink(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new IOException("Hard links are not used on this system.");
        }

        if (Link(existing, link) != 0)
        {
            throw new IOException($"Cannot link {existing} as {link} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string link);
}
