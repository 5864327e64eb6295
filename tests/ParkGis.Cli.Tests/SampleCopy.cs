namespace ParkGis.Cli.Tests;

/// <summary>Copies of the Ordos sample for tests that edit it, and the commands that analyse it.</summary>
internal static class SampleCopy
{
    /// <summary>Every command that reports per park, with the options it needs on the sample.</summary>
    public static TheoryData<string, string[]> AnalysisCommands => new()
    {
        { "check", [] },
        { "supply", ["--as-of", "2026-06-30"] },
        { "idle", ["--as-of", "2026-06-30"] },
        { "intensity", ["--year", "2025"] },
        { "infrastructure", [] },
        { "scorecard", ["--year", "2025"] },
        { "export", ["--as-of", "2026-06-30"] },
        { "report", ["--as-of", "2026-06-30"] },
    };

    /// <summary>A new folder holding the sample's files, except those <paramref name="leaveOut"/> accepts.</summary>
    public static string Make(Func<string, bool>? leaveOut = null)
    {
        var data = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(data);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.OrdosSample))
        {
            if (leaveOut?.Invoke(Path.GetFileName(file)) != true)
            {
                File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
            }
        }

        return data;
    }
}
