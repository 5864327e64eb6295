using ParkGis.Cli.Localization;
using ParkGis.Core.Data;

namespace ParkGis.Cli.Rendering;

/// <summary>
/// The closing data-issue lines of a command that leaves the issues to its output file (数据问题): their number, and
/// in full each issue saying that a layer, or a field of a whole layer, is missing or empty (no feature named), since
/// one such issue changes every figure the command printed above it.
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

        var layerWide = issues.Where(IsLack).ToList();
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

    private static bool IsLack(DataIssue issue) =>
        string.IsNullOrEmpty(issue.Feature) && issue.Code is DataIssueCodes.MissingLayer or DataIssueCodes.MissingValue or DataIssueCodes.EmptyLayer;
}
