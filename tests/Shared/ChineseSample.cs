using System.Diagnostics;
using Xunit;

namespace ParkGis.Tests.Shared;

/// <summary>
/// The sample as a bureau's GBK shapefiles with Chinese names (园区范围.shp, 生态保护红线.shp, YJJBNTBHTB.shp, CZKFBJ.shp,
/// 批次.shp, ZD.shp …), written by tests/ParkGis.Cli.Tests/Fixtures/chinese-sample.sh (needs ogr2ogr, which
/// tests/setup.d installs). One file, compiled into the CLI and PostGIS test projects.
/// </summary>
internal static class ChineseSample
{
    /// <summary>Writes the Chinese-named copy of <paramref name="sample"/> into <paramref name="folder"/>.</summary>
    internal static string Write(string repository, string sample, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(repository, "tests", "ParkGis.Cli.Tests", "Fixtures", "chinese-sample.sh"));
        start.ArgumentList.Add(sample);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chinese-sample.sh failed: {stderr.Result}");
        return folder;
    }
}
