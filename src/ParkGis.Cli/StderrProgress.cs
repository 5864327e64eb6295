using System.Diagnostics;
using System.Globalization;
using ParkGis.Cli.Rendering;

namespace ParkGis.Cli;

/// <summary>
/// Progress lines on stderr with the seconds since the command started (<c>parkgis: [  1.2s] checking 10 parks</c>),
/// written synchronously and in order: control characters escaped and wrapped at the terminal width as every other line
/// of running text (<see cref="WrappedLine"/>), continuation lines beginning with the same <c>parkgis:</c> and indented
/// under the text after the clock.
/// </summary>
internal sealed class StderrProgress(TextWriter stderr) : IProgress<string>
{
    private const string Prefix = "parkgis: ";

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_gate)
        {
            var lead = string.Create(CultureInfo.InvariantCulture, $"{Prefix}[{_clock.Elapsed.TotalSeconds,6:0.0}s] ");
            var first = true;
            foreach (var line in WrappedLine.Lines(lead + value, lead.Length))
            {
                // Continuation lines keep the prefix too, so that every progress line can be told from the rest by it.
                stderr.WriteLine(first ? line : Prefix + line[Prefix.Length..]);
                first = false;
            }
        }
    }
}
