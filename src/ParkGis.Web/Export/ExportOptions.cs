using ParkGis.Core.WebFrames;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Export;

/// <summary>Settings of <c>parkgis export</c>.</summary>
/// <param name="Frame">The web-map frame of the coordinates (WGS 84 unless 高德/腾讯 GCJ-02 or 百度 BD-09 is asked for).</param>
/// <param name="Decimals">Decimals the coordinates are rounded to (7 ≈ 1 cm).</param>
/// <param name="SimplifyToleranceM">Coverage-simplification tolerance in metres, or null for none.</param>
/// <param name="Tiles">Also write Mapbox vector tiles with these settings; null for none.</param>
public sealed record ExportOptions(WebMapFrame Frame, int Decimals, double? SimplifyToleranceM, TileOptions? Tiles)
{
    /// <summary>WGS 84, 7 decimals, no simplification, no tiles.</summary>
    public static ExportOptions Default { get; } = new(WebMapFrame.Wgs84, 7, null, null);
}
