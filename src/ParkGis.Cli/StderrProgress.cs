namespace ParkGis.Cli;

/// <summary>Progress lines on stderr (<c>parkgis: reading parcels…</c>), written synchronously and in order.</summary>
internal sealed class StderrProgress(TextWriter stderr) : IProgress<string>
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_gate)
        {
            stderr.WriteLine($"parkgis: {value}");
        }
    }
}
