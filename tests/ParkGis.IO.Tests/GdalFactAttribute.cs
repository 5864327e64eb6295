using ParkGis.Gdal;

namespace ParkGis.IO.Tests;

/// <summary>
/// A fact that needs ogr2ogr (to create its input) and libgdal (to read it). Skipped with the reason shown when
/// either is missing — except under <c>CI=true</c>, where it runs and fails, since CI installs both.
/// </summary>
internal sealed class GdalFactAttribute : FactAttribute
{
    public GdalFactAttribute()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal))
        {
            return;
        }

        if (Ogr2Ogr.Executable is null)
        {
            Skip = "ogr2ogr is not installed (apt-get install gdal-bin; tests/run.sh installs it as root).";
        }
        else if (!GdalLibrary.IsAvailable)
        {
            Skip = $"libgdal is not installed (apt-get install {GdalLibrary.DebianPackage}; tests/run.sh installs it as root).";
        }
    }
}
