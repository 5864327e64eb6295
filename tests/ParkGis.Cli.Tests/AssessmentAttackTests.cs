using System.Globalization;
using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>Attacks on the one assessment: coordinates no zone can measure, broken side tables, lying park ids.</summary>
public sealed class AssessmentAttackTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("idle")]
    [InlineData("export")]
    public void A_lon_lat_park_at_72_degrees_east_is_unusable_input_not_an_internal_error(string command)
    {
        var folder = LonLatDataset(parkLongitude: 72.2);
        var output = RepositoryPaths.NewTempFolder();

        var run = command == "idle"
            ? CliRun.Of("idle", folder, "--as-of", "2026-06-30", "--out", output)
            : CliRun.Of(command, folder, "--out", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0203", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("位置: parks.geojson#P1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("72.2", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_lon_lat_park_at_73_6_degrees_east_is_measured_in_zone_25()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("check", LonLatDataset(parkLongitude: 73.6), "--out", output);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.Equal("EPSG:4534", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(output, "check.json")))!["parks"]![0]!["crs"]);
    }

    [Fact]
    public void A_broken_economics_table_stops_intensity_but_not_idle_which_never_reads_it()
    {
        var folder = CopyOfSample();
        File.WriteAllText(Path.Combine(folder, "economics.csv"), string.Empty);

        var idle = CliRun.Of("idle", folder, "--as-of", "2026-06-30", "--out", RepositoryPaths.NewTempFolder());
        var intensity = CliRun.Of("intensity", folder, "--out", RepositoryPaths.NewTempFolder());

        Assert.True(idle.ExitCode == 1, idle.ToString());
        Assert.True(intensity.ExitCode == 3, intensity.ToString());
        Assert.Contains("economics.csv", intensity.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_park_id_naming_no_park_is_reported_and_the_parcel_placed_where_it_lies()
    {
        var folder = CopyOfSample();
        var path = Path.Combine(folder, "parcels.geojson");
        var parcels = JsonNode.Parse(File.ReadAllText(path))!;
        var first = parcels["features"]!.AsArray().First(f => (string?)f!["properties"]!["park_id"] == "P01")!;
        var id = (string)first["properties"]!["parcel_id"]!;
        first["properties"]!["park_id"] = "P99<script>";
        File.WriteAllText(path, parcels.ToJsonString());
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", folder, "--as-of", "2026-06-30", "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        var idle = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "idle.json")))!;
        Assert.Equal("P01", (string?)idle["parcels"]!.AsArray().Single(p => (string?)p!["parcel_id"] == id)!["park_id"]);
        Assert.Contains(idle["data_issues"]!.AsArray(), i => (string?)i!["feature"] == id && (string?)i["code"] == "unknown_park_id");
    }

    [Fact]
    public void The_same_run_with_fix_repairs_the_bow_tie_for_every_analysis()
    {
        var idle = RepositoryPaths.NewTempFolder();
        var check = RepositoryPaths.NewTempFolder();

        CliRun.Of("idle", RepositoryPaths.OrdosSample, "--as-of", "2026-06-30", "--fix", "--out", idle);
        CliRun.Of("check", RepositoryPaths.OrdosSample, "--fix", "--out", check);

        var idleJson = JsonNode.Parse(File.ReadAllText(Path.Combine(idle, "idle.json")))!;
        Assert.Equal(484, idleJson["parcels"]!.AsArray().Count);
        Assert.Equal(484, JsonNode.Parse(File.ReadAllText(Path.Combine(check, "check.json")))!["parcels"]!["count"]!.GetValue<int>());
        Assert.Contains(idleJson["data_issues"]!.AsArray(), i => (string?)i!["feature"] == "P02-011" && (string?)i["code"] == "geometry_repaired");
    }

    /// <summary>A lon/lat dataset (RFC 7946, no crs member) with one square park at the given longitude and one parcel in it.</summary>
    private static string LonLatDataset(double parkLongitude)
    {
        var folder = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(folder);
        string Square(double x, double y, double size) =>
            string.Create(CultureInfo.InvariantCulture, $"[[[{x},{y}],[{x + size},{y}],[{x + size},{y + size}],[{x},{y + size}],[{x},{y}]]]");
        void Write(string role, string idField, string id, string ring) => File.WriteAllText(Path.Combine(folder, role + ".geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"" + idField + "\":\"" + id
            + "\",\"name\":\"园区\",\"supplied_on\":\"2020-01-01\",\"agreed_start\":\"2020-06-01\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring + "}}]}");
        Write("parks", "park_id", "P1", Square(parkLongitude, 39.5, 0.02));
        Write("parcels", "parcel_id", "L1", Square(parkLongitude + 0.005, 39.505, 0.005));
        return folder;
    }

    private static string CopyOfSample()
    {
        var folder = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.OrdosSample))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
