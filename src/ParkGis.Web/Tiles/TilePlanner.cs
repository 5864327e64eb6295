using System.Collections.Concurrent;
using System.Globalization;
using ParkGis.Core.Errors;
using ParkGis.Web.Localization;

namespace ParkGis.Web.Tiles;

/// <summary>
/// Counts the tiles and estimates the bytes of a pyramid before anything is written, zoom by zoom from the lowest,
/// with the same clipping the tiles are cut with (so a diagonal road or a ring-shaped park is not charged for the empty
/// tiles of its bounding box), and stops as soon as a limit is passed — a feature spanning 20° reaches the tile limit
/// within the first zooms it is counted at, without walking its millions of tiles.
/// </summary>
internal static class TilePlanner
{
    /// <summary>Estimated bytes per tile besides its features (layer headers, keys, values).</summary>
    private const int TileOverheadBytes = 64;

    /// <summary>Estimated bytes per feature in a tile besides its geometry and attributes (id, type, lengths).</summary>
    private const int FeatureOverheadBytes = 8;

    /// <summary>Estimated bytes per vertex (two zigzag varints of small deltas).</summary>
    private const int VertexBytes = 2;

    /// <summary>At most one vertex per this many tile units of a piece's bounding-box outline is counted.</summary>
    private const int UnitsPerVertex = 4;

    /// <summary>The estimate, or <see cref="UnusableInputException"/> (<see cref="ErrorCodes.TileLimitExceeded"/>) when a limit would be passed.</summary>
    public static TileEstimate Estimate(TilePyramid pyramid, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pyramid);
        var options = pyramid.Options;
        long tiles = 0;
        long bytes = 0;
        var perZoom = new List<long>();
        var bytesPerZoom = new List<long>();
        for (var zoom = options.MinZoom; zoom <= options.MaxZoom; zoom++)
        {
            var zoomLevel = Count(pyramid, zoom, options.MaxTiles - tiles);
            tiles += zoomLevel.Tiles;
            bytes += zoomLevel.Bytes + (zoomLevel.Tiles * TileOverheadBytes);
            perZoom.Add(zoomLevel.Tiles);
            bytesPerZoom.Add(zoomLevel.Bytes + (zoomLevel.Tiles * TileOverheadBytes));
            if (zoomLevel.Exceeded || tiles > options.MaxTiles)
            {
                throw TooManyTiles(pyramid, zoom, zoomLevel, perZoom, bytesPerZoom);
            }

            if (bytes > options.MaxBytes)
            {
                throw TooManyBytes(pyramid, zoom, bytes);
            }
        }

