using System.Text.Json;

namespace ParkGis.Cli.Tests;

public sealed class UnservedDistanceTests
{
    [Fact]
    public void Unserved_parcels_give_their_gap_to_the_network_and_keep_the_service_distance_apart()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("infrastructure", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "unserved.geojson")));
        var features = document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.NotEmpty(features);
        Assert.All(features, p => Assert.True(p.GetProperty("distance_m").GetDouble() > p.GetProperty("service_distance_m").GetDouble(), p.ToString()));
        var gas = features.Single(p => p.GetProperty("parcel_id").GetString() == "P01-043" && p.GetProperty("utility").GetString() == "gas");
        Assert.Equal(100, gas.GetProperty("service_distance_m").GetDouble());
        Assert.Equal(255.7, gas.GetProperty("distance_m").GetDouble(), 1);
    }
}
