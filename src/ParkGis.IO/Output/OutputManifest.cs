using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParkGis.IO.Output;

/// <summary>
/// The manifest of an output folder (<c>.parkgis-manifest.json</c>): every file and folder ParkGis wrote there,
/// each file with its size and SHA-256. ParkGis replaces or deletes an entry only when the manifest lists it and
/// the file is still what ParkGis wrote (same size and hash; never a symbolic link); anything else is the user's.
/// Paths are relative, with <c>/</c> separators, sorted (the same results give a byte-identical manifest).
/// </summary>
internal sealed class OutputManifest
{
    /// <summary>The manifest's file name in the output folder.</summary>
    public const string FileName = ".parkgis-manifest.json";

    private const int FormatVersion = 1;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SortedDictionary<string, ManifestEntry> _entries;

    private OutputManifest(SortedDictionary<string, ManifestEntry> entries) => _entries = entries;

    /// <summary>The entries, sorted by path.</summary>
    public IReadOnlyCollection<ManifestEntry> Entries => _entries.Values;

    /// <summary>Reads the manifest of <paramref name="folder"/>; a missing or unreadable manifest lists nothing (every file is then the user's).</summary>
    public static OutputManifest Read(string folder)
    {
        var entries = new SortedDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        var path = Path.Combine(folder, FileName);
        try
        {
            if (new FileInfo(path) is not { Exists: true, LinkTarget: null })
            {
                return new OutputManifest(entries);
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.GetProperty("parkgis_manifest").GetInt32() != FormatVersion)
            {
                return new OutputManifest(entries);
            }

            foreach (var item in document.RootElement.GetProperty("entries").EnumerateArray())
            {
                var relative = item.GetProperty("path").GetString();
                if (relative is null || !IsPlainRelative(relative))
                {
                    continue;
                }

                var entry = item.TryGetProperty("folder", out var folderFlag) && folderFlag.GetBoolean()
                    ? new ManifestEntry(relative, true, 0, null)
                    : new ManifestEntry(relative, false, item.GetProperty("bytes").GetInt64(), item.GetProperty("sha256").GetString());
                entries[relative] = entry;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            entries.Clear();
        }

        return new OutputManifest(entries);
    }

    /// <summary>Describes what is at <paramref name="name"/> under <paramref name="root"/> (a file, or a folder and everything in it).</summary>
    public static IEnumerable<ManifestEntry> Describe(string root, string name)
    {
        var path = Path.Combine(root, name);
        if (Directory.Exists(path))
        {
            yield return new ManifestEntry(name, true, 0, null);
            foreach (var child in Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                foreach (var entry in Describe(root, name + "/" + child))
                {
                    yield return entry;
                }
            }
        }
        else
        {
            yield return new ManifestEntry(name, false, new FileInfo(path).Length, Sha256Of(path));
        }
    }

    /// <summary>
    /// The first path at or under <paramref name="name"/> in <paramref name="root"/> that ParkGis did not write or
    /// that changed since; null when everything there is ParkGis's own.
    /// </summary>
    public string? FirstForeign(string root, string name)
    {
        var path = Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar));
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is not null || !_entries.TryGetValue(name, out var entry))
        {
            return name;
        }

        if (info is DirectoryInfo folder)
        {
            if (!entry.IsFolder)
            {
                return name;
            }

            return folder.EnumerateFileSystemInfos().Select(i => i.Name).Order(StringComparer.Ordinal)
                .Select(child => FirstForeign(root, name + "/" + child)).FirstOrDefault(foreign => foreign is not null);
        }

        var file = (FileInfo)info;
        return entry.IsFolder || file.Length != entry.Bytes || !string.Equals(Sha256Of(file.FullName), entry.Sha256, StringComparison.Ordinal) ? name : null;
    }

    /// <summary>
    /// The manifest after a commit into <paramref name="root"/>: the entries under <paramref name="replaced"/>
    /// names and entries whose file is gone are dropped, <paramref name="added"/> ones come in.
    /// </summary>
    public OutputManifest After(string root, IReadOnlySet<string> replaced, IEnumerable<ManifestEntry> added)
    {
        var entries = new SortedDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var entry in _entries.Values)
        {
            var top = entry.Path.Split('/')[0];
            var path = Path.Combine(root, entry.Path.Replace('/', Path.DirectorySeparatorChar));
            if (!replaced.Contains(top) && (entry.IsFolder ? Directory.Exists(path) : File.Exists(path)))
            {
                entries[entry.Path] = entry;
            }
        }

        foreach (var entry in added)
        {
            entries[entry.Path] = entry;
        }

        return new OutputManifest(entries);
    }

    /// <summary>Writes the manifest to <paramref name="path"/>, one entry per line.</summary>
    public void Write(string path)
    {
        using var stream = File.Create(path);
        stream.Write("{\"parkgis_manifest\":1,\"about\":\"Files ParkGis wrote into this folder. ParkGis replaces or deletes only these, and only while they are unchanged.\",\"entries\":["u8);
        var first = true;
        foreach (var entry in _entries.Values)
        {
            stream.Write(first ? "\n"u8 : ",\n"u8);
            first = false;
            using var writer = new Utf8JsonWriter(stream, WriterOptions);
            writer.WriteStartObject();
            writer.WriteString("path", entry.Path);
            if (entry.IsFolder)
            {
                writer.WriteBoolean("folder", true);
            }
            else
            {
                writer.WriteNumber("bytes", entry.Bytes);
                writer.WriteString("sha256", entry.Sha256);
            }

            writer.WriteEndObject();
        }

        stream.Write("\n]}\n"u8);
    }

    private static bool IsPlainRelative(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    private static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
