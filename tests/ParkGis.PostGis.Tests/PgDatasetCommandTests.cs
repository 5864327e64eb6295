using System.Text.Json.Nodes;
using Npgsql;

namespace ParkGis.PostGis.Tests;

/// <summary>
/// Every command on a <c>pg:</c> dataset imported from the sample gives the figures it gives on the folder, and no
/// line it prints shows the password (the test logs in as a role with a password that would show).
/// </summary>
public sealed class PgDatasetCommandTests : IClassFixture<PgDatasetCommandTests.ImportedSample>
{
    private const string Secret = "Zq7-Secret-Pass";
    private readonly ImportedSample _sample;

    public PgDatasetCommandTests(ImportedSample sample) => _sample = sample;

    public static TheoryData<string, string, string[]> CommandsWithJson => new()
    {
        { "check", "check.json", [] },
        { "supply", "supply.json", ["--as-of", "2026-06-30"] },
        { "idle", "idle.json", ["--as-of", "2026-06-30"] },
        { "intensity", "intensity.json", ["--year", "2025"] },
        { "infrastructure", "infrastructure.json", [] },
        { "scorecard", "scorecard.json", ["--year", "2025"] },
    };

    [PgFact]
    public void The_import_keeps_the_settings_and_the_economics_table()
    {
        Assert.Equal(1L, _sample.Database.Scalar($"SELECT count(*) FROM \"{_sample.Database.Schema}\".parkgis_config"));
        Assert.True((long)_sample.Database.Scalar($"SELECT count(*) FROM \"{_sample.Database.Schema}\".parkgis_economics")! > 0);
    }