        progress?.Report(Localized.Format("ProgressTilesPlanned", tiles, bytes / 1048576.0));
        return new TileEstimate(tiles, bytes, perZoom);
    }

    /// <summary>The error for a tile set larger than <see cref="TileOptions.MaxBytes"/>, found while writing.</summary>
    public static UnusableInputException TooManyBytesWritten(TileOptions options, long bytes) =>
        new(ErrorCodes.TileLimitExceeded,
            Localized.Format("TilesTooManyBytesWritten", bytes / 1048576.0, options.MaxBytes / 1048576.0),
            hint: Localized.Get("TilesLowerZoomOrMbHint"));

    /// <summary>
    /// The count of <paramref name="zoom"/>, taken from <see cref="TilePyramid.ZoomCounts"/> when a zoom below the
    /// highest was counted within its budget before (the budget, the tiles of the zooms below subtracted from
    /// <see cref="TileOptions.MaxTiles"/>, is then the same, and a count within it is exact).
    /// </summary>
    private static ZoomCount Count(TilePyramid pyramid, int zoom, long budget)
    {
        var belowHighest = zoom < pyramid.Options.MaxZoom;
        if (belowHighest && pyramid.ZoomCounts.TryGetValue(zoom, out var known))
        {
            return new ZoomCount { Tiles = known.Tiles, Bytes = known.Bytes };
        }

        var counted = CountZoom(pyramid, zoom, budget);
        if (belowHighest && !counted.Exceeded)
        {
            pyramid.ZoomCounts[zoom] = (counted.Tiles, counted.Bytes);
        }

        return counted;
    }

    private static ZoomCount CountZoom(TilePyramid pyramid, int zoom, long budget) => CountZoom(pyramid, zoom, budget, pyramid.Options.MaxZoom);

    /// <summary>The count of <paramref name="zoom"/> in a pyramid whose highest zoom were <paramref name="highest"/>.</summary>
    private static ZoomCount CountZoom(TilePyramid pyramid, int zoom, long budget, int highest)
    {
        var grid = pyramid.Grid(zoom);
        var features = pyramid.Features;
        var merged = new HashSet<long>();
        var total = new ZoomCount();
        var gate = new object();
        var exceeded = 0;
        if (features.Count == 0)
        {
            return total;
        }

        Parallel.ForEach(
            Partitioner.Create(0, features.Count, 64),
            () => new ZoomCount(),
            (range, state, local) =>
            {
                for (var i = range.Item1; i < range.Item2 && Volatile.Read(ref exceeded) == 0; i++)
                {
                    var feature = features[i];
                    if (!pyramid.IsShownAt(feature, zoom, highest))
                    {
                        continue;
                    }

                    long count = 0;
                    var within = TileClipper.Visit(feature.Shape!, grid, (x, y, piece) =>
                    {
                        local.Keys.Add(((long)x << 32) | (uint)y);
                        local.Bytes += PieceBytes(piece, grid, feature);
                        return ++count <= budget && local.Keys.Count <= budget;
                    });
                    if (count > local.WorstCount)
                    {
                        (local.Worst, local.WorstCount) = (feature, count);
                    }

                    if (!within)
                    {
                        Interlocked.Exchange(ref exceeded, 1);
                        state.Stop();
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    merged.UnionWith(local.Keys);
                    total.Bytes += local.Bytes;
                    if (local.WorstCount > total.WorstCount)
                    {
                        (total.Worst, total.WorstCount) = (local.Worst, local.WorstCount);
                    }
                }
            });
        total.Tiles = merged.Count;
        total.Exceeded = exceeded != 0 || merged.Count > budget;
        return total;
    }

    private static long PieceBytes(TileShape piece, TileGrid grid, TiledFeature feature)
    {
        var outline = ((piece.MaxX - piece.MinX) + (piece.MaxY - piece.MinY)) * 2 / grid.UnitSize;
        var vertices = Math.Min(piece.Vertices, (long)(outline / UnitsPerVertex) + 4);
        return FeatureOverheadBytes + feature.AttributeBytes + (vertices * VertexBytes);
    }

    /// <summary>
    /// The error for a tile count over the limit at <paramref name="zoom"/> (the counts of the zooms from the lowest up
    /// to it in <paramref name="perZoom"/> and <paramref name="bytesPerZoom"/>). One feature reaching at least half the
    /// limit alone is named (its coordinates or CRS are the likely cause); otherwise the count is spread over many
    /// features and the hint gives the highest --max-zoom whose tiles fit both limits (<see cref="HighestFitting"/>).
    /// </summary>
    private static UnusableInputException TooManyTiles(TilePyramid pyramid, int zoom, ZoomCount zoomLevel, List<long> perZoom, List<long> bytesPerZoom)
    {
        var options = pyramid.Options;
        var message = Localized.Format("TilesTooMany", options.MinZoom, options.MaxZoom, options.MaxTiles, zoom);
        if (zoomLevel.Worst is not { } worst || zoomLevel.WorstCount * 2 < options.MaxTiles)
        {
            var hint = HighestFitting(pyramid, zoom, perZoom, bytesPerZoom) is var (highest, tiles)
                ? Localized.Format("TilesLowerZoomToHint", highest, tiles, options.MinZoom)
                : Localized.Get("TilesLowerZoomHint");
            return new UnusableInputException(ErrorCodes.TileLimitExceeded, message, hint: hint);
        }

        var shape = worst.Shape!;
        var world = WebMercator.WorldUnits(pyramid.StoredZoom);
        var widthDegrees = WebMercator.Longitude(shape.MaxX, world) - WebMercator.Longitude(shape.MinX, world);
        var heightDegrees = WebMercator.Latitude(shape.MinY, world) - WebMercator.Latitude(shape.MaxY, world);
        message += Localized.Format(
            zoomLevel.Exceeded ? "TilesWorstFeatureAtLeast" : "TilesWorstFeature",
            pyramid.Label(worst), pyramid.Layers[worst.LayerIndex].Name, zoomLevel.WorstCount, zoom, widthDegrees, heightDegrees);
        return new UnusableInputException(ErrorCodes.TileLimitExceeded, message, pyramid.Layers[worst.LayerIndex].Name, pyramid.Label(worst),
            hint: Localized.Get("TilesFeatureHint"));
    }

    /// <summary>
    /// The highest zoom below <paramref name="stopped"/> that, as the highest zoom of the set (where every feature is
    /// shown, however small), keeps the set within both limits, and the set's tile count then; null when none does.
    /// </summary>
    private static (int Zoom, long Tiles)? HighestFitting(TilePyramid pyramid, int stopped, List<long> perZoom, List<long> bytesPerZoom)
    {
        var options = pyramid.Options;
        for (var highest = stopped - 1; highest >= options.MinZoom; highest--)
        {
            var below = highest - options.MinZoom;
            var tilesBelow = perZoom.Take(below).Sum();
            var bytesBelow = bytesPerZoom.Take(below).Sum();
            var top = CountZoom(pyramid, highest, options.MaxTiles - tilesBelow, highest);
            var tiles = tilesBelow + top.Tiles;
            if (!top.Exceeded && tiles <= options.MaxTiles && bytesBelow + top.Bytes + (top.Tiles * TileOverheadBytes) <= options.MaxBytes)
            {
                return (highest, tiles);
            }
        }

        return null;
    }

    private static UnusableInputException TooManyBytes(TilePyramid pyramid, int zoom, long bytes) =>
        new(ErrorCodes.TileLimitExceeded,
            Localized.Format("TilesTooManyBytes", pyramid.Options.MinZoom, pyramid.Options.MaxZoom, bytes / 1048576.0, zoom, pyramid.Options.MaxBytes / 1048576.0),
            hint: Localized.Get("TilesLowerZoomOrMbHint"));

    /// <summary>Tiles, bytes and the feature reaching most tiles of one zoom (per worker, then merged).</summary>
    private sealed class ZoomCount
    {
        public HashSet<long> Keys { get; } = [];

        public long Tiles { get; set; }

        public long Bytes { get; set; }

        public bool Exceeded { get; set; }

        public TiledFeature? Worst { get; set; }

        public long WorstCount { get; set; }
    }
}
