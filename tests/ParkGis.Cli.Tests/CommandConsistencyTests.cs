using System.Globalization;
using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Every command on the sample, and the figures they share compared: one assessment means one answer — the same
/// parcels, in the same parks, with the same areas and the same data issues, and a scorecard whose every indicator
/// is the value the separate command writes for the same year and as-of date.
/// </summary>
public sealed class CommandConsistencyTests : IClassFixture<CommandConsistencyTests.SampleRuns>
{
    private const string Year = "2025";
    private const string AsOf = "2025-12-31"; // the scorecard's default as-of date for 2025
    private readonly SampleRuns _runs;

    public CommandConsistencyTests(SampleRuns runs) => _runs = runs;

    [Fact]
    public void Every_command_counts_the_same_parcels()
    {
        var check = _runs.Json("check", "check.json")["parcels"]!["count"]!.GetValue<int>();
        Assert.Equal(483, check); // 484 features, the bow-tie P02-011 left out
        Assert.Equal(check, _runs.Json("idle", "idle.json")["parcels"]!.AsArray().Count);
        Assert.Equal(check, _runs.Json("intensity", "intensity.json")["parcels"]!.AsArray().Count);
        Assert.DoesNotContain(_runs.Json("idle", "idle.json")["parcels"]!.AsArray(), p => (string?)p!["parcel_id"] == "P02-011");
    }

    [Fact]
    public void Idle_and_intensity_put_every_parcel_in_the_same_park_with_the_same_area()
    {
        var idle = ParcelsOf(_runs.Json("idle", "idle.json"));
        var intensity = ParcelsOf(_runs.Json("intensity", "intensity.json"));
        Assert.Equal(idle.Keys.Order(StringComparer.Ordinal), intensity.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, parcel) in idle)
        {
            var other = intensity[id];
            Assert.True((string?)parcel["park_id"] == ((string?)other["park_id"] ?? string.Empty), $"{id}: idle puts it in {parcel["park_id"]}, intensity in {other["park_id"]}");
            Assert.True(parcel["area_m2"]!.GetValue<double>() == other["area_m2"]!.GetValue<double>(), $"{id}: idle area {parcel["area_m2"]}, intensity area {other["area_m2"]}");
        }

