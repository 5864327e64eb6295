using ParkGis.Core.Errors;
using ParkGis.Core.WebFrames;
using ParkGis.Web.Export;
using ParkGis.Web.Localization;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Report;

/// <summary>
/// The report's vector-tile archive: the layers too big to inline, tiled by <see cref="VectorTileExport"/> (the code of
/// <c>export --tiles</c>) into a PMTiles v3 archive in a scratch folder, which <see cref="ReportPage"/> embeds in the page.
/// </summary>
internal static class ReportTileArchive
{
    /// <summary>
    /// Tiles <paramref name="layers"/> (lon/lat) at <see cref="ReportTiling.MinZoom"/>–<see cref="ReportTiling.MaxZoom"/>,
    /// lowering the highest zoom while the tiles would pass the limits; null when even
    /// <see cref="ReportTiling.LowestMaxZoom"/> passes them.
    /// </summary>
    /// <remarks>
    /// The layers are prepared once, for the highest zoom, and each lower highest zoom is planned on that geometry
    /// (<see cref="TilePyramid.WithMaxZoom"/>, the counts of the zooms below it taken over); the zoom that fits is
    /// prepared anew for writing, so that its tiles are those <c>export --tiles --max-zoom</c> writes.
    /// </remarks>
    public static (string File, TileSummary Summary)? Write(IReadOnlyList<PublishedLayer> layers, ReportTiling tiling, string scratchFolder, IProgress<string>? progress)
    {
        TilePyramid? prepared = null;
        for (var maxZoom = tiling.MaxZoom; maxZoom >= Math.Max(tiling.LowestMaxZoom, tiling.MinZoom); maxZoom--)
        {
            var options = TileOptions.Default with
            {
                MinZoom = tiling.MinZoom,
                MaxZoom = maxZoom,
                MaxTiles = tiling.MaxTiles,
                MaxBytes = tiling.MaxBytes,
                Formats = TileArchiveFormats.PmTiles,
            };
            try
            {
                prepared ??= TilePyramid.Prepare(layers, options);
                var estimate = VectorTileExport.Plan(prepared.WithMaxZoom(maxZoom), progress).Estimate;
                if (maxZoom != prepared.StoredZoom)
                {
                    prepared = null;
                }

                var plan = new TilePlan(prepared ?? TilePyramid.Prepare(layers, options), estimate);
                Directory.CreateDirectory(scratchFolder);
                var summary = VectorTileExport.Write(plan, scratchFolder, WebMapFrame.Wgs84, progress);
                var file = Path.Combine(scratchFolder, VectorTileExport.PmTilesFileName);
                return summary.Outputs.Count > 0 && File.Exists(file) ? (file, summary) : null;
            }
            catch (UnusableInputException e) when (e.Code == ErrorCodes.TileLimitExceeded)
            {
                progress?.Report(Localized.Format("ReportTilesLowerZoom", tiling.MinZoom, maxZoom, e.Message));
            }
        }

        return null;
    }
}
