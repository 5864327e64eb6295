using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ParkGis.Core.WebFrames;
using ParkGis.Web.Export;
using ParkGis.Web.Localization;

namespace ParkGis.Web.Tiles;

/// <summary>
/// Mapbox vector tiles (矢量瓦片, MVT 2.1, extent 4096, XYZ) of every published layer, one tile layer per published
/// layer, written as a PMTiles v3 archive, an MBTiles file and/or a folder tree. Each feature is clipped to every tile
/// it reaches (with a buffer of <see cref="TileOptions.BufferUnits"/>), simplified for the zoom, rounded to the tile
/// grid and kept valid (<see cref="TileFragmentBuilder"/>), with all its attributes and its position in its GeoJSON
/// file as MVT id. Zooms are cut one at a time, the features of a zoom and then its tiles on every core; tiles go to
/// the archives in tile-id order, so the same input gives byte-identical archives.
/// </summary>
public static class VectorTileExport
{
    /// <summary>The PMTiles archive's file name.</summary>
    public const string PmTilesFileName = "tiles.pmtiles";

    /// <summary>The MBTiles file's name.</summary>
    public const string MbTilesFileName = "tiles.mbtiles";

    /// <summary>The folder tree's name.</summary>
    public const string FolderName = "tiles";

    /// <summary>Compressed tiles up to this size are kept for later zooms, where the same content may come again.</summary>
    private const int RepeatedTileBytes = 512;

    /// <summary>The names <paramref name="formats"/> write into the output folder.</summary>
    public static IReadOnlyList<string> OutputNames(TileArchiveFormats formats)
    {
        var names = new List<string>();
        if (formats.HasFlag(TileArchiveFormats.PmTiles))
        {
            names.Add(PmTilesFileName);
        }

        if (formats.HasFlag(TileArchiveFormats.MbTiles))
        {
            names.Add(MbTilesFileName);
        }

        if (formats.HasFlag(TileArchiveFormats.Folder))
        {
            names.Add(FolderName);
        }

        return names;
    }

    /// <summary>
    /// Prepares <paramref name="layers"/> (lon/lat in the export's frame) and counts what their tiles will take;
    /// throws <see cref="Core.Errors.UnusableInputException"/> (PG0410) when that is over a limit. Writes nothing.
    /// </summary>
    public static TilePlan Plan(IReadOnlyList<PublishedLayer> layers, TileOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        return Plan(TilePyramid.Prepare(layers, options), progress);
    }

    /// <summary>Counts what the tiles of <paramref name="pyramid"/> will take; PG0410 when that is over a limit.</summary>
    internal static TilePlan Plan(TilePyramid pyramid, IProgress<string>? progress = null)
    {
        var options = pyramid.Options;
        var estimate = TilePlanner.Estimate(pyramid, progress);
        var copies = OutputNames(options.Formats).Count;
        if (estimate.Bytes * copies > options.MaxBytes)
        {
            throw TilePlanner.TooManyBytesWritten(options, estimate.Bytes * copies);
        }

        return new TilePlan(pyramid, estimate);
    }

    /// <summary>Writes the planned tiles into <paramref name="folder"/>.</summary>
    public static TileSummary Write(TilePlan plan, string folder, WebMapFrame frame, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = Stopwatch.StartNew();
        var pyramid = plan.Pyramid;
        var options = pyramid.Options;
        var sinks = new List<ITileSink>();
        try
        {
            if (options.Formats.HasFlag(TileArchiveFormats.PmTiles))
            {
                sinks.Add(new PmTilesWriter(Path.Combine(folder, PmTilesFileName)));
            }

            if (options.Formats.HasFlag(TileArchiveFormats.MbTiles))
            {
                sinks.Add(new MbTilesWriter(Path.Combine(folder, MbTilesFileName)));
            }

            if (options.Formats.HasFlag(TileArchiveFormats.Folder))
            {
                sinks.Add(new TileFolderWriter(Path.Combine(folder, FolderName)));
            }

            var compress = options.Formats.HasFlag(TileArchiveFormats.PmTiles) || options.Formats.HasFlag(TileArchiveFormats.MbTiles);
            var counts = new TileFragmentCounts();
            var perZoom = new List<long>();
            long lost = 0;
            var distinct = new HashSet<UInt128>();
            var compressed = new Dictionary<UInt128, byte[]>();
            long mvtBytes = 0;
            for (var zoom = options.MinZoom; zoom <= options.MaxZoom; zoom++)
            {
                var (fragments, zoomLost) = Cut(pyramid, zoom, counts);
                lost += zoomLost;
                var tiles = Encode(pyramid, fragments);
                if (compress)
                {
                    Compress(tiles, compressed);
                }
                foreach (var (tile, id, mvt, hash) in tiles)
                {
                    distinct.Add(hash);
                    mvtBytes += mvt.Length;
                    var gzipped = compress ? compressed[hash] : null;
                    foreach (var sink in sinks)
                    {
                        sink.Add(tile, id, mvt, gzipped, hash);
                    }

                    if (sinks.Sum(s => s.Bytes) > options.MaxBytes)
                    {
                        throw TilePlanner.TooManyBytesWritten(options, sinks.Sum(s => s.Bytes));
                    }
                }

                ForgetLarge(compressed);

                perZoom.Add(tiles.Count);
                progress?.Report(Localized.Format("ProgressTilesZoom", zoom, tiles.Count, fragments.Count));
            }

            progress?.Report(Localized.Format("ProgressTilesWritten", perZoom.Sum(), mvtBytes / 1048576.0, plan.Estimate.Tiles, plan.Estimate.Bytes / 1048576.0));
            var bounds = pyramid.Bounds() ?? (0, 0, 0, 0);
            var description = new TileSetDescription(options.MinZoom, options.MaxZoom, bounds.West, bounds.South, bounds.East, bounds.North, frame, pyramid.Layers);
            if (perZoom.Sum() > 0)
            {
                foreach (var sink in sinks)
                {
                    sink.Complete(description);
                }
            }

            return new TileSummary(options.MinZoom, options.MaxZoom, perZoom.Sum(), distinct.Count, sinks.Sum(s => s.Bytes), perZoom,
                perZoom.Sum() > 0 ? sinks.Select(s => s.Name).ToList() : [], counts.Repaired, counts.CollapsedParts,
                pyramid.Features.Count(f => f.Repaired), lost, clock.Elapsed);
        }
        finally
        {
            foreach (var sink in sinks)
            {
                sink.Dispose();
            }
        }
    }

