using System.Text.Json;
using System.Text.Json.Nodes;
using ParkGis.IO.Excel;

namespace ParkGis.Cli.Tests;

/// <summary>
/// <c>--xlsx</c> workbooks read back with the Open XML SDK (not the library that wrote them): sheet names, headers,
/// number and date cells, frozen header rows, and totals against the command's JSON on the sample.
/// </summary>
public sealed class WorkbookTests
{
    private const string AsOf = "2026-06-30";

    private static (CliRun Run, IReadOnlyList<WorkbookSheet> Sheets, JsonElement Json) Run(string command, string dataset, params string[] options)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of([command, dataset, .. options, "--out", output, "--xlsx"]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var sheets = WorkbookReading.Read(Path.Combine(output, command + ".xlsx"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, command + ".json")));
        return (run, sheets, json.RootElement.Clone());
    }

    private static WorkbookSheet Sheet(IReadOnlyList<WorkbookSheet> sheets, string name) =>
        sheets.SingleOrDefault(s => s.Name == name) ?? throw new Xunit.Sdk.XunitException($"no sheet {name}; sheets: {string.Join(", ", sheets.Select(s => s.Name))}");

    private static void AssertAll(IEnumerable<WorkbookCell> cells, Func<WorkbookCell, bool> test, string what)
    {
        var list = cells.Where(c => c.Text.Length > 0).ToList();
        Assert.NotEmpty(list);
        Assert.All(list, c => Assert.True(test(c), $"{what}: {c}"));
    }

    public static TheoryData<string, string[]> Commands => new()
    {
        { "check", [] },
        { "supply", ["--as-of", AsOf] },
        { "idle", ["--as-of", AsOf] },
        { "intensity", ["--year", "2025"] },
        { "infrastructure", [] },
        { "scorecard", ["--year", "2025"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_workbook_has_frozen_Chinese_headers_fitting_widths_and_a_说明_sheet_with_the_data_issues(string command, string[] options)
    {
        var (_, sheets, json) = Run(command, RepositoryPaths.OrdosSample, options);

        Assert.Equal("说明", sheets[^1].Name);
        Assert.True(sheets.Count >= 2, string.Join(", ", sheets.Select(s => s.Name)));
        foreach (var sheet in sheets)
        {
            Assert.True(sheet.HeaderFrozen, $"{command}.xlsx {sheet.Name}: header row not frozen");
            Assert.All(sheet.Rows[0], c => Assert.True(c.IsText, $"{sheet.Name} header {c}"));
            Assert.All(sheet.Header, h => Assert.DoesNotMatch("[a-z]{3,}", h));
            Assert.All(sheet.ColumnWidths, w => Assert.InRange(w, 6, 60));
            Assert.Equal(sheet.Header.Count, sheet.ColumnWidths.Count);
        }

        var about = sheets[^1];
        Assert.Contains(about.Body, r => r[0].Text == "数据集" && r[1].Text.EndsWith("ordos", StringComparison.Ordinal));
        var issues = json.GetProperty("data_issues").GetArrayLength();
        Assert.Equal(issues, about.Body.Count(r => r[0].Text.Length > 0 && char.IsAsciiLetterLower(r[0].Text[0])));
        foreach (var sheet in sheets)
        {
            foreach (var header in sheet.Header.Where(h => h.Contains("（亩）", StringComparison.Ordinal) || h.Contains("（公顷）", StringComparison.Ordinal)))
            {
                Assert.All(sheet.Cells(header), c => Assert.True(c.Text.Length == 0 || c.IsNumber, $"{command}.xlsx {sheet.Name} {header} = {c}"));
            }
        }
    }

    [Fact]
    public void Idle_workbook_lists_every_idle_parcel_with_firm_dates_and_price_and_its_totals_match_idle_json()
    {
        var (_, sheets, json) = Run("idle", RepositoryPaths.OrdosSample, "--as-of", AsOf);

        Assert.Equal(["闲置土地台账", "园区闲置汇总", "旗区闲置汇总", "说明"], sheets.Select(s => s.Name));
        var ledger = Sheet(sheets, "闲置土地台账");
        foreach (var header in new[] { "宗地编号", "用地单位", "坐落", "用途", "供地方式", "供地日期", "约定动工日期", "实际动工日期", "闲置原因", "闲置时长（天）", "认定状态", "处置方式", "土地价款（万元）", "面积（亩）" })
        {
            ledger.Column(header);
        }

        var totals = json.GetProperty("totals");
        Assert.Equal(totals.GetProperty("idle_parcels").GetInt32(), ledger.Body.Count);
        Assert.Equal(totals.GetProperty("idle_mu").GetDouble(), ledger.Cells("面积（亩）").Sum(c => c.Number), 3);
        AssertAll(ledger.Cells("供地日期"), c => c.IsDate, "供地日期 is a date cell");
        AssertAll(ledger.Cells("约定动工日期"), c => c.IsDate, "约定动工日期 is a date cell");
        AssertAll(ledger.Cells("土地价款（万元）"), c => c.IsNumber, "土地价款 is a number");
        AssertAll(ledger.Cells("闲置时长（天）"), c => c.IsNumber && !c.IsDate, "闲置时长 is a number");
        AssertAll(ledger.Cells("宗地编号"), c => c.IsText, "宗地编号 is text");
        var first = ledger.Body[0];
        Assert.Equal("P01-004", first[ledger.Column("宗地编号")].Text);
        Assert.Equal("鄂尔多斯市远辰煤化有限公司", first[ledger.Column("用地单位")].Text);
        Assert.Equal(new DateOnly(2016, 9, 21), first[ledger.Column("供地日期")].Date); // parcels.geojson: supplied_on 2016-09-21

        var parks = Sheet(sheets, "园区闲置汇总");
        var jsonParks = json.GetProperty("parks").EnumerateArray().ToList();
        Assert.Equal(jsonParks.Count, parks.Body.Count);
        Assert.Equal(jsonParks.Sum(p => p.GetProperty("idle_parcels").GetInt32()), parks.Cells("闲置宗数").Sum(c => (int)c.Number));
    }

    [Fact]
    public void Supply_workbook_carries_the_batch_name_and_its_areas_match_supply_json()
    {
        var (_, sheets, json) = Run("supply", RepositoryPaths.OrdosSample, "--as-of", AsOf);

        Assert.Equal(["批而未供台账", "未批先供台账", "园区供地汇总", "旗区供地汇总", "说明"], sheets.Select(s => s.Name));
        var batches = Sheet(sheets, "批而未供台账");
        var jsonBatches = json.GetProperty("batches").EnumerateArray().ToList();
        Assert.Equal(jsonBatches.Count, batches.Body.Count);
        Assert.Equal(jsonBatches.Sum(b => b.GetProperty("approved_m2").GetDouble()) / 10_000, batches.Cells("批准面积（公顷）").Sum(c => c.Number), 3);
        Assert.Equal(jsonBatches.Sum(b => b.GetProperty("unsupplied_mu").GetDouble()), batches.Cells("批而未供面积（亩）").Sum(c => c.Number), 3);
        Assert.Equal("鄂托克旗2016年度第1批次城镇建设用地", batches.Body[0][batches.Column("批次名称")].Text);
        Assert.Equal("内政土发〔2016〕197号", batches.Body[0][batches.Column("批准文号")].Text);
        batches.Column("电子监管号");
        AssertAll(batches.Cells("批准日期"), c => c.IsDate, "批准日期 is a date cell");
        AssertAll(batches.Cells("供地率"), c => c.IsNumber && c.Number is >= 0 and <= 1, "供地率 is a share");

        var unapproved = Sheet(sheets, "未批先供台账");
        var jsonUnapproved = json.GetProperty("supplied_without_approval");
        Assert.Equal(jsonUnapproved.GetProperty("parcels").GetInt32(), unapproved.Body.Count);
        Assert.Contains(Sheet(sheets, "说明").Body, r => r[0].Text == "未批先供" && r[1].Text.Contains(jsonUnapproved.GetProperty("area_mu").GetDouble().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.True(unapproved.Cells("未批先供面积（亩）").Sum(c => c.Number) <= jsonUnapproved.GetProperty("area_mu").GetDouble(), "the ledger lists the parcels over the minimum area");
        Assert.Equal(jsonUnapproved.GetProperty("parcel_ids").EnumerateArray().Select(e => e.GetString()), unapproved.Cells("宗地编号").Select(c => c.Text));
    }

    [Fact]
    public void Check_workbook_patch_and_park_totals_match_check_json()
    {
        var (_, sheets, json) = Run("check", RepositoryPaths.OrdosSample);

        Assert.Equal(["冲突图斑台账", "园区冲突汇总", "说明"], sheets.Select(s => s.Name));
        var tallies = json.GetProperty("parks").EnumerateArray().SelectMany(p => p.GetProperty("conflicts").EnumerateObject().Select(k => k.Value)).ToList();
        var patches = Sheet(sheets, "冲突图斑台账");
        Assert.Equal(tallies.Sum(t => t.GetProperty("patches").GetInt32()), patches.Body.Count);
        var parks = Sheet(sheets, "园区冲突汇总");
        Assert.Equal(tallies.Sum(t => t.GetProperty("area_m2").GetDouble()),
            patches.Cells("面积（平方米）").Sum(c => c.Number) + parks.Cells("未计入碎图斑面积（平方米）").Sum(c => c.Number), 2);
        Assert.Equal(tallies.Sum(t => t.GetProperty("area_ha").GetDouble()), parks.Cells("冲突面积（公顷）").Sum(c => c.Number), 3);
    }

    [Fact]
    public void Infrastructure_workbook_lists_every_unserved_parcel_of_infrastructure_json_with_its_gap()
    {
        var (_, sheets, json) = Run("infrastructure", RepositoryPaths.OrdosSample);

        var unserved = Sheet(sheets, "未覆盖宗地台账");
        var expected = json.GetProperty("parks").EnumerateArray()
            .SelectMany(p => p.GetProperty("utilities").EnumerateObject().SelectMany(u => u.Value.GetProperty("unserved_parcels").EnumerateArray())).Count();
        Assert.Equal(expected, unserved.Body.Count);
        AssertAll(unserved.Cells("距管网距离（米）"), c => c.IsNumber, "gap is a number");
        Assert.Equal(json.GetProperty("parks").GetArrayLength(), Sheet(sheets, "园区配套汇总").Body.Count);
    }

    [Fact]
    public void Intensity_and_scorecard_workbooks_hold_the_per_park_tables_of_their_JSON()
    {
        var (_, intensity, intensityJson) = Run("intensity", RepositoryPaths.OrdosSample, "--year", "2025");
        var parks = Sheet(intensity, "园区亩均效益");
        Assert.Equal(intensityJson.GetProperty("parks").EnumerateArray().Select(p => p.GetProperty("parcels").GetInt32()), parks.Cells("宗地数").Select(c => (int)c.Number));
        Assert.Equal(intensityJson.GetProperty("parcels").GetArrayLength(), Sheet(intensity, "宗地亩均效益").Body.Count);

        var (_, scorecard, scorecardJson) = Run("scorecard", RepositoryPaths.OrdosSample, "--year", "2025");
        var card = Sheet(scorecard, "园区年度评价");
        var jsonParks = scorecardJson.GetProperty("parks").EnumerateArray().ToList();
        Assert.Equal(jsonParks.Select(p => p.GetProperty("park_id").GetString()), card.Cells("园区编号").Select(c => c.Text));
        Assert.Equal(jsonParks.Select(p => p.GetProperty("composite").ValueKind == JsonValueKind.Null ? (double?)null : Math.Round(p.GetProperty("composite").GetDouble(), 2)),
            card.Cells("综合得分").Select(c => c.Text.Length == 0 ? (double?)null : Math.Round(c.Number, 2)));
        AssertAll(card.Cells("计分权重覆盖"), c => c.IsNumber && c.Number is > 0 and <= 1, "权重覆盖 is a share, not text");
    }

    [Fact]
    public void Attack_hostile_firm_names_long_text_control_characters_and_a_leading_zero_id_stay_inert_text()
    {
        var data = SampleCopy.Make();
        var parcelsPath = Path.Combine(data, "parcels.geojson");
        var parcels = JsonNode.Parse(File.ReadAllText(parcelsPath))!;
        var hostile = new Dictionary<string, string>
        {
            ["P01-004"] = "=HYPERLINK(\"http://evil.example\",\"点击\")",
            ["P01-005"] = "+cmd|' /C calc'!A0",
            ["P01-006"] = "-2+3",
            ["P01-007"] = "@SUM(A1:A9)",
            ["P01-008"] = "\t=1+1", // the reader trims the tab; the formula is still neutralised
            ["P01-012"] = "鄂尔多斯\u001b[31m红字公司",
        };
        var longText = new string('坐', 40_000);
        foreach (var feature in parcels["features"]!.AsArray())
        {
            var properties = feature!["properties"]!;
            var id = properties["parcel_id"]!.GetValue<string>();
            if (hostile.TryGetValue(id, out var firm))
            {
                properties["enterprise"] = firm;
            }

            if (id == "P01-004")
            {
                properties["坐落"] = longText;
            }

            if (id == "P01-015")
            {
                properties["parcel_id"] = "007";
            }
        }

        File.WriteAllText(parcelsPath, parcels.ToJsonString());

        var (_, sheets, _) = Run("idle", data, "--as-of", AsOf);

        var ledger = Sheet(sheets, "闲置土地台账");
        string Firm(string id) => ledger.Body.Single(r => r[0].Text == id)[ledger.Column("用地单位")].Text;
        foreach (var id in new[] { "P01-004", "P01-005", "P01-006", "P01-007" })
        {
            Assert.Equal("'" + hostile[id], Firm(id));
        }

        Assert.Equal("'=1+1", Firm("P01-008"));

        Assert.Equal("鄂尔多斯\u241b[31m红字公司", Firm("P01-012"));
        var location = ledger.Body.Single(r => r[0].Text == "P01-004")[ledger.Column("坐落")];
        Assert.Equal(LedgerWorkbookWriter.MaxCellText, location.Text.Length);
        Assert.EndsWith(LedgerWorkbookWriter.CutMark, location.Text, StringComparison.Ordinal);
        var zero = ledger.Body.Single(r => r[0].Text == "007")[0];
        Assert.True(zero.IsText, zero.ToString());
    }
}
