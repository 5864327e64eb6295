using System.Collections.Concurrent;
using System.Text;

namespace ParkGis.Serve;

/// <summary>
/// The files of the map page, embedded at build time: MapLibre GL JS and its stylesheet (from npm), the page and its
/// script. Only these names are served under <c>/assets/</c>.
/// </summary>
internal static class ServeAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["maplibre-gl.js"] = "text/javascript; charset=utf-8",
        ["maplibre-gl.css"] = "text/css; charset=utf-8",
        ["map.js"] = "text/javascript; charset=utf-8",
    };

    private static readonly ConcurrentDictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);

    /// <summary>The media type of an asset, null when there is no such asset.</summary>
    public static string? ContentType(string name) => Types.GetValueOrDefault(name);

    /// <summary>An asset's bytes.</summary>
    public static byte[] Bytes(string name) => Loaded.GetOrAdd(name, static n =>
    {
        using var stream = typeof(ServeAssets).Assembly.GetManifestResourceStream("ParkGis.Serve." + n)
            ?? throw new InvalidOperationException($"The build did not embed {n}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>An asset as text.</summary>
    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));
}
