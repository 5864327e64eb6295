using System.Text.RegularExpressions;
using ParkGis.Web.Localization;

namespace ParkGis.Serve;

/// <summary>
/// What a served folder offers, read once at start: its GeoJSON layers (each top-level <c>NAME.geojson</c> whose
/// name is letters, digits, <c>_</c> and <c>-</c>, in lon/lat WGS84), its tile archive and its report page.
/// Layers in GCJ-02 or BD-09 (<c>export --crs gcj02|bd09</c>) are not OGC collections — those promise CRS84 — and are
/// listed in <see cref="Skipped"/> with the reason; so are files that are not a FeatureCollection.
/// </summary>
public sealed partial class ServedContent : IDisposable
{
    private ServedContent(ServedFolder folder, IReadOnlyList<FeatureCollectionLayer> collections, IReadOnlyDictionary<string, string> titles,
        TileArchive? tiles, string? reportFile, IReadOnlyList<string> skipped)
    {
        Folder = folder;
        Collections = collections;
        Titles = titles;
        Tiles = tiles;
        ReportFile = reportFile;
        Skipped = skipped;
    }

    /// <summary>The folder.</summary>
    public ServedFolder Folder { get; }

    /// <summary>The collections, sorted by id (ordinal).</summary>
    public IReadOnlyList<FeatureCollectionLayer> Collections { get; }

    /// <summary>The Chinese title of a collection, by id (from the caller or the tile metadata; else the id).</summary>
    public IReadOnlyDictionary<string, string> Titles { get; }

    /// <summary>The tile archive, null when the folder has none.</summary>
    public TileArchive? Tiles { get; }

    /// <summary>The report page's file name (<c>report.html</c>, else <c>index.html</c>), null when there is none.</summary>
    public string? ReportFile { get; }

    /// <summary>Files not served as collections, each with the reason (for the start-up message).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Reads the folder.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="titles">Chinese titles by layer name (the published layers'), or null to take them from the tile metadata.</param>
    /// <exception cref="InvalidDataException">A tile archive cannot be read.</exception>
    public static ServedContent Load(ServedFolder folder, IReadOnlyDictionary<string, string>? titles = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var tiles = TileArchive.Open(folder);
        try
        {
            var names = new Dictionary<string, string>(titles ?? TitlesOf(tiles), StringComparer.Ordinal);
            var collections = new List<FeatureCollectionLayer>();
            var skipped = new List<string>();
            foreach (var path in Directory.EnumerateFiles(folder.Root, "*.geojson").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(path);
                if (!CollectionId().IsMatch(id))
                {
                    skipped.Add(Localized.Format("ServeSkippedBadId", Path.GetFileName(path)));
                    continue;
                }

                using var stream = folder.OpenRequested(Path.GetFileName(path), out var refusal);
                if (stream is null)
                {
                    skipped.Add(Localized.Format("ServeSkippedRefused", Path.GetFileName(path), refusal));
                    continue;
                }

                FeatureCollectionLayer layer;
                try
                {
                    layer = FeatureCollectionLayer.Read(id, stream);
                }
                catch (InvalidDataException e)
                {
                    skipped.Add(Localized.Format("ServeSkippedNotCollection", Path.GetFileName(path), e.Message));
                    continue;
                }

                if (layer.CoordinateFrame is { } frame && !string.Equals(frame, "WGS84", StringComparison.Ordinal))
                {
                    skipped.Add(Localized.Format("ServeSkippedNotWgs84", Path.GetFileName(path), frame));
                    continue;
                }

                collections.Add(layer);
                names.TryAdd(id, id);
            }

            var report = new[] { "report.html", "index.html" }.FirstOrDefault(n => File.Exists(folder.PathOf(n)));
            return new ServedContent(folder, collections, names, tiles, report, skipped);
        }
        catch
        {
            tiles?.Dispose();
            throw;
        }
    }

    /// <summary>The collection with this id, or null.</summary>
    public FeatureCollectionLayer? Collection(string id) =>
        Collections.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <inheritdoc/>
    public void Dispose() => Tiles?.Dispose();

    private static Dictionary<string, string> TitlesOf(TileArchive? tiles)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tiles is null)
        {
            return titles;
        }

        using var layers = System.Text.Json.JsonDocument.Parse(tiles.VectorLayersJson);
        foreach (var layer in layers.RootElement.EnumerateArray())
        {
            if (layer.ValueKind == System.Text.Json.JsonValueKind.Object
                && layer.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
                && layer.TryGetProperty("description", out var title) && title.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                titles[id.GetString()!] = title.GetString()!;
            }
        }

        return titles;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CollectionId();
}
