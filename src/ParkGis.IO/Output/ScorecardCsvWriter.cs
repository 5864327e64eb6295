using ParkGis.Core.Scorecard;

namespace ParkGis.IO.Output;

/// <summary>Writes <c>scorecard.csv</c> (one row per park, then one per 旗区) for Excel through <see cref="ExcelCsvWriter"/>: UTF-8 with BOM, CRLF, Chinese headers (<see cref="ScorecardTable"/>).</summary>
public static class ScorecardCsvWriter
{
    /// <summary>Writes the file.</summary>
    public static void Write(string path, ParkScorecard scorecard, IReadOnlyList<ScorecardBanner>? banners = null)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ExcelCsvWriter.Write(path, [ScorecardTable.Header(), .. ScorecardTable.Rows(scorecard), .. ScorecardTable.BannerRows(banners ?? [])]);
    }
}
