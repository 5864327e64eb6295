namespace ParkGis.Cli.Tests;

/// <summary>
/// Compares an output with a golden file; on a difference writes <c>NAME.actual.EXT</c> beside the golden file
/// so the change can be reviewed and, if right, copied over. Set PARKGIS_UPDATE_GOLDEN=1 to rewrite goldens.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string goldenName, string actualText)
    {
        var golden = RepositoryPaths.Golden(goldenName);
        var actualPath = Path.Combine(Path.GetDirectoryName(golden)!,
            Path.GetFileNameWithoutExtension(golden) + ".actual" + Path.GetExtension(golden));
        if (Environment.GetEnvironmentVariable("PARKGIS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actualText);
        }

        var expected = File.Exists(golden) ? File.ReadAllText(golden) : null;
        if (expected == actualText)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actualText);
        Assert.Fail(expected is null
            ? $"Golden file {golden} is missing; the output was written to {actualPath}."
            : $"Output differs from {golden}; the new output is in {actualPath} (diff them; copy over if the change is right).");
    }
}
