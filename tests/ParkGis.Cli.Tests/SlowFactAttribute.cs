namespace ParkGis.Cli.Tests;

/// <summary>A fact that takes minutes: skipped, with the reason shown, unless PARKGIS_SLOW_TESTS=1.</summary>
internal sealed class SlowFactAttribute : FactAttribute
{
    public SlowFactAttribute()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("PARKGIS_SLOW_TESTS"), "1", StringComparison.Ordinal))
        {
            Skip = "Slow test (minutes): set PARKGIS_SLOW_TESTS=1 to run it.";
        }
    }
}
