using ParkGis.Cli.Localization;
using ParkGis.Core.Errors;

namespace ParkGis.Cli;

/// <summary>
/// A file system that ran out of room while a run wrote its results (ENOSPC, EDQUOT, EFBIG): the output folder cannot
/// be written (PG0402, exit 3), not a ParkGis defect. The staged files are removed as for any failed run.
/// </summary>
internal static class OutputSpace
{
    private const int NoSpace = 28; // ENOSPC
    private const int FileTooLarge = 27; // EFBIG
    private const int QuotaExceeded = 122; // EDQUOT

    /// <summary>True when <paramref name="exception"/> says the disk, a quota or the largest file size was reached.</summary>
    public static bool IsExhausted(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HResult is NoSpace or FileTooLarge or QuotaExceeded
            || exception.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The user-facing error for <paramref name="exception"/>.</summary>
    public static UnusableInputException Error(IOException exception) => new(
        ErrorCodes.OutputNotWritable,
        Text.Format("OutputNoSpace", exception.Message),
        hint: Text.Get("OutputNoSpaceHint"),
        inner: exception);
}
