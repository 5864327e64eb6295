namespace ParkGis.IO.Files;

/// <summary>
/// The canonical absolute path of a file or folder, like POSIX <c>realpath</c> but also for paths that do not
/// exist yet: every symbolic link along the way is followed, and <c>..</c> is applied to the folder a link leads
/// to, not to the link's own name (so <c>link/../x</c> means what the file system means by it).
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The comparison paths of this file system get (ordinal on Linux, ignoring case elsewhere).</summary>
    public static StringComparison Comparison { get; } = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>Resolves <paramref name="path"/> (relative to the current folder) to its canonical absolute path.</summary>
    /// <exception cref="IOException">More than 40 links on the way (a loop).</exception>
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute)!;
        var remaining = new Stack<string>(Components(absolute[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (remaining.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many symbolic links in {path} (a loop?).");
            }

            foreach (var component in Components(Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target).Reverse())
            {
                remaining.Push(component);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies under it (both canonical).</summary>
    public static bool IsSameOrUnder(string path, string folder) =>
        string.Equals(path, folder, Comparison) || IsUnder(path, folder);

    /// <summary>True when <paramref name="path"/> lies strictly under <paramref name="folder"/> (both canonical).</summary>
    public static bool IsUnder(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, Comparison);
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
