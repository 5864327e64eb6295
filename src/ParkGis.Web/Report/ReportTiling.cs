using ParkGis.Web.Export;

namespace ParkGis.Web.Report;

/// <summary>
/// When the report draws a layer from its embedded vector-tile archive (矢量瓦片) instead of inline GeoJSON, and which
/// zooms the archive holds. A layer of more than <see cref="MaxInlineFeatures"/> features or more than
/// <see cref="MaxInlineVertices"/> vertices is tiled: inline, such a layer makes the page tens of MB of GeoJSON that
/// the browser parses and draws as one SVG path per feature.
/// </summary>
/// <param name="MaxInlineFeatures">Layers with more features are tiled (<c>report --tile-over</c>; 0 tiles every non-empty layer).</param>
/// <param name="MaxInlineVertices">Layers with more vertices are tiled (200 000 vertices are about 4 MB of GeoJSON at 6 decimals).</param>
/// <param name="MinZoom">Lowest zoom of the archive: a whole city (鄂尔多斯市, about 87 000 km²) fits the map at z7–z8.</param>
/// <param name="MaxZoom">Highest zoom of the archive; the map zooms further in on its tiles (at z12 a tile unit is about 2 m, a pixel at z16); lowered, one step at a time down to <paramref name="LowestMaxZoom"/>, when the tiles would pass <paramref name="MaxTiles"/> or <paramref name="MaxBytes"/>.</param>
/// <param name="LowestMaxZoom">The highest zoom is not lowered below this; past it the tiled layers are left off the map with a note.</param>
/// <param name="MaxTiles">Tile limit of the archive (as <c>export --max-tiles</c>).</param>
/// <param name="MaxBytes">Byte limit of the archive, before it is embedded as base64 (a page of more than a few hundred MB does not open).</param>
public sealed record ReportTiling(int MaxInlineFeatures, long MaxInlineVertices, int MinZoom, int MaxZoom, int LowestMaxZoom, long MaxTiles, long MaxBytes)
{
    /// <summary>Tiles above 5 000 features or 200 000 vertices; z5–z12 (lowered to z10 at the least), at most 200 000 tiles and 256 MB.</summary>
    public static ReportTiling Default { get; } = new(5_000, 200_000, 5, 12, 10, 200_000, 256L << 20);

    /// <summary>True when <paramref name="layer"/> is drawn from the archive.</summary>
    public bool Tiles(PublishedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.Features.Count == 0)
        {
            return false;
        }

        if (layer.Features.Count > MaxInlineFeatures)
        {
            return true;
        }

        long vertices = 0;
        foreach (var feature in layer.Features)
        {
            vertices += feature.Geometry.NumPoints;
            if (vertices > MaxInlineVertices)
            {
                return true;
            }
        }

        return false;
    }
}
