namespace ParkGis.Cli.Tests;

/// <summary>
/// A fact on the peer benchmark data (S=100, made by tests/setup.d/70-bench-data.sh) read back with GDAL and the node
/// tools: skipped with the reason when the data has not been generated; when it has, a missing ogr2ogr or node tool
/// skips it too, except under CI=true, where it runs and fails.
/// </summary>
internal sealed class BenchTilesFactAttribute : FactAttribute
{
    public const string Dataset = "/tmp/parkgis-bench-data/S100/gpkg";

    public BenchTilesFactAttribute()
    {
        if (!Directory.Exists(Dataset))
        {
            Skip = $"Benchmark data {Dataset} does not exist; tests/setup.d/70-bench-data.sh generates it.";
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        if (OgrTools.Ogr2Ogr is null)
        {
            Skip = "ogr2ogr is not installed (apt-get install gdal-bin; tests/setup.d/10-gdal.sh installs it).";
        }
        else if (NodeTools.MissingReason(needsChromium: false) is { } missing)
        {
            Skip = $"{missing}; tests/setup.d/60-browser.sh installs it.";
        }
    }
}
