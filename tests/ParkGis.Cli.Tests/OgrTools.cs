using System.Diagnostics;

namespace ParkGis.Cli.Tests;

/// <summary>GDAL's ogr2ogr (Debian's gdal-bin), for reading ParkGis's outputs with GDAL's own drivers.</summary>
internal static class OgrTools
{
    public static string? Ogr2Ogr { get; } = Find("ogr2ogr");

    /// <summary>Runs ogr2ogr with <paramref name="arguments"/> and returns its stdout (stderr is dropped: GDAL warns per feature).</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Ogr2Ogr ?? throw new InvalidOperationException("ogr2ogr is not installed (apt-get install gdal-bin)."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ogr2ogr {string.Join(' ', arguments)} failed: {stderr.Result[..Math.Min(2000, stderr.Result.Length)]}");
        return stdout.Result;
    }

    /// <summary>
    /// How many features of <paramref name="layer"/> have a geometry GEOS can judge, and how many of those it finds
    /// valid: <c>ogrinfo -dialect SQLite</c> with ST_IsValid (1 valid, 0 invalid, -1 for no geometry).
    /// </summary>
    public static (int Features, int Valid) GeosValidity(string path, string layer, string geometryColumn)
    {
        var start = new ProcessStartInfo(Path.Combine(Path.GetDirectoryName(Ogr2Ogr ?? throw new InvalidOperationException("ogr2ogr is not installed (apt-get install gdal-bin)."))!, "ogrinfo"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-ro", "-dialect", "SQLite", "-sql", $"SELECT total(ST_IsValid({geometryColumn}) >= 0) AS n, total(ST_IsValid({geometryColumn}) = 1) AS valid FROM \"{layer}\"", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ogrinfo on {path} failed: {stderr.Result}");
        return (Number(stdout, "n"), Number(stdout, "valid"));
    }

    private static int Number(string output, string name)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(name + " (", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"ogrinfo printed no {name}: {output}");
        return (int)double.Parse(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
