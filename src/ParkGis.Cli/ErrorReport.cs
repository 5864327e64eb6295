using ParkGis.Cli.Localization;
using ParkGis.Core.Errors;

namespace ParkGis.Cli;

/// <summary>
/// Prints an <see cref="UnusableInputException"/>. In English: <c>error PGxxxx: …</c>, <c>  at …</c>, <c>  hint: …</c>.
/// In Chinese (the default): <c>error PGxxxx: </c> and what the code means in Chinese, then <c>  详情: </c> the
/// message, <c>  位置: </c>, <c>  提示: </c>. The prefix <c>error PGxxxx:</c> is the same in both, for scripts.
/// </summary>
internal static class ErrorReport
{
    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter stderr, UnusableInputException error)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(error);
        if (!Text.IsEnglish && Meaning(error.Code) is { } meaning)
        {
            stderr.WriteLine($"error {error.Code}: {meaning}");
            stderr.WriteLine(Text.Format("ErrorDetail", error.Message));
        }
        else
        {
            stderr.WriteLine($"error {error.Code}: {error.Message}");
        }

        if (error.InputName is not null || error.Feature is not null)
        {
            var at = error.InputName ?? string.Empty;
            if (error.Feature is not null)
            {
                at += error.Feature.StartsWith('#') ? error.Feature : $"#{error.Feature}";
            }

            stderr.WriteLine(Text.Format("ErrorAt", at));
        }

        if (error.Hint is not null)
        {
            stderr.WriteLine(Text.Format("ErrorHint", error.Hint));
        }
    }

    /// <summary>What an error code means in the run's language (docs/errors.md), or null for a code without one.</summary>
    public static string? Meaning(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = "Error" + code;
        return Text.Keys(Text.Language).Contains(key, StringComparer.Ordinal) ? Text.Get(key) : null;
    }
}
