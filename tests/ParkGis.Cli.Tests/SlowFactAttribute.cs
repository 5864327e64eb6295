namespace ParkGis.Cli.Tests;

/// <summary>
/// A slow test (real processes, tens of seconds): kept out of a plain <c>dotnet test</c>, run by tests/run.sh
/// (tests/setup.d/80-slow-tests.sh sets PARKGIS_SLOW_TESTS=1) and always under CI=true.
/// </summary>
internal sealed class SlowFactAttribute : FactAttribute
{
    public SlowFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PARKGIS_SLOW_TESTS") != "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "slow (real processes); set PARKGIS_SLOW_TESTS=1 or run bash tests/run.sh.";
        }
    }
}