    /// <summary>Every feature's pieces in the tiles of <paramref name="zoom"/>, sorted by tile id, layer and feature; and how many shown features left no piece.</summary>
    private static (List<TileFragment> Fragments, long Lost) Cut(TilePyramid pyramid, int zoom, TileFragmentCounts counts)
    {
        var grid = pyramid.Grid(zoom);
        var tolerance = pyramid.Options.SimplifyToleranceUnits(zoom);
        var features = pyramid.Features;
        var all = new List<TileFragment>();
        long lost = 0;
        var gate = new object();
        if (features.Count == 0)
        {
            return (all, 0);
        }

        Parallel.ForEach(
            Partitioner.Create(0, features.Count, 16),
            () => (Builder: new TileFragmentBuilder(), Fragments: new List<TileFragment>(), Lost: 0L),
            (range, _, local) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var feature = features[i];
                    if (!pyramid.IsShownAt(feature, zoom))
                    {
                        continue;
                    }

                    var before = local.Fragments.Count;
                    TileClipper.Visit(feature.Shape!, grid, (x, y, piece) =>
                    {
                        if (local.Builder.Build(feature, piece, grid, x, y, tolerance) is { } fragment)
                        {
                            local.Fragments.Add(fragment);
                        }

                        return true;
                    });
                    if (local.Fragments.Count == before)
                    {
                        local.Lost++;
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    all.AddRange(local.Fragments);
                    counts.Add(local.Builder.Counts);
                    lost += local.Lost;
                }
            });
        all.Sort(static (a, b) =>
        {
            var byTile = a.TileId.CompareTo(b.TileId);
            if (byTile != 0)
            {
                return byTile;
            }

            var byLayer = a.Feature.LayerIndex.CompareTo(b.Feature.LayerIndex);
            return byLayer != 0 ? byLayer : a.Feature.Index.CompareTo(b.Feature.Index);
        });
        return (all, lost);
    }

    /// <summary>The tiles holding <paramref name="fragments"/> (sorted), encoded on every core, in tile-id order, with a hash of each tile's bytes.</summary>
    private static List<(TileAddress Tile, ulong Id, byte[] Mvt, UInt128 Hash)> Encode(TilePyramid pyramid, List<TileFragment> fragments)
    {
        var starts = new List<int>();
        for (var i = 0; i < fragments.Count; i++)
        {
            if (i == 0 || fragments[i].TileId != fragments[i - 1].TileId)
            {
                starts.Add(i);
            }
        }

        starts.Add(fragments.Count);
        var tiles = new (TileAddress, ulong, byte[], UInt128)[starts.Count - 1];
        var span = fragments.ToArray();
        Parallel.For(
            0,
            tiles.Length,
            () => new MvtTileEncoder(),
            (t, _, encoder) =>
            {
                var id = span[starts[t]].TileId;
                var mvt = encoder.Encode(pyramid.Layers, span.AsSpan(starts[t], starts[t + 1] - starts[t]));
                tiles[t] = (TileAddress.FromId(id), id, mvt, BitConverter.ToUInt128(SHA256.HashData(mvt), 0));
                return encoder;
            },
            _ => { });
        return [.. tiles];
    }

    /// <summary>Gzips, on every core, each distinct tile content not compressed before.</summary>
    private static void Compress(List<(TileAddress Tile, ulong Id, byte[] Mvt, UInt128 Hash)> tiles, Dictionary<UInt128, byte[]> compressed)
    {
        var todo = new List<(UInt128 Hash, byte[] Mvt)>();
        var seen = new HashSet<UInt128>();
        foreach (var (_, _, mvt, hash) in tiles)
        {
            if (!compressed.ContainsKey(hash) && seen.Add(hash))
            {
                todo.Add((hash, mvt));
            }
        }

        var results = new byte[todo.Count][];
        Parallel.For(0, todo.Count, i => results[i] = TileCompression.Gzip(todo[i].Mvt));
        for (var i = 0; i < todo.Count; i++)
        {
            compressed.Add(todo[i].Hash, results[i]);
        }
    }

    /// <summary>
    /// Keeps only small compressed tiles for the next zooms: those that repeat (a square wholly inside a red-line
    /// polygon is the same at every zoom) are small, and the large ones would hold the whole archive in memory.
    /// </summary>
    private static void ForgetLarge(Dictionary<UInt128, byte[]> compressed)
    {
        foreach (var (hash, bytes) in compressed.ToList())
        {
            if (bytes.Length > RepeatedTileBytes)
            {
                compressed.Remove(hash);
            }
        }
    }
}
