using ParkGis.Cli.Rendering;
using ParkGis.Core.Data;

namespace ParkGis.Cli;

/// <summary>Process exit codes: a public contract (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Ran, analysed every park, found nothing and reported no data issue.</summary>
    public const int Clean = 0;

    /// <summary>Ran and found something: findings (conflicts, idle land…), a data issue, or a park it could not analyse.</summary>
    public const int Findings = 1;

    /// <summary>Usage error: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Unusable input: one message on stderr with file, feature and hint; nothing written.</summary>
    public const int UnusableInput = 3;

    /// <summary>A defect in ParkGis (an unexpected exception); the message says how to report it.</summary>
    public const int InternalError = 4;

    /// <summary>
    /// The exit code of a run that ended normally — the one rule every command follows: 0 only when nothing was found
    /// and no data issue was reported (a park that could not be analysed is one, <c>park_not_analysed</c>); anything
    /// else is at least 1. Usage errors (2), unusable input (3) and defects (4) never reach here.
    /// </summary>
    /// <param name="findings">Whether the run found something its command reports as a finding.</param>
    /// <param name="issues">Every data issue the run reported (in its JSON, on stdout or stderr).</param>
    public static int Of(bool findings, IReadOnlyCollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return findings || issues.Count > 0 ? Findings : Clean;
    }

    /// <summary>
    /// Ends a command's stdout with the parks it could not analyse (<c>park_not_analysed</c>: they are in no figure
    /// above) and returns <see cref="Of"/> — the one line every command ends with.
    /// </summary>
    public static int Conclude(TextWriter stdout, bool findings, IReadOnlyCollection<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(issues);
        NotAnalysedParks.Write(stdout, issues);
        return Of(findings, issues);
    }

    /// <summary>Cancelled by Ctrl-C / SIGINT (128 + 2, the shell's convention); nothing was written.</summary>
    public const int Interrupted = 130;

    /// <summary>Cancelled by SIGTERM (128 + 15); nothing was written.</summary>
    public const int Terminated = 143;
}
