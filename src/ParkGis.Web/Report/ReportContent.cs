using ParkGis.Core.Publishing;
using ParkGis.Web.Export;

namespace ParkGis.Web.Report;

/// <summary>What the HTML report shows.</summary>
/// <param name="DatasetName">The dataset as the user named it.</param>
/// <param name="Layers">Input and result layers in lon/lat (WGS 84 / CGCS2000).</param>
/// <param name="Results">The analyses' tables and findings.</param>
/// <param name="Figures">
/// The charted figures of the analyses the dataset allowed, asked for once, when the page is written after the tile
/// archive: the analyses behind them may still be computing while the tiles are made.
/// </param>
/// <param name="TiandituKey">A 天地图 key, or null for the offline base layer only.</param>
/// <param name="MadeOn">The date printed on the map sheet (制图日期).</param>
/// <param name="AsOf">The as-of date of the supply and idle results, or null.</param>
/// <param name="Tiling">Which layers are drawn from the embedded vector-tile archive; null for <see cref="ReportTiling.Default"/>.</param>
public sealed record ReportContent(
    string DatasetName,
    IReadOnlyList<PublishedLayer> Layers,
    PublishedResults Results,
    Func<ReportFigures> Figures,
    string? TiandituKey,
    DateOnly MadeOn,
    DateOnly? AsOf,
    ReportTiling? Tiling = null);
