using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ParkGis.PostGis.Tests;

/// <summary>
/// A bureau's PostGIS schema named as its shapefiles were: the sample converted to Chinese layer and field names and
/// the national standard codes (tests/ParkGis.Cli.Tests/Fixtures/chinese-sample.sh), imported, its tables renamed to
/// those layer names (园区范围, 生态保护红线, YJJBNTBHTB, CZKFBJ, 批次, ZD, 道路 …), checked as a <c>pg:</c> dataset.
/// </summary>
public sealed class ChineseNamesPgTests
{
    private static readonly (string Table, string Chinese)[] Renamed =
    [
        ("parks", "园区范围"), ("ecological_redline", "生态保护红线"), ("permanent_farmland", "YJJBNTBHTB"), ("urban_boundary", "CZKFBJ"),
        ("approvals", "批次"), ("parcels", "ZD"), ("roads", "道路"), ("water_supply", "给水"), ("drainage", "排水"), ("sewage", "污水"),
        ("power", "供电"), ("gas", "燃气"), ("heating", "供热"), ("telecom", "通信"), ("steam", "蒸汽"),
    ];

    [PgFact]
    public void A_schema_with_Chinese_table_and_column_names_gives_the_check_json_figures_of_the_sample_folder()
    {
        using var db = new TestDatabase();
        var (imported, importOut, importErr) = Cli.Run("import", ChineseSample(), "--to", db.Argument);
        Assert.True(imported == 0, $"exit {imported}\n{importOut}\n{importErr}");
        using (var connection = db.Open())
        {
            foreach (var (table, chinese) in Renamed)
            {
                using var rename = new Npgsql.NpgsqlCommand($"ALTER TABLE \"{db.Schema}\".\"{table}\" RENAME TO \"{chinese}\"", connection);
                rename.ExecuteNonQuery();
            }
        }

        Assert.Equal(0L, db.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename = 'parks'", db.Schema));
        var folder = Run("check", Paths.Sample);
        var database = Run("check", db.Argument);

        Assert.True(folder.Exit == database.Exit, database.Log);
        Assert.DoesNotContain("missing_id", database.Log, StringComparison.Ordinal);
        var expected = PgDatasetCommandTests.Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Output, "check.json")))!);
        var actual = PgDatasetCommandTests.Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(database.Output, "check.json")))!);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"check.json differs between the folder and the Chinese-named pg: dataset\nfolder: {expected}\npg: {actual}");
        Assert.True(((JsonArray)actual["parks"]!).Count == 8, database.Log);
    }

    private static (int Exit, string Output, string Log) Run(string command, string dataset)
    {
        var output = Path.Combine(Path.GetTempPath(), "parkgis-tests", Guid.NewGuid().ToString("N"));
        var (exit, stdout, stderr) = Cli.Run(command, dataset, "--out", output);
        Assert.True(exit is 0 or 1, $"exit {exit}\n{stdout}\n{stderr}");
        return (exit, output, $"exit {exit}\n{stdout}\n{stderr}");
    }

    /// <summary>The sample as a bureau's GBK shapefiles with Chinese names (needs ogr2ogr, which tests/setup.d installs).</summary>
    private static string ChineseSample() =>
        ParkGis.Tests.Shared.ChineseSample.Write(Paths.Repository, Paths.Sample, Path.Combine(Path.GetTempPath(), "parkgis-tests", Guid.NewGuid().ToString("N")));
}
