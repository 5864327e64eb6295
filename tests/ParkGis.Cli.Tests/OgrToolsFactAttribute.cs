namespace ParkGis.Cli.Tests;

/// <summary>
/// A fact that needs GDAL's command-line tools (Debian's gdal-bin) to make its input or read its output. Skipped with
/// the reason shown when they are missing — except under <c>CI=true</c>, where it runs and fails, since CI installs them.
/// </summary>
internal sealed class OgrToolsFactAttribute : FactAttribute
{
    public OgrToolsFactAttribute()
    {
        if (OgrTools.Ogr2Ogr is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal))
        {
            Skip = "ogr2ogr is not installed (apt-get install gdal-bin; tests/run.sh installs it as root).";
        }
    }
}
