using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkGis.Cli.Tests;

/// <summary>未批先供 with and without a land-use survey layer (docs/rules.md#supply-unapproved).</summary>
public sealed class ExistingConstructionTests
{
    [Fact]
    public void A_supplied_parcel_on_existing_construction_land_of_a_DLTB_layer_is_no_longer_unapproved_supply()
    {
        var data = SampleCopy.Make();
        var before = Supply(data);
        var unapproved = before.RootElement.GetProperty("supplied_without_approval");
        Assert.False(unapproved.GetProperty("existing_construction_checked").GetBoolean());
        var first = unapproved.GetProperty("parcel_ids")[0].GetString()!;

        // A 三调 patch of 建制镇 land (CZCSXM 202, state-owned) exactly under that parcel, and a farmland patch under another.
        var parcels = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "parcels.geojson")))!.AsObject();
        var parcel = parcels["features"]!.AsArray().Single(f => (string?)f!["properties"]!["parcel_id"] == first)!;
        var second = unapproved.GetProperty("parcel_ids")[1].GetString()!;
        var farmland = parcels["features"]!.AsArray().Single(f => (string?)f!["properties"]!["parcel_id"] == second)!;
        var survey = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["crs"] = parcels["crs"]!.DeepClone(),
            ["features"] = new JsonArray(
                Patch("T1", parcel, dlbm: "0602", czcsxm: "202"),
                Patch("T2", farmland, dlbm: "0103", czcsxm: null)),
        };
        File.WriteAllText(Path.Combine(data, "DLTB.geojson"), survey.ToJsonString());

        var after = Supply(data).RootElement.GetProperty("supplied_without_approval");

        Assert.True(after.GetProperty("existing_construction_checked").GetBoolean());
        var ids = after.GetProperty("parcel_ids").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.DoesNotContain(first, ids);
        Assert.Contains(second, ids);
        Assert.True(after.GetProperty("area_m2").GetDouble() < unapproved.GetProperty("area_m2").GetDouble());
    }

    private static JsonObject Patch(string id, JsonNode parcel, string dlbm, string? czcsxm) => new()
    {
        ["type"] = "Feature",
        ["properties"] = new JsonObject { ["BSM"] = id, ["DLBM"] = dlbm, ["CZCSXM"] = czcsxm, ["QSXZ"] = "20" },
        ["geometry"] = parcel["geometry"]!.DeepClone(),
    };

    private static JsonDocument Supply(string data)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("supply", data, "--as-of", "2026-06-30", "--out", output);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            !File.Exists(Path.Combine(data, "DLTB.geojson")),
            run.Stdout.Contains("未能排除存量建设用地", StringComparison.Ordinal));
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "supply.json")));
    }
}
