using System.Diagnostics;

namespace ParkGis.Cli.Tests;

/// <summary>Layers and fields named in Chinese or by the national database standards, read without parkgis.json.</summary>
public sealed class ChineseNamesTests
{
    /// <summary>The sample as GBK shapefiles named 园区范围.shp, 生态保护红线.shp, YJJBNTBHTB.shp, CZKFBJ.shp, 批次.shp, ZD.shp ….</summary>
    internal static string ChineseSample() =>
        ParkGis.Tests.Shared.ChineseSample.Write(RepositoryPaths.Root, RepositoryPaths.OrdosSample, RepositoryPaths.NewTempFolder());

    [OgrToolsFact]
    public void The_sample_with_Chinese_layer_and_field_names_gives_the_same_check_json_without_parkgis_json()
    {
        var chinese = ChineseSample();
        Assert.False(File.Exists(Path.Combine(chinese, "parkgis.json")));
        Assert.True(File.Exists(Path.Combine(chinese, "园区范围.cpg")));
        var original = RepositoryPaths.NewTempFolder();
        var translated = RepositoryPaths.NewTempFolder();

        var originalRun = CliRun.Of("check", RepositoryPaths.OrdosSample, "--out", original);
        var translatedRun = CliRun.Of("check", chinese, "--out", translated);

        Assert.True(originalRun.ExitCode == translatedRun.ExitCode, translatedRun.ToString());
        Assert.DoesNotContain("missing_id", translatedRun.Stdout + translatedRun.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(original, "check.json")), File.ReadAllText(Path.Combine(translated, "check.json")));
    }

    [OgrToolsFact]
    public void A_mapping_to_a_field_the_layer_lacks_is_PG0301_naming_the_fields_it_has()
    {
        var chinese = ChineseSample();
        File.WriteAllText(Path.Combine(chinese, "parkgis.json"), """{ "layers": { "parks": { "fields": { "park_id": "园区编码" } } } }""");
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("check", chinese, "--out", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0301", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("园区编码", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("园区编号, 园区名称", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }
}
