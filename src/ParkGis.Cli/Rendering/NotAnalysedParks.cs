using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Data;

namespace ParkGis.Cli.Rendering;

/// <summary>The parks a run could not analyse (未分析的园区), listed on stdout so that nobody reads the tables above as complete.</summary>
internal static class NotAnalysedParks
{
    /// <summary>How many parks are listed one per line before the rest are counted.</summary>
    private const int Listed = 20;

    /// <summary>Writes the list; nothing when every park was analysed.</summary>
    public static void Write(TextWriter stdout, IEnumerable<DataIssue> issues)
    {
        var parks = issues.Where(i => string.Equals(i.Code, DataIssueCodes.ParkNotAnalysed, StringComparison.Ordinal))
            .DistinctBy(i => i.Feature, StringComparer.Ordinal)
            .OrderBy(i => i.Feature, StringComparer.Ordinal)
            .ToList();
        if (parks.Count == 0)
        {
            return;
        }

        stdout.WriteLine(Text.Format("NotAnalysedParks", parks.Count));
        foreach (var park in parks.Take(Listed))
        {
            WrappedLine.Write(stdout, $"  {IssueLocation.Of(park)}: {park.Message}", 4);
        }

        if (parks.Count > Listed)
        {
            stdout.WriteLine(Text.Format("NotAnalysedMore", parks.Count - Listed));
        }
    }
}
