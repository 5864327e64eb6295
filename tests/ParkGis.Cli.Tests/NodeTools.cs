using System.Diagnostics;

namespace ParkGis.Cli.Tests;

/// <summary>
/// The node tools in tests/node (an independent GeoJSON validator, a headless-Chromium driver), installed by
/// tests/setup.d/60-browser.sh. Tests that need them skip with the reason when they are missing, and fail under CI=true.
/// </summary>
internal static class NodeTools
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "node");

    public static string? MissingReason(bool needsChromium)
    {
        if (!OnPath("node"))
        {
            return "node is not installed";
        }

        string[] packages = ["@placemarkio/check-geojson", "playwright-core", "pmtiles", "@mapbox/vector-tile", "pbf"];
        if (!packages.All(p => Directory.Exists(Path.Combine(Folder, "node_modules", p))))
        {
            return "tests/node/node_modules is missing (run npm ci in tests/node, or bash tests/run.sh as root)";
        }

        if (needsChromium && !File.Exists(Environment.GetEnvironmentVariable("PARKGIS_CHROMIUM") ?? "/usr/bin/chromium"))
        {
            return "chromium is not installed (/usr/bin/chromium; apt-get install chromium)";
        }

        return null;
    }

    /// <summary>Runs <c>node SCRIPT ARGS</c> in tests/node; returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
