using ParkGis.Cli.Localization;
using ParkGis.Core.Data;

namespace ParkGis.Cli.Rendering;

/// <summary>
/// The closing data-issue lines of a command that leaves the issues to its output file (数据问题): their number, and
/// each issue about a whole layer (no feature named: a layer or field the data lacks) in full, since one such issue
/// changes every figure the command printed above it.
/// </summary>
internal static class DataIssueCount
{
    /// <summary>Writes the lines; nothing when there is no issue.</summary>
    /// <param name="stdout">Where to write.</param>
    /// <param name="issues">The run's data issues.</param>
    /// <param name="file">The output file listing every issue, or null when the command writes none.</param>
    public static void Write(TextWriter stdout, IReadOnlyCollection<DataIssue> issues, string? file)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count == 0)
        {
            return;
        }

        var layerWide = issues.Where(i => string.IsNullOrEmpty(i.Feature)).ToList();
        var count = file is null ? Text.Format("DataIssuesCountNoFile", issues.Count) : Text.Format("DataIssuesCount", issues.Count, file);
        if (layerWide.Count == 0)
        {
            stdout.WriteLine(count);
            return;
        }

        stdout.WriteLine(Text.Format("DataIssuesLayerWide", count));
        foreach (var issue in layerWide)
        {
            WrappedLine.WriteIssue(stdout, "  ", issue);
        }
    }
}
