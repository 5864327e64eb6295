using System.Text.Json;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Extreme values — the calendar's last day, 1e308, year 0, a bare <c>pg:</c> — are data issues, usage errors or
/// unusable input, never an internal error (exit 4).
/// </summary>
public sealed class ExtremeValueTests
{
    /// <summary>A park and one supplied, unstarted parcel in EPSG:4545 with the given extra properties (JSON members).</summary>
    private static string IdleDataset(string parcelProperties)
    {
        var data = TinyDataset.Write(parks: TinyDataset.Square("P1", "园区", 500_000, 4_400_000, 1000));
        File.WriteAllText(Path.Combine(data, "parcels.geojson"),
            """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}},"features":[{"type":"Feature","properties":{"parcel_id":"L1","park_id":"P1","supplied_on":"2020-01-01","""
            + parcelProperties
            + """},"geometry":{"type":"Polygon","coordinates":[[[500100,4400100],[500200,4400100],[500200,4400200],[500100,4400200],[500100,4400100]]]}}]}""");
        return data;
    }

    private static JsonElement IdleParcel(string output) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "idle.json"))).RootElement.GetProperty("parcels")[0];

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-01-01")]
    [InlineData("0001-01-01")]
    public void An_agreed_start_of_9999_12_31_is_read_as_no_date_with_a_placeholder_date_issue(string placeholder)
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", IdleDataset($"\"agreed_start\":\"{placeholder}\",\"land_price_wan\":100"), "--as-of", "2026-06-30", "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = File.ReadAllText(Path.Combine(output, "idle.json"));
        Assert.Contains("\"placeholder_date\"", json, StringComparison.Ordinal);
        Assert.Contains($"agreed_start {placeholder} 是表示", json, StringComparison.Ordinal);
        Assert.Contains("的占位值，不是真实日期", json, StringComparison.Ordinal);
        Assert.Equal("unknown", IdleParcel(output).GetProperty("status").GetString());
    }

    [Fact]
    public void A_halted_since_a_year_before_the_end_of_the_calendar_never_reaches_a_full_year()
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", IdleDataset("\"actual_start\":\"2021-01-01\",\"halted_since\":\"9998-12-31\",\"developed_ratio\":0.1"), "--as-of", "2200-12-31", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("in_use", IdleParcel(output).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("\"1e308\"")]
    [InlineData("1e13")]
    public void A_land_price_of_1e308_is_out_of_range_instead_of_an_infinite_fee(string price)
    {
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("idle", IdleDataset($"\"agreed_start\":\"2020-06-01\",\"land_price_wan\":{price}"), "--as-of", "2026-06-30", "--out", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("\"value_out_of_range\"", File.ReadAllText(Path.Combine(output, "idle.json")), StringComparison.Ordinal);
        var parcel = IdleParcel(output);
        Assert.Equal("idle_unstarted", parcel.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, parcel.GetProperty("idle_fee_wan").ValueKind);
    }

    [Fact]
    public void Economics_amounts_of_1e308_are_out_of_range_and_the_scorecard_still_ranks()
    {
        var data = SampleCopy.Make();

        var economics = Path.Combine(data, "economics.csv");
        var lines = File.ReadAllLines(economics);
        File.WriteAllLines(economics, [lines[0], .. lines[1..].Select(l => string.Join(",", l.Split(',').Select((c, i) => i >= 3 && double.TryParse(c, out _) ? "1e308" : c)))]);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("scorecard", data, "--out", output, "--year", "2025");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("\"value_out_of_range\"", File.ReadAllText(Path.Combine(output, "scorecard.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scorecard", """{"indicators":{"supply_rate":{"weight":1e308}}}""")]
    [InlineData("scorecard", """{"indicators":{"supply_rate":{"zero_score_at":-1e300,"full_score_at":1e300}}}""")]
    [InlineData("infrastructure", """{"infrastructure":{"service_distance_m":{"roads":1e308}}}""")]
    [InlineData("intensity", """{"standard_land":{"investment_per_mu_min":1e308}}""")]
    public void A_rules_value_of_1e308_is_PG0302(string command, string rules)
    {
        var file = RepositoryPaths.NewTempFolder() + ".json";
        File.WriteAllText(file, rules);

        var run = CliRun.Of(command, RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), "--rules", file);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0302:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("10¹²", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("supply", "--as-of", "0001-01-01")]
    [InlineData("idle", "--as-of", "9999-12-31")]
    [InlineData("export", "--as-of", "0001-01-01")]
    [InlineData("intensity", "--year", "99999")]
    [InlineData("intensity", "--year", "-5")]
    [InlineData("intensity", "--baseline-year", "0")]
    [InlineData("scorecard", "--year", "0")]
    public void Dates_and_years_outside_1900_to_2200_are_usage_errors_naming_the_range(string command, string option, string value)
    {
        string[] needed = command is "supply" or "idle" && option != "--as-of" ? ["--as-of", "2026-06-30"] : [];

        var run = CliRun.Of([command, RepositoryPaths.OrdosSample, "--out", RepositoryPaths.NewTempFolder(), option, value, .. needed]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(option == "--as-of" ? "1900-01-01 至 2200-12-31" : "1900 至 2200", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_as_of_date_after_today_is_said_on_stderr_and_a_past_one_is_not()
    {
        var data = IdleDataset("\"agreed_start\":\"2020-06-01\"");
        var afterToday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var future = CliRun.Of("idle", data, "--out", RepositoryPaths.NewTempFolder(), "--as-of", afterToday);
        var past = CliRun.Of("idle", data, "--out", RepositoryPaths.NewTempFolder(), "--as-of", "2024-06-30");

        Assert.True(future.ExitCode == 1, future.ToString()); // idle land, figures as for any date
        Assert.Contains($"注意：--as-of {afterToday} 晚于今天", future.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("晚于今天", past.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pg:")]
    [InlineData("pg:Database=gis")]
    [InlineData("pg:Host=localhost;Port=999999")]
    public void A_pg_dataset_without_a_usable_server_is_PG0508(string dataset)
    {
        var run = CliRun.Of("check", dataset, "--out", RepositoryPaths.NewTempFolder());

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0508:", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleCopy.AnalysisCommands), MemberType = typeof(SampleCopy))]
    public void Every_number_and_date_of_the_sample_at_its_extreme_is_a_data_issue_never_an_internal_error(string command, string[] options)
    {
        // Parcel by parcel in turn: numbers 1e308, -1e308, "1e999", 1e12; dates 9999-12-31, 9998-12-31, 0001-01-01, 1900-01-01.
        var data = SampleCopy.Make();

        object[] numbers = [1e308, -1e308, "1e999", 1e12];
        string[] dates = ["9999-12-31", "9998-12-31", "0001-01-01", "1900-01-01"];
        var parcels = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(data, "parcels.geojson")))!;
        var k = 0;
        foreach (var feature in parcels["features"]!.AsArray())
        {
            var properties = feature!["properties"]!.AsObject();
            foreach (var (name, value) in properties.ToList())
            {
                if (value?.GetValueKind() == JsonValueKind.Number)
                {
                    properties[name] = System.Text.Json.Nodes.JsonValue.Create(numbers[k % numbers.Length]);
                }
                else if (value?.GetValueKind() == JsonValueKind.String && DateOnly.TryParse((string)value!, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    properties[name] = dates[k % dates.Length];
                }
            }

            k++;
        }

        File.WriteAllText(Path.Combine(data, "parcels.geojson"), parcels.ToJsonString());

        var run = CliRun.Of([command, data, "--out", RepositoryPaths.NewTempFolder(), .. options]);

        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
    }
}
