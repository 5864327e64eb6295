using System.Text;

namespace ParkGis.Cli.Tests;

public sealed class IntensityCommandTests
{
    private static string TinyParcels(string green)
    {
        var folder = TinyDataset.Write(TinyDataset.Square("P1", "测试园区", 500_000, 4_400_000, 1000));
        var json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},"
            + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"parcel_id\":\"L1\",\"park_id\":\"P1\",\"land_use\":\"100101\",\"enterprise\":\"甲公司\","
            + "\"floor_area_m2\":12000,\"footprint_area_m2\":3000,\"yard_area_m2\":500,\"admin_area_m2\":600,\"green_area_m2\":" + green + "},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500000,4400000],[500100,4400000],[500100,4400100],[500000,4400100],[500000,4400000]]]}}]}";
        File.WriteAllText(Path.Combine(folder, "parcels.geojson"), json);
        File.WriteAllText(Path.Combine(folder, "parkgis.json"),
            "{ \"economics\": { \"source\": \"经济.csv\", \"fields\": { \"parcel_id\": \"宗地编号\", \"year\": \"年份\", \"output_wan\": \"产值（万元）\", \"tax_wan\": \"税收\" } } }");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(Path.Combine(folder, "经济.csv"), Encoding.GetEncoding(936).GetBytes("宗地编号,年份,产值（万元）,税收\n L1,2021,1500,100\nL1,2025,3000,150\n"));
        return folder;
    }

    [Fact]
    public void Sample_matches_golden_intensity_json_and_exits_1_for_standard_land_failures()
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("intensity", RepositoryPaths.OrdosSample, "--out", output, "--year", "2025");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("P01 鄂托克经济开发区", run.Stdout, StringComparison.Ordinal);
        GoldenFile.AssertMatches("ordos.intensity.json", File.ReadAllText(Path.Combine(output, "intensity.json")));
        var csv = File.ReadAllBytes(Path.Combine(output, "intensity_parks.csv"));
        Assert.True(csv.AsSpan().StartsWith("\uFEFF"u8), "CSV must start with a UTF-8 BOM for Excel");
        Assert.Contains("\"type\":\"FeatureCollection\"", File.ReadAllText(Path.Combine(output, "intensity.geojson")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compliant_parcel_with_mapped_gbk_headers_gives_per_mu_figures_and_exits_1_for_the_guessed_encoding()
    {
        var folder = TinyParcels("1500");
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("intensity", folder, "--out", output);
        Assert.True(run.ExitCode == 1, run.ToString()); // no 标准地 failure, but encoding_guessed is a data issue
        var json = File.ReadAllText(Path.Combine(output, "intensity.json"));
        Assert.Contains("\"output_per_mu\": 200", json, StringComparison.Ordinal);   // 3000 万元 / 15 亩
        Assert.Contains("\"baseline\": 100", json, StringComparison.Ordinal);        // 1500 万元 / 15 亩
        Assert.Contains("encoding_guessed", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Green_ratio_over_twenty_percent_exits_1()
    {
        var run = CliRun.Of("intensity", TinyParcels("2500"), "--out", RepositoryPaths.NewTempFolder());
        Assert.True(run.ExitCode == 1, run.ToString());
    }

    [Fact]
    public void Rules_with_a_percentage_for_a_share_exit_3_with_a_hint()
    {
        var rules = Path.Combine(RepositoryPaths.NewTempFolder() + ".json");
        File.WriteAllText(rules, "{ \"standard_land\": { \"building_coefficient_min\": 30 } }");
        var run = CliRun.Of("intensity", TinyParcels("1500"), "--out", RepositoryPaths.NewTempFolder(), "--rules", rules);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("PG0302", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  提示: 30 % 请写成 0.3。", run.Stderr, StringComparison.Ordinal); // "Write 0.3 for 30 %." until the twelfth round
    }

    [Fact]
    public void Attack_firms_on_land_under_the_minimum_are_not_graded_for_a_reason_given_in_Chinese_by_default()
    {
        var rules = Path.Combine(RepositoryPaths.NewTempFolder() + ".json");
        File.WriteAllText(rules, "{ \"evaluation\": { \"min_land_mu\": 100000 } }");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("intensity", RepositoryPaths.OrdosSample, "--year", "2025", "--out", output, "--rules", rules);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var json = File.ReadAllText(Path.Combine(output, "intensity.json"));
        Assert.Contains("用地不足 100000 亩", json, StringComparison.Ordinal);
        Assert.DoesNotContain("land under", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_file_sets_a_local_tax_threshold_that_fails()
    {
        var rules = Path.Combine(RepositoryPaths.NewTempFolder() + ".json");
        File.WriteAllText(rules, "{ \"standard_land\": { \"local\": [ { \"park_id\": \"P1\", \"tax_per_mu_min\": 20 } ] } }");
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("intensity", TinyParcels("1500"), "--out", output, "--rules", rules);
        Assert.True(run.ExitCode == 1, run.ToString()); // 150 万元 / 15 亩 = 10 < 20
        Assert.Contains("\"indicator\": \"tax_per_mu\"", File.ReadAllText(Path.Combine(output, "intensity.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_year_is_a_usage_error()
    {
        var run = CliRun.Of("intensity", RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--year", "abc");
        Assert.True(run.ExitCode == 2, run.ToString());
    }
}