    [PgTheory]
    [MemberData(nameof(CommandsWithJson))]
    public void A_command_on_the_imported_schema_writes_the_figures_it_writes_on_the_folder(string command, string file, string[] options)
    {
        var folder = Run([command, Paths.Sample, .. options]);
        var database = Run([command, _sample.Dataset, .. options]);

        Assert.Equal(folder.Exit, database.Exit);
        var expected = Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Output, file)))!);
        var actual = Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(database.Output, file)))!);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{command}: {file} differs between the folder and the pg: dataset\nfolder: {expected}\npg: {actual}");
    }

    [PgFact]
    public void Check_with_the_postgis_engine_writes_the_banner_totals_the_local_engine_writes_not_null()
    {
        var local = Run(["check", Paths.Sample]);
        var database = Run(["check", _sample.Dataset, "--engine", "postgis"]);

        var localJson = JsonNode.Parse(File.ReadAllText(Path.Combine(local.Output, "check.json")))!;
        var expected = localJson["banners"]!.AsArray();
        var parkArea = localJson["parks"]!.AsArray().ToDictionary(p => p!["park_id"]!.GetValue<string>(), p => p!["area_m2"]!.GetValue<double>());
        var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(database.Output, "check.json")))!["banners"];
        Assert.NotNull(actual);
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected.Count, actual.AsArray().Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i]!, actual[i]!);
            Assert.Equal(e["banner"]!.GetValue<string>(), a["banner"]!.GetValue<string>());
            Assert.Equal(e["park_ids"]!.ToJsonString(), a["park_ids"]!.ToJsonString());
            foreach (var kind in new[] { "ecological_redline", "permanent_farmland", "outside_urban_boundary" })
            {
                var (le, la) = (e["conflicts"]![kind]!, a["conflicts"]![kind]!);
                Assert.Equal(le["checked"]!.GetValue<bool>(), la["checked"]!.GetValue<bool>());
                // The engines agree to 1e-6 of the parks' area (slivers one overlay keeps and the other drops: docs/cli.md).
                var scale = e["park_ids"]!.AsArray().Sum(id => parkArea[id!.GetValue<string>()]);
                var area = le["area_m2"]!.GetValue<double>();
                Assert.True(Math.Abs(area - la["area_m2"]!.GetValue<double>()) <= 1e-6 * scale, $"{e["banner"]} {kind}: {area} vs {la["area_m2"]}");
            }
        }
    }

    [PgFact]
    public void Info_export_report_and_boundary_points_run_on_the_imported_schema_as_on_the_folder()
    {
        var folderInfo = Cli.Run("info", Paths.Sample, "--format", "json");
        var databaseInfo = Cli.Run("info", _sample.Dataset, "--format", "json");
        // The sample's bow-tie parcel P02-011 is a geometry problem, a data issue: exit 1 in both.
        Assert.Equal(folderInfo.Exit, databaseInfo.Exit);
        AssertClean(databaseInfo.Exit, databaseInfo.Stdout, databaseInfo.Stderr, 1);
        static IEnumerable<string> Counts(string json) => JsonNode.Parse(json)!["layers"]!.AsArray()
            .Select(l => $"{l!["role"]} {l["features"]} {l["valid_polygons"]} {l["crs"]}");
        Assert.Equal(Counts(folderInfo.Stdout), Counts(databaseInfo.Stdout));

        var folder = Run(["export", Paths.Sample, "--as-of", "2026-06-30"]);
        var database = Run(["export", _sample.Dataset, "--as-of", "2026-06-30"]);
        Assert.Equal(folder.Exit, database.Exit);
        foreach (var result in new[] { "conflicts.geojson", "unsupplied.geojson", "unapproved_supply.geojson", "idle.geojson" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder.Output, result)), File.ReadAllText(Path.Combine(database.Output, result)));
        }

        var report = Run(["report", _sample.Dataset, "--as-of", "2026-06-30"]);
        var html = File.ReadAllText(Path.Combine(report.Output, "index.html"));
        Assert.Contains("Schema=" + _sample.Database.Schema, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);

        var points = Run(["boundary-points", _sample.Dataset, "--park", "P03"]);
        var pointsOnFolder = Run(["boundary-points", Paths.Sample, "--park", "P03"]);
        Assert.Equal(File.ReadAllText(Path.Combine(pointsOnFolder.Output, "boundary-points.csv")), File.ReadAllText(Path.Combine(points.Output, "boundary-points.csv")));
    }

    [PgFact]
    public void Import_copies_a_pg_dataset_into_another_schema_with_the_same_figures()
    {
        using var copy = new TestDatabase();
        var target = _sample.WithPassword(copy.Argument);
        var (exit, stdout, stderr) = Cli.Run("import", _sample.Dataset, "--to", target);
        AssertClean(exit, stdout, stderr, 0);

        var original = Run(["scorecard", _sample.Dataset, "--year", "2025"]);
        var copied = Run(["scorecard", target, "--year", "2025"]);
        var expected = Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(original.Output, "scorecard.json")))!);
        var actual = Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(copied.Output, "scorecard.json")))!);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"scorecard.json differs between the schema and its copy\n{expected}\n{actual}");
    }

    /// <summary>
    /// The JSON without what names the source: messages (they quote file names) and the name of the economics table
    /// (<c>economics.csv</c> in a folder, <c>SCHEMA.parkgis_economics</c> in a database), issues then in one order;
    /// figures and issue codes stay.
    /// </summary>
    internal static JsonNode Figures(JsonNode json)
    {
        var copy = json.DeepClone();
        if (copy["data_issues"] is JsonArray issues)
        {
            var normalised = issues.Select(i =>
            {
                var issue = i!.AsObject();
                var layer = issue["layer"]!.GetValue<string>();
                return new JsonObject
                {
                    ["layer"] = layer == "economics.csv" || layer.EndsWith(".parkgis_economics", StringComparison.Ordinal) ? "economics" : layer,
                    ["feature"] = issue["feature"]!.GetValue<string>(),
                    ["code"] = issue["code"]!.GetValue<string>(),
                };
            }).OrderBy(i => i.ToJsonString(), StringComparer.Ordinal).ToList();
            copy.AsObject()["data_issues"] = new JsonArray([.. normalised]);
        }

        return copy;
    }

    private static void AssertClean(int exit, string stdout, string stderr, params int[] exits)
    {
        Assert.True(exits.Contains(exit), $"exit {exit}\n{stdout}\n{stderr}");
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Run(string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), "parkgis-tests", Guid.NewGuid().ToString("N"));
        var (exit, stdout, stderr) = Cli.Run([.. args, "--out", output]);
        AssertClean(exit, stdout, stderr, 0, 1);
        return (exit, output);
    }

    /// <summary>The sample imported once into a schema, read through a role whose password would show if printed.</summary>
    public sealed class ImportedSample : IDisposable
    {
        private readonly string? _role;

        public ImportedSample()
        {
            Database = new TestDatabase();
            if (TestDatabase.ConnectionString is null)
            {
                Dataset = string.Empty;
                return;
            }

            _role = "p16_" + Database.Schema;
            using (var connection = Database.Open())
            using (var create = new NpgsqlCommand($"CREATE ROLE \"{_role}\" LOGIN SUPERUSER PASSWORD '{Secret}'", connection))
            {
                create.ExecuteNonQuery();
            }

            Dataset = WithPassword(Database.Argument);
            var (exit, stdout, stderr) = Cli.Run("import", Paths.Sample, "--to", Dataset);
            AssertClean(exit, stdout, stderr, 0);
        }

        internal TestDatabase Database { get; }

        /// <summary><c>pg:…</c> of the imported schema, logging in as the test role.</summary>
        public string Dataset { get; }

        /// <summary>A <c>pg:</c> argument with the test role and its password instead of the server's login.</summary>
        public string WithPassword(string argument)
        {
            var builder = new NpgsqlConnectionStringBuilder(argument["pg:".Length..].Split(";Schema=")[0]) { Username = _role, Password = Secret };
            return $"pg:{builder.ConnectionString};Schema={argument.Split(";Schema=")[1]}";
        }

        public void Dispose()
        {
            Database.Dispose();
            if (_role is not null)
            {
                using var connection = Database.Open();
                using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{_role}\"", connection);
                drop.ExecuteNonQuery();
            }
        }
    }
}
