using ParkGis.Core.Data;

namespace ParkGis.Cli.Rendering;

/// <summary>Where a data issue is, as people read it: <c>parks#P01</c>, <c>parks#3</c> for an ordinal, or just <c>parks</c>.</summary>
internal static class IssueLocation
{
    /// <summary>The layer, with <c>#feature</c> when the issue names one (never a doubled <c>#</c>).</summary>
    public static string Of(DataIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (string.IsNullOrEmpty(issue.Feature))
        {
            return issue.Layer;
        }

        return issue.Feature.StartsWith('#') ? issue.Layer + issue.Feature : $"{issue.Layer}#{issue.Feature}";
    }
}
