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

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
