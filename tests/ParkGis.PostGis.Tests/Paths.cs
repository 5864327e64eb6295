namespace ParkGis.PostGis.Tests;

internal static class Paths
{
    public static string Repository { get; } = Find();

    public static string Sample => Path.Combine(Repository, "sample-geodata", "ordos");

    public const string BenchS100 = "/tmp/parkgis-bench-data/S100/gpkg";

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ParkGis.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ParkGis.sln not found above the test folder.");
    }
}
