using ParkGis.Core.Data;

namespace ParkGis.Cli.Rendering;

/// <summary>
/// A line of running text for the terminal (data issues, warnings, error details) wrapped at the width the tables use,
/// <see cref="TerminalTable.MaxColumns"/> display columns (a CJK character counts two), its control characters escaped
/// first so that the escapes are counted; continuation lines are indented under the text.
/// </summary>
internal static class WrappedLine
{
    /// <summary>Writes <paramref name="line"/> wrapped, continuation lines indented by <paramref name="indent"/> spaces.</summary>
    public static void Write(TextWriter output, string line, int indent)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var piece in Lines(line, indent))
        {
            output.WriteLine(piece);
        }
    }

    /// <summary>The lines <see cref="Write"/> writes.</summary>
    public static IEnumerable<string> Lines(string line, int indent) =>
        TextWidth.Wrap(TerminalText.Escape(line), TerminalTable.MaxColumns, indent);

    /// <summary>
    /// Writes a data issue as <c><paramref name="lead"/>[code] layer#feature: message</c>, wrapped, continuation lines
    /// indented two spaces deeper than the line.
    /// </summary>
    public static void WriteIssue(TextWriter output, string lead, DataIssue issue)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(issue);
        var indent = lead.Length - lead.TrimStart(' ').Length + 4;
        Write(output, $"{lead}[{issue.Code}] {IssueLocation.Of(issue)}: {issue.Message}", indent);
    }
}
