using System.Diagnostics;
using System.Globalization;
using ParkGis.Cli.Rendering;

namespace ParkGis.Cli;

/// <summary>
/// Progress lines on stderr with the seconds since the command started (<c>parkgis: [  1.2s] checking 10 parks</c>),
/// written synchronously and in order: control characters escaped and wrapped at the terminal width as every other line
/// of running text (<see cref="WrappedLine"/>), continuation lines indented under the text after the clock.
/// </summary>
internal sealed class StderrProgress(TextWriter stderr) : IProgress<string>
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_gate)
        {
            var lead = string.Create(CultureInfo.InvariantCulture, $"parkgis: [{_clock.Elapsed.TotalSeconds,6:0.0}s] ");
            WrappedLine.Write(stderr, lead + value, lead.Length);
        }
    }
}
