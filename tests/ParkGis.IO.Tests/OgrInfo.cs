using System.Diagnostics;

namespace ParkGis.IO.Tests;

/// <summary>Runs GDAL's ogrinfo to read back what ParkGis wrote with GDAL's own drivers (and GEOS, through the SQLite dialect).</summary>
internal static class OgrInfo
{
    /// <summary>Runs <c>ogrinfo -ro</c> with <paramref name="arguments"/> and returns its stdout.</summary>
    public static string Run(params string[] arguments)
    {
        var executable = Path.Combine(Path.GetDirectoryName(Ogr2Ogr.Executable ?? throw new InvalidOperationException("ogr2ogr is not installed (apt-get install gdal-bin)."))!, "ogrinfo");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-ro");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ogrinfo {string.Join(' ', arguments)} failed: {stderr.Result}");
        return stdout;
    }

    /// <summary>
    /// How many features of <paramref name="layer"/> have a geometry GEOS can judge, and how many of those it finds
    /// valid (ST_IsValid is 1 valid, 0 invalid, -1 for no geometry).
    /// </summary>
    public static (int Features, int Valid) GeosValidity(string path, string layer, string geometryColumn)
    {
        var output = Run("-dialect", "SQLite", "-sql",
            $"SELECT total(ST_IsValid({geometryColumn}) >= 0) AS n, total(ST_IsValid({geometryColumn}) = 1) AS valid FROM \"{layer}\"", path);
        return (Number(output, "n"), Number(output, "valid"));
    }

    private static int Number(string output, string name)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(name + " (", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"ogrinfo printed no {name}: {output}");
        return (int)double.Parse(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
