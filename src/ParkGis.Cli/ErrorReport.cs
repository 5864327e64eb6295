using ParkGis.Core.Errors;

namespace ParkGis.Cli;

/// <summary>Prints an <see cref="UnusableInputException"/> as <c>error PGxxxx: …</c>, <c>  at …</c>, <c>  hint: …</c>.</summary>
internal static class ErrorReport
{
    /// <summary>Writes the three-line report.</summary>
    public static void Write(TextWriter stderr, UnusableInputException error)
    {
        stderr.WriteLine($"error {error.Code}: {error.Message}");
        if (error.InputName is not null || error.Feature is not null)
        {
            var at = error.InputName ?? string.Empty;
            if (error.Feature is not null)
            {
                at += error.Feature.StartsWith('#') ? error.Feature : $"#{error.Feature}";
            }

            stderr.WriteLine($"  at {at}");
        }

        if (error.Hint is not null)
        {
            stderr.WriteLine($"  hint: {error.Hint}");
        }
    }
}
