using ParkGis.Core.WebFrames;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Export;

/// <summary>What <see cref="WebExport"/> wrote.</summary>
/// <param name="Frame">The coordinate frame of every file.</param>
/// <param name="Files">The GeoJSON files, inputs first, then results.</param>
/// <param name="ConvertedPoints">Points converted into <paramref name="Frame"/> (0 for WGS 84).</param>
/// <param name="OutsideChinaPoints">Points left unchanged because they lie outside China.</param>
/// <param name="Tiles">The vector tiles written, or null without <c>--tiles</c>.</param>
public sealed record ExportSummary(WebMapFrame Frame, IReadOnlyList<ExportedFile> Files, long ConvertedPoints, long OutsideChinaPoints, TileSummary? Tiles);
