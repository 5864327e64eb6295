using System.Diagnostics;

namespace ParkGis.IO.Tests;

/// <summary>Runs GDAL's ogr2ogr to create test inputs in the formats ParkGis reads through GDAL.</summary>
internal static class Ogr2Ogr
{
    public static string? Executable { get; } = Find();

    /// <summary>Converts <paramref name="source"/> into <paramref name="destination"/> with the given driver and extra arguments.</summary>
    public static void Convert(string driver, string destination, string source, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("ogr2ogr is not installed (apt-get install gdal-bin)."))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-f", driver, destination, source }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ogr2ogr -f {driver} {destination} failed: {stderr}");
    }

    private static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, "ogr2ogr");
            if (folder.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