        foreach (var unapproved in _runs.Json("supply", "supply.json")["supplied_without_approval"]!["parcel_ids"]!.AsArray())
        {
            Assert.True(idle.ContainsKey((string)unapproved!), $"{unapproved} is in supply.json but not in idle.json");
        }
    }

    [Fact]
    public void Infrastructure_measures_each_park_on_the_same_parcels_and_areas_as_idle()
    {
        var idle = ParcelsOf(_runs.Json("idle", "idle.json"));
        var attributes = SampleParcelAttributes();
        var suppliedOrBuilt = idle.Values
            .Where(p => attributes.TryGetValue((string)p["parcel_id"]!, out var a) && (Filled(a["supplied_on"]) || Filled(a["actual_start"])))
            .ToLookup(p => (string)p["park_id"]!);
        foreach (var park in _runs.Json("infrastructure", "infrastructure.json")["parks"]!.AsArray())
        {
            var id = (string)park!["park_id"]!;
            var parcels = suppliedOrBuilt[id].ToList();
            Assert.Equal(parcels.Count, park["supplied_parcels"]!.GetValue<int>());
            var area = parcels.Sum(p => p["area_m2"]!.GetValue<double>());
            Assert.True(Math.Abs(area - park["supplied_area_m2"]!.GetValue<double>()) < 1e-5 * parcels.Count + 1e-6,
                $"{id}: infrastructure {park["supplied_area_m2"]} m², idle {area} m²");
        }
    }

    [Fact]
    public void The_same_feature_has_the_same_data_issues_in_every_output()
    {
        // Issues the assessment makes once — reading, screening, placing parcels in parks — are the same, word for word,
        // in every output that uses the layer; a value two analyses read is reported in the same words by both.
        var outputs = new (string Name, JsonNode Json)[]
        {
            ("check", _runs.Json("check", "check.json")), ("supply", _runs.Json("supply", "supply.json")), ("idle", _runs.Json("idle", "idle.json")),
            ("intensity", _runs.Json("intensity", "intensity.json")), ("infrastructure", _runs.Json("infrastructure", "infrastructure.json")),
            ("scorecard", _runs.Json("scorecard", "scorecard.json")),
        };
        string[] screening = ["invalid_geometry", "geometry_repaired", "empty_geometry", "wrong_geometry_type", "duplicate_id", "missing_id", "empty_layer"];
        string[] placing = ["unknown_park_id", "parcel_without_park"];
        HashSet<(string, string, string, string)> Of(JsonNode json, string layer, string[] codes) =>
            IssuesOf(json).Where(i => i.Layer == layer && codes.Contains(i.Code)).ToHashSet();

        foreach (var layer in new[] { "parks", "parcels" })
        {
            var expected = Of(outputs[0].Json, layer, screening);
            if (layer == "parcels")
            {
                Assert.Contains(("parcels", "P02-011", "invalid_geometry"), expected.Select(i => (i.Item1, i.Item2, i.Item3)));
            }

            foreach (var (name, json) in outputs)
            {
                Assert.True(expected.SetEquals(Of(json, layer, screening)), $"{name}'s {layer} screening issues differ from check's");
            }
        }

        var placed = Of(outputs[1].Json, "parcels", placing);
        foreach (var (name, json) in outputs.Skip(1))
        {
            Assert.True(placed.SetEquals(Of(json, "parcels", placing)), $"{name}'s parcel-placement issues differ from supply's");
        }

        var idle = IssuesOf(outputs[2].Json).ToHashSet();
        foreach (var issue in IssuesOf(outputs[1].Json).Where(i => i.Layer == "parcels" && i.Code == "unparseable_value"))
        {
            Assert.True(idle.Contains(issue), $"supply reports {issue}, idle words the same value otherwise");
        }

        foreach (var (name, json) in outputs)
        {
            var issues = IssuesOf(json);
            Assert.True(issues.Count == issues.Distinct().Count(), $"{name} reports an issue twice");
        }
    }

    private static List<(string Layer, string Feature, string Code, string Message)> IssuesOf(JsonNode json) =>
        json["data_issues"]!.AsArray().Select(i => ((string)i!["layer"]!, (string)i["feature"]!, (string)i["code"]!, (string)i["message"]!)).ToList();

    [Fact]
    public void Every_scorecard_indicator_is_the_value_the_separate_command_writes()
    {
        var scorecard = _runs.Json("scorecard", "scorecard.json");
        Assert.Equal(2025, scorecard["year"]!.GetValue<int>());
        var check = ById(_runs.Json("check", "check.json")["parks"]!);
        var window = ById(_runs.Json("supply", "supply.json")["window"]!["parks"]!);
        var idleJson = _runs.Json("idle", "idle.json");
        var idleParks = ById(idleJson["parks"]!);
        var idleParcels = ParcelsOf(idleJson).Values.ToList();
        var intensity = ById(_runs.Json("intensity", "intensity.json")["parks"]!);
        var infrastructure = ById(_runs.Json("infrastructure", "infrastructure.json")["parks"]!);
        var leading = ById(scorecard["leading_industry"]!["parks"]!);
        foreach (var row in scorecard["parks"]!.AsArray())
        {
            var id = (string)row!["park_id"]!;
            var cells = row["indicators"]!;
            double? Value(string indicator) => cells[indicator]!["value"]?.GetValue<double>();
            void Same(string indicator, double? expected)
            {
                var actual = Value(indicator);
                Assert.True(expected is null ? actual is null : actual is { } a && Math.Abs(a - expected.Value) <= 1e-6 * Math.Max(1, Math.Abs(expected.Value)),
                    $"{id} {indicator}: scorecard {actual?.ToString(CultureInfo.InvariantCulture) ?? "null"}, separate command {expected?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
            }

            var conflicts = check[id]["conflicts"]!;
            Same("conflict_area_ha", (conflicts["ecological_redline"]!["area_m2"]!.GetValue<double>() + conflicts["permanent_farmland"]!["area_m2"]!.GetValue<double>()) / 10000);
            Same("conflict_patches", conflicts["ecological_redline"]!["patches"]!.GetValue<int>() + conflicts["permanent_farmland"]!["patches"]!.GetValue<int>());
            Same("supply_rate", window[id]["supply_rate"]?.GetValue<double>());
            var mine = idleParcels.Where(p => (string?)p["park_id"] == id).ToList();
            var supplied = mine.Where(p => (string)p["status"]! is not ("not_supplied" or "unknown")).Sum(p => p["area_m2"]!.GetValue<double>());
            var idle = mine.Where(p => (string)p["status"]! is "idle_unstarted" or "idle_halted" or "government_delay").Sum(p => p["area_m2"]!.GetValue<double>());
            Same("idle_rate", supplied > 0 ? idle / supplied : null);
            Same("idle_fees_wan", idleParks.TryGetValue(id, out var idlePark) ? idlePark["idle_fee_wan"]!.GetValue<double>() : 0);
            Same("output_per_mu_wan", intensity[id]["output_per_mu"]!["current_all_reporting"]?.GetValue<double>());
            Same("tax_per_mu_wan", intensity[id]["tax_per_mu"]?.GetValue<double>());
            Same("output_per_mu_progress", intensity[id]["output_per_mu"]!["growth"]?.GetValue<double>());
            Same("standard_land_failures", intensity[id]["standard_land_failures"]!.GetValue<int>());
            Same("leading_industry_share", leading[id]["share"]?.GetValue<double>());
            Same("infrastructure_coverage", infrastructure[id]["mean_coverage"]?.GetValue<double>());
        }
    }

    [Theory]
    [InlineData("check", "conflicts.geojson")]
    [InlineData("idle", "idle.geojson")]
    [InlineData("supply", "unsupplied.geojson")]
    [InlineData("supply", "unapproved_supply.geojson")]
    public void A_command_and_export_write_the_same_result_layer_byte_for_byte(string command, string file)
    {
        Assert.Equal(_runs.Text(command, file), _runs.Text("export", file));
    }

    [Fact]
    public void Export_writes_the_input_layers_it_copies_the_same_whatever_the_order_of_the_features_in_the_files()
    {
        // The copies of the input layers kept the file's order; every result was already order-independent.
        var reversed = SampleCopy.Make();
        foreach (var file in new[] { "parcels.geojson", "approvals.geojson", "roads.geojson" })
        {
            var path = Path.Combine(reversed, file);
            var collection = JsonNode.Parse(File.ReadAllText(path))!;
            var features = collection["features"]!.AsArray().Select(f => f!.DeepClone()).Reverse().ToArray();
            collection["features"] = new JsonArray(features);
            File.WriteAllText(path, collection.ToJsonString());
        }

        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("export", reversed, "--out", output, "--as-of", AsOf);

        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
        foreach (var file in new[] { "parcels.geojson", "approvals.geojson", "roads.geojson" })
        {
            Assert.True(_runs.Text("export", file) == File.ReadAllText(Path.Combine(output, file)), file + " differs with the features reversed");
        }
    }

    [Fact]
    public void The_scorecard_screens_each_layer_once()
    {
        var stderr = _runs.Stderr("scorecard");
        Assert.Equal(1, stderr.Split('\n').Count(l => l.Contains("正在筛查 parcels", StringComparison.Ordinal)));
        Assert.Equal(1, stderr.Split('\n').Count(l => l.Contains("正在筛查 parks", StringComparison.Ordinal)));
    }

    [Fact]
    public void Intensity_and_scorecard_state_the_as_of_date_they_took_from_the_year()
    {
        // Without --as-of both take 31 December of the year for the supply and idle status behind 土地供应率, 土地闲置率
        // and the scorecard's rates; a different date changes those figures, so every output says which date it used.
        Assert.Equal(AsOf, (string?)_runs.Json("intensity", "intensity.json")["as_of"]);
        Assert.Equal(AsOf, (string?)_runs.Json("scorecard", "scorecard.json")["rules"]!["as_of"]);
        Assert.Contains($"截至 {AsOf}", _runs.Stdout("intensity").Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains($"截至 {AsOf}", _runs.Stdout("scorecard").Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_intensity_workbook_states_the_as_of_date_intensity_json_states()
    {
        var folder = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of(["intensity", RepositoryPaths.OrdosSample, "--out", folder, "--year", Year, "--xlsx"]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var dates = WorkbookReading.Read(Path.Combine(folder, "intensity.xlsx")).SelectMany(s => s.Rows)
            .Where(r => r.Count > 1 && r[0].Text == "统计截止日期").Select(r => r[1].Text).ToList();
        Assert.Equal([AsOf], dates);
    }

    [Fact]
    public void The_scorecard_shows_a_park_conflict_area_as_its_banner_table_does()
    {
        // P04 has no red-line or farmland conflict; its 旗区 row says 0.00 公顷 for the same figure, so its park row must too.
        var rows = _runs.Stdout("scorecard").Split('\n');
        var park = rows.First(l => l.Contains("P04 蒙苏经济开发区", StringComparison.Ordinal));
        var banner = rows.First(l => l.StartsWith("鄂托克前旗 ", StringComparison.Ordinal));
        Assert.Contains(" 0.00 ", banner, StringComparison.Ordinal);
        Assert.Matches(@"%\s+0\.00\s+0\s", park);
    }

    [Fact]
    public void The_idle_total_row_says_when_it_is_not_the_sum_of_the_rounded_rows_above()
    {
        // On 2026-06-30 the parks' idle 亩 add up to 7,823.23 as shown, the 合计 (from unrounded areas) is 7,823.22.
        var folder = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of(["idle", RepositoryPaths.OrdosSample, "--out", folder, "--as-of", "2026-06-30"]);
        Assert.True(run.ExitCode == 1, run.ToString());
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "idle.json")))!;
        static decimal Shown(JsonNode? m2) => Math.Round((decimal)(m2!.GetValue<double>() * 15 / 10000), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(7823.23m, json["parks"]!.AsArray().Sum(p => Shown(p!["idle_m2"])));
        Assert.Equal(7823.22m, Shown(json["totals"]!["idle_m2"]));
        Assert.Contains("  注：合计由未取整的数值算出，与上表各行取整后之和的差来自四舍五入。", run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    private static Dictionary<string, JsonNode> ParcelsOf(JsonNode json) =>
        json["parcels"]!.AsArray().ToDictionary(p => (string)p!["parcel_id"]!, p => p!, StringComparer.Ordinal);

    private static Dictionary<string, JsonNode> ById(JsonNode array) =>
        array.AsArray().ToDictionary(p => (string)p!["park_id"]!, p => p!, StringComparer.Ordinal);

    private static bool Filled(JsonNode? value) => value is not null && value.ToString().Trim().Length > 0;

    private static Dictionary<string, JsonNode> SampleParcelAttributes() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.OrdosSample, "parcels.geojson")))!["features"]!.AsArray()
            .Select(f => f!["properties"]!)
            .GroupBy(p => (string)p["parcel_id"]!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Each command run once on the sample for the whole class.</summary>
    public sealed class SampleRuns
    {
        private readonly Dictionary<string, (string Folder, CliRun Run)> _runs = [];

        public SampleRuns()
        {
            Run("check");
            Run("supply", "--as-of", AsOf);
            Run("idle", "--as-of", AsOf);
            Run("intensity", "--year", Year);
            Run("infrastructure");
            Run("scorecard", "--year", Year);
            Run("export", "--as-of", AsOf);
        }

        public JsonNode Json(string command, string file) => JsonNode.Parse(Text(command, file))!;

        public string Text(string command, string file) => File.ReadAllText(Path.Combine(_runs[command].Folder, file));

        public string Stderr(string command) => _runs[command].Run.Stderr;

        public string Stdout(string command) => _runs[command].Run.Stdout;

        private void Run(string command, params string[] options)
        {
            var folder = RepositoryPaths.NewTempFolder();
            var run = CliRun.Of([command, RepositoryPaths.OrdosSample, "--out", folder, .. options]);
            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            _runs[command] = (folder, run);
        }
    }
}
