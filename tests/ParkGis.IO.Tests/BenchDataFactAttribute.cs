namespace ParkGis.IO.Tests;

/// <summary>A fact that is skipped, with the reason shown, when a benchmark data folder has not been generated.</summary>
internal sealed class BenchDataFactAttribute : FactAttribute
{
    public BenchDataFactAttribute(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Skip = $"Benchmark data {folder} does not exist; generate it with the bench generator to run this test.";
        }
    }
}
