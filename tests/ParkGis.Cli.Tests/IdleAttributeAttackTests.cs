using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>
/// The hostile review of the idle survey's attribute reading (seventeenth round): attribute values, as a land bureau
/// types them, that made the idle survey or the supply ledger fail or silently wrong; each with the test named after it.
/// </summary>
public sealed class IdleAttributeAttackTests
{
    [Theory]
    [MemberData(nameof(SampleCopy.AnalysisCommands), MemberType = typeof(SampleCopy))]
    public void A_date_typed_with_full_width_digits_is_read_by_every_command_never_an_internal_error(string command, string[] options)
    {
        // P01-005: supplied 2023-04-04, agreed start 2024-02-06, not started, 570.32 万元: idle, fee 114.064 万元.
        var data = SampleWith(("P01-005", "supplied_on", "２０２３年４月４日"), ("P01-005", "agreed_start", "２０２４－０２－０６"));

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of([command, data, "--out", output, .. options]);

        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
        if (command == "idle")
        {
            var parcel = IdleParcel(output, "P01-005");
            Assert.Equal("idle_unstarted", (string?)parcel["status"]);
            Assert.Equal(114.064, (double)parcel["idle_fee_wan"]!, 6);
        }
    }

    [Theory]
    [InlineData("idle", "--as-of", "2026-06-30")]
    [InlineData("intensity", "--year", "2025")]
    [InlineData("scorecard", "--year", "2025")]
    public void An_agreed_start_before_supply_is_an_issue_in_the_json_of_every_command_that_runs_the_idle_survey(string command, string option, string value)
    {
        // P01-020: supplied 2025-06-10; an agreed start of 2019 made it idle (and reclaimable) since before it was supplied.
        var data = SampleWith(("P01-020", "agreed_start", "2019-01-01"));

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of(command, data, "--out", output, option, value);

        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, command + ".json")))!["data_issues"]!.AsArray();
        Assert.Contains(issues, i => (string?)i!["feature"] == "P01-020" && (string?)i["code"] == "implausible_value"
            && ((string?)i["message"])!.Contains("agreed_start 2019-01-01 早于 supplied_on 2025-06-10", StringComparison.Ordinal));
        Assert.Contains($"数据问题 {issues.Count} 条", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-05", "in_grace")]
    [InlineData("2025-02-06", "idle_unstarted")]
    public void An_agreed_start_written_as_a_UTC_time_stamp_is_the_day_it_was_in_Beijing(string asOf, string status)
    {
        // 2024-02-05T16:00:00Z is Beijing's 2024-02-06 00:00 (GeoPackage DATETIME is UTC): a year has passed on 2025-02-06,
        // not on 2025-02-05. Read as the UTC day, P01-005 was idle a day early.
        var data = SampleWith(("P01-005", "agreed_start", "2024-02-05T16:00:00Z"));

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("idle", data, "--out", output, "--as-of", asOf);

        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
        Assert.Equal(status, (string?)IdleParcel(output, "P01-005")["status"]);
    }

    [Fact]
    public void A_date_before_Excels_calendar_is_a_text_cell_in_the_workbook_never_an_internal_error_or_the_day_after()
    {
        // 0024-02-06 (2024 typed with a 0) made `idle --xlsx` stop with exit 4 ("Not a legal OleAut date"); 1900-01-02 was the
        // serial 3, which Excel shows as 1900-01-03; 1850-01-01 a negative serial, shown as ########. (1900-01-01 itself is
        // now a placeholder, read as no date.)
        var data = SampleWith(("P01-005", "agreed_start", "0024-02-06"), ("P01-006", "agreed_start", "1900-01-02"), ("P01-007", "agreed_start", "1850-01-01"));

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("idle", data, "--out", output, "--as-of", "2025-06-30", "--xlsx");

        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
        var ledger = WorkbookReading.Read(Path.Combine(output, "idle.xlsx")).Single(s => s.Name == "闲置土地台账");
        WorkbookCell Agreed(string parcel) => ledger.Body.Single(r => r[ledger.Column("宗地编号")].Text == parcel)[ledger.Column("约定动工日期")];
        Assert.Equal(new WorkbookCell("0024-02-06", IsText: true, IsDate: false), Agreed("P01-005"));
        Assert.Equal(new WorkbookCell("1900-01-02", IsText: true, IsDate: false), Agreed("P01-006"));
        Assert.Equal(new WorkbookCell("1850-01-01", IsText: true, IsDate: false), Agreed("P01-007"));
        Assert.True(Agreed("P01-044").IsDate, Agreed("P01-044").ToString());
    }

    [Fact]
    public void Another_systems_zero_date_is_a_placeholder_not_a_supply_45000_days_ago()
    {
        // 1900-01-01 is SQL Server's datetime zero and Excel's day 1; P01-005 was idle_unstarted for 45,836 days, with
        // the fee and 无偿收回, and no issue.
        var data = SampleWith(("P01-005", "supplied_on", "1900-01-01"), ("P01-005", "agreed_start", "1899-12-30"), ("P01-005", "actual_start", null));

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("idle", data, "--out", output, "--as-of", "2026-06-30");

        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
        var parcel = IdleParcel(output, "P01-005");
        Assert.Equal("not_supplied", (string?)parcel["status"]);
        var issues = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "idle.json")))!["data_issues"]!.AsArray();
        Assert.Contains(issues, i => (string?)i!["feature"] == "P01-005" && (string?)i["code"] == "placeholder_date"
            && ((string?)i["message"])!.Contains("1900-01-01", StringComparison.Ordinal));
    }

    /// <summary>A copy of the sample whose parcels carry the given values (a JSON string each).</summary>
    internal static string SampleWith(params (string Parcel, string Field, JsonNode? Value)[] edits)
    {
        var data = SampleCopy.Make();
        var path = Path.Combine(data, "parcels.geojson");
        var parcels = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var feature in parcels["features"]!.AsArray())
        {
            var properties = feature!["properties"]!.AsObject();
            foreach (var (parcel, field, value) in edits)
            {
                if ((string?)properties["parcel_id"] == parcel)
                {
                    properties[field] = value?.DeepClone();
                }
            }
        }

        File.WriteAllText(path, parcels.ToJsonString());
        return data;
    }

    internal static JsonNode IdleParcel(string output, string parcel) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(output, "idle.json")))!["parcels"]!.AsArray()
            .Single(p => (string?)p!["parcel_id"] == parcel)!;
}
