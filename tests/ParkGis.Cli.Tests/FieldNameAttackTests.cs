using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Attacks on the fields an analysis reads: shapefile names cut to ten characters, and a field the layer lacks
/// altogether, which must not read as "not supplied" / "not started" for every parcel without a word.
/// </summary>
public sealed class FieldNameAttackTests
{
    private const string AsOf = "2026-06-30";

    [OgrToolsFact]
    public void A_shapefile_copy_with_field_names_cut_to_ten_characters_gives_the_same_supply_and_idle_figures()
    {
        var data = SampleCopy.Make(name => name is "parcels.geojson" or "approvals.geojson");
        foreach (var layer in new[] { "parcels", "approvals" })
        {
            OgrTools.Run("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", Path.Combine(data, layer + ".shp"), Path.Combine(RepositoryPaths.OrdosSample, layer + ".geojson"));
        }

        Assert.Contains("supplied_o", File.ReadAllText(Path.Combine(data, "parcels.dbf"), System.Text.Encoding.Latin1), StringComparison.Ordinal);
        AssertSameSupplyAndIdleFigures(data);
    }

    [OgrToolsFact]
    public void A_gbk_shapefile_with_chinese_field_names_cut_to_ten_bytes_gives_the_same_supply_and_idle_figures()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var data = SampleCopy.Make(name => name is "parcels.geojson");
        OgrTools.Run("-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", Path.Combine(data, "parcels.shp"), Path.Combine(RepositoryPaths.OrdosSample, "parcels.geojson"),
            "-dialect", "sqlite", "-sql",
            "SELECT parcel_id AS \"宗地编号\", park_id AS \"所属园区\", supplied_on AS \"合同签订日期\", agreed_start AS \"约定动工日期\", "
            + "actual_start AS \"实际动工日期\", halted_since AS \"停工日期\", land_price_wan AS \"土地价款（万元）\", government_cause AS \"政府原因\", "
            + "developed_ratio AS \"已开发面积比例\", invested_ratio AS \"已投资额比例\", geometry FROM parcels");
        Assert.Contains("实际动工日", File.ReadAllText(Path.Combine(data, "parcels.dbf"), System.Text.Encoding.GetEncoding(936)), StringComparison.Ordinal);
        AssertSameSupplyAndIdleFigures(data);
    }

    [Fact]
    public void Supply_of_parcels_without_a_supply_date_field_says_so_instead_of_a_silent_zero_rate()
    {
        var data = SampleCopy.Make();
        Rename(Path.Combine(data, "parcels.geojson"), "supplied_on", "supply_dt");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("supply", data, "--as-of", AsOf, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "supply.json")))!["data_issues"]!.AsArray();
        var absent = Assert.Single(issues, i => (string)i!["feature"]! == string.Empty && ((string)i["message"]!).Contains("supplied_on", StringComparison.Ordinal));
        Assert.Equal("parcels", (string)absent!["layer"]!);
        Assert.Equal("missing_value", (string)absent["code"]!);
        Assert.Contains("parcels 图层没有 supplied_on（供地日期）字段", (string)absent["message"]!, StringComparison.Ordinal);
        Assert.Contains("parkgis.json", (string)absent["message"]!, StringComparison.Ordinal);
        Assert.Contains("parcels 图层没有 supplied_on", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actual_start", "halted_since", "actual_start,halted_since")] // no start date: any parcel may have started and halted
    [InlineData("halted_since", null, "halted_since")] // parcels started, no halt date
    public void Idle_of_parcels_without_a_lifecycle_field_names_each_one_that_matters_once(string removed, string? alsoRemoved, string named)
    {
        var data = SampleCopy.Make();
        var parcels = Path.Combine(data, "parcels.geojson");
        Rename(parcels, removed, removed + "_x");
        if (alsoRemoved is not null)
        {
            Rename(parcels, alsoRemoved, alsoRemoved + "_x");
        }

        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", data, "--as-of", AsOf, "--out", output, "--lang", "en");

        Assert.True(run.ExitCode == 1, run.ToString());
        var layerIssues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "idle.json")))!["data_issues"]!.AsArray()
            .Where(i => (string)i!["feature"]! == string.Empty && (string)i["layer"]! == "parcels" && ((string)i["message"]!).StartsWith("The parcels layer has no ", StringComparison.Ordinal))
            .Select(i => ((string)i!["message"]!)["The parcels layer has no ".Length..].Split(' ')[0])
            .ToList();
        Assert.Equal(named.Split(','), layerIssues);
    }

    [Fact]
    public void Scorecard_names_an_absent_supply_date_once_though_supply_idle_and_intensity_each_find_it()
    {
        var data = SampleCopy.Make();
        Rename(Path.Combine(data, "parcels.geojson"), "supplied_on", "supply_dt");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("scorecard", data, "--year", "2025", "--out", output);

        Assert.True(run.ExitCode >= 1 && run.ExitCode != 4, run.ToString());
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "scorecard.json")))!["data_issues"]!.AsArray();
        Assert.Single(issues, i => ((string)i!["message"]!).StartsWith("parcels 图层没有 supplied_on（供地日期）字段", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_present_but_empty_on_every_parcel_is_not_reported_as_absent()
    {
        var data = SampleCopy.Make();
        var path = Path.Combine(data, "parcels.geojson");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var feature in root["features"]!.AsArray())
        {
            feature!["properties"]!["halted_since"] = null;
        }

        File.WriteAllText(path, root.ToJsonString());
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", data, "--as-of", AsOf, "--out", output);

        Assert.DoesNotContain("图层没有", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("图层没有", File.ReadAllText(Path.Combine(output, "idle.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Infrastructure_of_parcels_without_a_supply_date_field_says_so_instead_of_counting_only_started_parcels()
    {
        var data = SampleCopy.Make();
        Rename(Path.Combine(data, "parcels.geojson"), "supplied_on", "supply_dt");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("infrastructure", data, "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "infrastructure.json")))!["data_issues"]!.AsArray();
        var absent = Assert.Single(issues, i => (string)i!["feature"]! == string.Empty && ((string)i["message"]!).Contains("supplied_on", StringComparison.Ordinal));
        Assert.Equal(("parcels", "missing_value"), ((string)absent!["layer"]!, (string)absent["code"]!));
        Assert.Contains("九通一平", (string)absent["message"]!, StringComparison.Ordinal);
        Assert.Contains("parcels 图层没有 supplied_on", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scorecard_of_parcels_without_a_supply_date_field_names_the_missing_field_once_on_stdout_and_in_json()
    {
        var data = SampleCopy.Make();
        Rename(Path.Combine(data, "parcels.geojson"), "supplied_on", "supply_dt");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("scorecard", data, "--out", output, "--year", "2025", "--as-of", AsOf);

        Assert.True(run.ExitCode == 1, run.ToString());
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "scorecard.json")))!["data_issues"]!.AsArray();
        Assert.Single(issues, i => (string)i!["feature"]! == string.Empty && ((string)i["message"]!).Contains("没有 supplied_on", StringComparison.Ordinal));
        Assert.Equal(1, CountOf(run.Stdout, "parcels 图层没有 supplied_on"));
    }

    [Fact]
    public void Export_of_parcels_without_a_supply_date_field_names_the_missing_field_on_stdout()
    {
        var data = SampleCopy.Make();
        Rename(Path.Combine(data, "parcels.geojson"), "supplied_on", "supply_dt");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("export", data, "--out", output, "--as-of", AsOf);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(1, CountOf(run.Stdout, "parcels 图层没有 supplied_on"));
    }

    [Fact]
    public void Idle_of_parcels_without_a_government_cause_field_says_every_idle_parcel_is_taken_as_enterprise_caused()
    {
        var data = SampleCopy.Make();
        Rename(Path.Combine(data, "parcels.geojson"), "government_cause", "gov_note");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", data, "--as-of", AsOf, "--out", output, "--lang", "en");

        Assert.True(run.ExitCode == 1, run.ToString());
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "idle.json")))!["data_issues"]!.AsArray();
        var absent = Assert.Single(issues, i => (string)i!["feature"]! == string.Empty && (string)i["layer"]! == "parcels");
        Assert.StartsWith("The parcels layer has no government_cause", (string)absent!["message"]!, StringComparison.Ordinal);
        Assert.Contains("enterprise", (string)absent["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"actual_start\":\"2021-01-01\",\"halted_since\":null", 0, "")]
    [InlineData("\"actual_start\":null,\"halted_since\":null", 1, "agreed_start")]
    [InlineData("\"actual_start\":null,\"agreed_start\":\"2020-06-01\",\"halted_since\":null,\"land_price_wan\":100", 1, "government_cause")]
    [InlineData("\"actual_start\":\"2021-01-01\",\"agreed_start\":\"2020-06-01\"", 1, "halted_since")]
    public void Idle_reports_a_field_the_layer_lacks_only_when_a_parcel_needed_it(string properties, int exitCode, string reported)
    {
        // One parcel supplied 2020-01-01: started (needs halted_since), not started (needs agreed_start) or idle (needs
        // government_cause); the other fields are absent from the layer.
        var data = TinyDataset.Write(parks: TinyDataset.Square("P1", "园区", 500_000, 4_400_000, 1000));
        File.WriteAllText(Path.Combine(data, "parcels.geojson"),
            """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}},"features":[{"type":"Feature","properties":{"parcel_id":"L1","park_id":"P1","supplied_on":"2020-01-01","""
            + properties
            + """},"geometry":{"type":"Polygon","coordinates":[[[500100,4400100],[500200,4400100],[500200,4400200],[500100,4400200],[500100,4400100]]]}}]}""");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", data, "--as-of", AsOf, "--out", output);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        var absent = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "idle.json")))!["data_issues"]!.AsArray()
            .Where(i => (string)i!["feature"]! == string.Empty && (string)i["code"]! == "missing_value")
            .Select(i => (string)i!["message"]!)
            .ToList();
        Assert.True(reported.Length == 0 ? absent.Count == 0 : absent.Count == 1 && absent[0].StartsWith($"parcels 图层没有 {reported}", StringComparison.Ordinal), run.ToString());
    }

    [Theory]
    [InlineData("zh", "supplied_on（字段 supplied_o）")]
    [InlineData("en", "supplied_on (field supplied_o)")]
    public void A_value_read_under_a_cut_name_is_described_in_the_language_of_the_message(string language, string described)
    {
        var data = SampleCopy.Make();
        Rename(Path.Combine(data, "parcels.geojson"), "supplied_on", "supplied_o");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("supply", data, "--as-of", AsOf, "--out", output, "--lang", language);

        var bad = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "supply.json")))!["data_issues"]!.AsArray()
            .Single(i => (string)i!["feature"]! == "P01-019" && (string)i["code"]! == "unparseable_value");
        Assert.StartsWith(described + " '2023-13-45'", (string)bad!["message"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("图层没有", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parcel_without_an_id_under_a_mapped_id_field_is_described_in_chinese()
    {
        var data = SampleCopy.Make();
        var path = Path.Combine(data, "parcels.geojson");
        Rename(path, "parcel_id", "宗地编号");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        root["features"]![0]!["properties"]!["宗地编号"] = null;
        File.WriteAllText(path, root.ToJsonString());
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("supply", data, "--as-of", AsOf, "--out", output);

        Assert.Contains("parcel_id（字段 宗地编号）", run.Stdout + File.ReadAllText(Path.Combine(output, "supply.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("(field ", File.ReadAllText(Path.Combine(output, "supply.json")), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// supply and idle on <paramref name="data"/> give the sample's figures and exit code, and name no field as missing.
    /// </summary>
    private static void AssertSameSupplyAndIdleFigures(string data)
    {
        foreach (var (command, file, parts) in new[]
        {
            ("supply", "supply.json", new[] { "batches", "parks", "banners", "window" }),
            ("idle", "idle.json", new[] { "totals", "status_counts", "parks" }),
        })
        {
            var original = RepositoryPaths.NewTempFolder();
            var copy = RepositoryPaths.NewTempFolder();
            var originalRun = CliRun.Of(command, RepositoryPaths.OrdosSample, "--as-of", AsOf, "--out", original);
            var copyRun = CliRun.Of(command, data, "--as-of", AsOf, "--out", copy);

            Assert.True(copyRun.ExitCode == originalRun.ExitCode, copyRun.ToString());
            Assert.DoesNotContain("图层没有", copyRun.Stdout, StringComparison.Ordinal);
            var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(original, file)))!;
            var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, file)))!;
            foreach (var part in parts)
            {
                Assert.True(JsonNode.DeepEquals(expected[part], actual[part]), $"{command} {part} differs:\n{expected[part]}\n{actual[part]}");
            }
        }
    }

    /// <summary>Renames a property of every feature of a GeoJSON file.</summary>
    private static void Rename(string path, string from, string to)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var feature in root["features"]!.AsArray())
        {
            var properties = feature!["properties"]!.AsObject();
            if (properties.Remove(from, out var value))
            {
                properties[to] = value;
            }
        }

        File.WriteAllText(path, root.ToJsonString());
    }
}
