using ParkGis.Web.Export;

namespace ParkGis.Web.Tiles;

/// <summary>Published layers prepared for tiling and the estimate that kept them within the limits; <see cref="VectorTileExport.Write"/> writes them.</summary>
public sealed class TilePlan
{
    internal TilePlan(TilePyramid pyramid, TileEstimate estimate)
    {
        Pyramid = pyramid;
        Estimate = estimate;
    }

    /// <summary>What the tiles will take.</summary>
    public TileEstimate Estimate { get; }

    /// <summary>The settings.</summary>
    public TileOptions Options => Pyramid.Options;

    /// <summary>The layers tiled.</summary>
    public IReadOnlyList<PublishedLayer> Layers => Pyramid.Published;

    internal TilePyramid Pyramid { get; }
}
