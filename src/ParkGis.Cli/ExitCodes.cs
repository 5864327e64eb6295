namespace ParkGis.Cli;

/// <summary>Process exit codes: a public contract (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Ran and found nothing.</summary>
    public const int Clean = 0;

    /// <summary>Ran and found conflicts (findings, not errors).</summary>
    public const int Findings = 1;

    /// <summary>Usage error: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Unusable input: one message on stderr with file, feature and hint; nothing written.</summary>
    public const int UnusableInput = 3;

    /// <summary>A defect in ParkGis (an unexpected exception); the message says how to report it.</summary>
    public const int InternalError = 4;

    /// <summary>Cancelled by Ctrl-C / SIGINT (128 + 2, the shell's convention); nothing was written.</summary>
    public const int Interrupted = 130;

    /// <summary>Cancelled by SIGTERM (128 + 15); nothing was written.</summary>
    public const int Terminated = 143;
}
