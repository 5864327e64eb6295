using System.Diagnostics;
using System.Globalization;

namespace ParkGis.Cli;

/// <summary>
/// Progress lines on stderr with the seconds since the command started (<c>parkgis: [  1.2s] checking 10 parks</c>),
/// written synchronously and in order.
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
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parkgis: [{_clock.Elapsed.TotalSeconds,6:0.0}s] {value}"));
        }
    }
}
