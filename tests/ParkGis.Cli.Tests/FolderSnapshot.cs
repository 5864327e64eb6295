using System.Security.Cryptography;

namespace ParkGis.Cli.Tests;

/// <summary>Every file under a folder (hidden ones too) by relative path, with its SHA-256; folders end with '/'.</summary>
internal static class FolderSnapshot
{
    public static SortedDictionary<string, string> Of(string folder, Func<string, bool>? include = null)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return snapshot;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(folder, entry).Replace('\\', '/');
            if (include is not null && !include(relative))
            {
                continue;
            }

            snapshot[Directory.Exists(entry) ? relative + "/" : relative] = Directory.Exists(entry) ? "folder" : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry)));
        }

        return snapshot;
    }

    public static string Describe(SortedDictionary<string, string> snapshot) =>
        string.Join("\n", snapshot.Select(e => $"{e.Key} {e.Value[..Math.Min(12, e.Value.Length)]}"));

    /// <summary>The hidden staging folders ParkGis leaves beside <paramref name="output"/> (none after a clean run).</summary>
    public static string[] StagingFolders(string output) =>
        Directory.Exists(Path.GetDirectoryName(output)!)
            ? Directory.GetDirectories(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.parkgis-*")
            : [];
}
