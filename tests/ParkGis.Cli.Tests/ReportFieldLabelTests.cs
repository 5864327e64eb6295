using System.Text.Json;
using ParkGis.Core.Data;

namespace ParkGis.Cli.Tests;

/// <summary>
/// The report's popups name fields from ParkGis's one field-label table (FieldLabels), in the run's language: the page
/// carries the labels, and every field of every layer drawn from the sample has one.
/// </summary>
public sealed class ReportFieldLabelTests
{
    /// <summary>What a popup never lists as a field row: the area (its own row), codes shown through their labels.</summary>
    private static readonly HashSet<string> Hidden = ["area_m2", "area_mu", "area_ha", "kind", "severity", "kind_zh", "status_zh", "status"];

    [Theory]
    [InlineData("zh", "土地价款", "万元", "批次名称")]
    [InlineData("en", "Land price", "10k yuan", "Batch name")]
    public void Report_popups_label_every_field_of_the_sample_in_the_runs_language(string language, string landPrice, string landPriceUnit, string batchName)
    {
        var output = RepositoryPaths.NewTempFolder();
        var run = CliRun.Of("report", RepositoryPaths.OrdosSample, "--as-of", "2026-06-30", "--out", output, "--lang", language);
        Assert.True(run.ExitCode == 1, run.ToString());
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        using var data = JsonDocument.Parse(Script(html, "parkgis-data"));
        var labels = data.RootElement.GetProperty("field_labels");
        Assert.Equal(landPrice, labels.GetProperty("land_price_wan")[0].GetString());
        Assert.Equal(landPriceUnit, labels.GetProperty("land_price_wan")[1].GetString());
        Assert.Equal(batchName, labels.GetProperty("batch_name")[0].GetString());
        Assert.Equal(FieldLabels.Fields.Count, labels.EnumerateObject().Count());

        var unlabelled = new SortedSet<string>(StringComparer.Ordinal);
        var layers = 0;
        foreach (var layer in data.RootElement.GetProperty("layers").EnumerateArray().Where(l => l.TryGetProperty("script", out _)))
        {
            layers++;
            using var geojson = JsonDocument.Parse(Script(html, layer.GetProperty("script").GetString()!));
            foreach (var feature in geojson.RootElement.GetProperty("features").EnumerateArray())
            {
                foreach (var property in feature.GetProperty("properties").EnumerateObject().Where(p => !Hidden.Contains(p.Name) && !labels.TryGetProperty(p.Name, out _)))
                {
                    unlabelled.Add($"{layer.GetProperty("name").GetString()}.{property.Name}");
                }
            }
        }

        Assert.True(layers > 5, $"only {layers} layers drawn inline");
        Assert.True(unlabelled.Count == 0, "fields a popup would show under their raw name: " + string.Join(", ", unlabelled));
    }

    [Fact]
    public void A_column_named_by_a_fields_Chinese_label_is_read_as_that_field()
    {
        foreach (var field in FieldLabels.Fields)
        {
            var chinese = FieldLabels.ChineseName(field)!;
            Assert.Contains(chinese, c => c is >= '\u4E00' and <= '\u9FFF');
            var name = chinese.Split('（')[0]; // 认定状态（原台账）: the bureau's recorded value of 认定状态
            foreach (var role in new[] { LayerRole.Parks, LayerRole.Parcels, LayerRole.Approvals })
            {
                var aliases = FieldAliases.Of(role, field);
                Assert.True(aliases.Count == 0 || aliases.Contains(name), $"{role} {field}: labelled {chinese}, which the reader does not take for it ({string.Join("、", aliases)})");
            }
        }
    }

    private static string Script(string html, string id)
    {
        var open = $"<script type=\"application/json\" id=\"{id}\">";
        var start = html.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no script element {id}");
        start += open.Length;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }
}
