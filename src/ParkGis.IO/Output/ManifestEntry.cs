namespace ParkGis.IO.Output;

/// <summary>One file or folder ParkGis wrote into an output folder (see <see cref="OutputManifest"/>).</summary>
/// <param name="Path">Relative to the output folder, <c>/</c>-separated.</param>
/// <param name="IsFolder">A folder (whose content is listed by its own entries).</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">The file's SHA-256 in lower-case hex; null for a folder.</param>
internal sealed record ManifestEntry(string Path, bool IsFolder, long Bytes, string? Sha256);
