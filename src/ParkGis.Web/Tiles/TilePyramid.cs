using ParkGis.Web.Export;

namespace ParkGis.Web.Tiles;

/// <summary>
/// The published layers prepared for tiling with their settings, and the one rule of which feature goes into which
/// zoom: at the highest zoom every feature; below it every feature whose bounding box spans at least one screen pixel
/// (16 tile units) across or down, and every point. The geometry is stored in world units of
/// <see cref="StoredZoom"/>; <see cref="WithMaxZoom"/> plans a lower highest zoom on the same geometry (world units
/// differ by a power of two between zooms, so every grid coordinate, clip and count comes out the same as from
/// geometry prepared for that zoom).
/// </summary>
internal sealed class TilePyramid
{
    private TilePyramid(IReadOnlyList<TiledLayer> layers, IReadOnlyList<PublishedLayer> published, TileOptions options, int storedZoom,
        IReadOnlyList<TiledFeature> features, Dictionary<int, (long Tiles, long Bytes)> zoomCounts)
    {
        Layers = layers;
        Published = published;
        Options = options;
        StoredZoom = storedZoom;
        Features = features;
        ZoomCounts = zoomCounts;
    }

    /// <summary>The layers, in tile order.</summary>
    public IReadOnlyList<TiledLayer> Layers { get; }

    /// <summary>The layers as published (names and labels for messages).</summary>
    public IReadOnlyList<PublishedLayer> Published { get; }

    /// <summary>The settings.</summary>
    public TileOptions Options { get; }

    /// <summary>Every feature of every layer, layer by layer.</summary>
    public IReadOnlyList<TiledFeature> Features { get; }

    /// <summary>The zoom whose world units the geometry is in (the highest zoom it was prepared for).</summary>
    public int StoredZoom { get; }

    /// <summary>
    /// <see cref="TilePlanner"/>'s counts of zooms below the highest, shared by every <see cref="WithMaxZoom"/> of
    /// this geometry: which features such a zoom shows does not depend on the highest zoom.
    /// </summary>
    internal Dictionary<int, (long Tiles, long Bytes)> ZoomCounts { get; }

    /// <summary>Prepares <paramref name="layers"/> (lon/lat).</summary>
    public static TilePyramid Prepare(IReadOnlyList<PublishedLayer> layers, TileOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        var tiled = layers.Select((layer, i) => TiledLayer.From(layer, i, options.MaxZoom)).ToArray();
        return new TilePyramid(tiled, layers, options, options.MaxZoom, tiled.SelectMany(l => l.Features).ToArray(), []);
    }

    /// <summary>The same geometry planned with <paramref name="maxZoom"/> (at most <see cref="StoredZoom"/>) as the highest zoom.</summary>
    public TilePyramid WithMaxZoom(int maxZoom)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxZoom, StoredZoom);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxZoom, Options.MinZoom);
        return new TilePyramid(Layers, Published, Options with { MaxZoom = maxZoom }, StoredZoom, Features, ZoomCounts);
    }

    /// <summary>The grid of <paramref name="zoom"/>.</summary>
    public TileGrid Grid(int zoom) => new(zoom, StoredZoom, TileOptions.BufferUnits);

    /// <summary>True when <paramref name="feature"/> goes into the tiles of <paramref name="zoom"/>.</summary>
    public bool IsShownAt(TiledFeature feature, int zoom) => IsShownAt(feature, zoom, Options.MaxZoom);

    /// <summary>As <see cref="IsShownAt(TiledFeature, int)"/> for a pyramid whose highest zoom were <paramref name="highest"/>.</summary>
    internal bool IsShownAt(TiledFeature feature, int zoom, int highest)
    {
        if (feature.Shape is not { } shape)
        {
            return false;
        }

        if (zoom >= highest || shape.Kind == TileGeometryKind.Point)
        {
            return true;
        }

        var span = Math.Max(shape.MaxX - shape.MinX, shape.MaxY - shape.MinY) / Math.ScaleB(1.0, StoredZoom - zoom);
        return span >= WebMercator.UnitsPerPixel;
    }

    /// <summary>How a person names <paramref name="feature"/> in a message.</summary>
    public string Label(TiledFeature feature)
    {
        var label = Published[feature.LayerIndex].Features[feature.Index].Label;
        return string.IsNullOrWhiteSpace(label) ? "#" + feature.Id : label;
    }

    /// <summary>The lon/lat bounds of every tiled feature (west, south, east, north), or null when there is none.</summary>
    public (double West, double South, double East, double North)? Bounds()
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        foreach (var shape in Features.Select(f => f.Shape).OfType<TileShape>())
        {
            minX = Math.Min(minX, shape.MinX);
            minY = Math.Min(minY, shape.MinY);
            maxX = Math.Max(maxX, shape.MaxX);
            maxY = Math.Max(maxY, shape.MaxY);
        }

        if (double.IsInfinity(minX))
        {
            return null;
        }

        var world = WebMercator.WorldUnits(StoredZoom);
        return (WebMercator.Longitude(minX, world), WebMercator.Latitude(maxY, world), WebMercator.Longitude(maxX, world), WebMercator.Latitude(minY, world));
    }
}
