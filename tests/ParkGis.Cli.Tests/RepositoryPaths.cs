namespace ParkGis.Cli.Tests;

/// <summary>Paths inside the repository, found by walking up from the test binaries to ParkGis.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string OrdosSample => Path.Combine(Root, "sample-geodata", "ordos");

    public static string Golden(string name) => Path.Combine(Root, "tests", "ParkGis.Cli.Tests", "Golden", name);

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "parkgis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkGis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ParkGis.sln not found above " + AppContext.BaseDirectory);
    }
}
