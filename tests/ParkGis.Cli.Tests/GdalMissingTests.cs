using System.Diagnostics;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Without libgdal (simulated in a child process by pointing PARKGIS_GDAL_LIBRARY at a file that does not exist):
/// GDAL layers fail with an exit-3 message naming the package, every other format keeps working.
/// </summary>
public sealed class GdalMissingTests
{
    [Fact]
    public async Task Without_libgdal_a_kml_layer_exits_3_naming_the_package_and_geojson_still_works()
    {
        var withKml = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(withKml);
        File.WriteAllText(Path.Combine(withKml, "parks.kml"), "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>");
        var geojsonOnly = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(geojsonOnly);
        File.WriteAllText(Path.Combine(geojsonOnly, "parks.geojson"), """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"park_id":"P1"},
             "geometry":{"type":"Polygon","coordinates":[[[109.78,39.61],[109.79,39.61],[109.79,39.62],[109.78,39.62],[109.78,39.61]]]}}]}
            """);

        var (kmlExit, _, kmlStderr) = await Run("info", withKml);
        var (geojsonExit, geojsonStdout, geojsonStderr) = await Run("info", geojsonOnly);

        Assert.True(kmlExit == 3, kmlStderr);
        Assert.Contains("error PG0107:", kmlStderr, StringComparison.Ordinal);
        Assert.Contains("apt-get install libgdal32", kmlStderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", kmlStderr, StringComparison.Ordinal);
        Assert.True(geojsonExit == 0, geojsonStdout + geojsonStderr);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PARKGIS_GDAL_LIBRARY"] = "/nonexistent/libgdal.so.99";
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parkgis.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
