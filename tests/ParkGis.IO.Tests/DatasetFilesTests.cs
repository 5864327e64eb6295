using System.Diagnostics;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.IO.Intensity;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// Special and outside files (issue 15): a FIFO or a device is refused before it is opened (PG0110), and every file a
/// dataset names — layers, shapefile companions, parkgis.json, the economics table — must resolve inside the dataset
/// folder (PG0111), so that a symlink or a path cannot bring another file's content into an output or a message.
/// </summary>
public sealed class DatasetFilesTests
{
    private const string Secret = "root:SECRET-HASH:19000:0:99999:7:::";

    [Fact]
    public async Task A_fifo_named_parks_geojson_is_refused_at_once_instead_of_hanging()
    {
        using var folder = new TestFolder();
        MakeFifo(folder.File("parks.geojson"));

        var error = await ReadWithin(folder.Path);

        Assert.Equal(ErrorCodes.NotRegularFile, error.Code);
        Assert.Equal("parks.geojson", error.InputName);
        Assert.Contains("named pipe (FIFO)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parks.gpkg")]
    [InlineData("parkgis.json")]
    [InlineData("parks.dbf")]
    public async Task A_fifo_as_a_geopackage_a_configuration_or_a_shapefile_companion_is_refused(string name)
    {
        using var folder = new TestFolder();
        if (name != "parks.gpkg")
        {
            new RawShapefile().Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "甲").Write(folder.Path);
            File.Delete(folder.File(name));
        }

        MakeFifo(folder.File(name));

        var error = await ReadWithin(folder.Path);

        Assert.Equal(ErrorCodes.NotRegularFile, error.Code);
        Assert.Equal(name, error.InputName);
    }

    [Fact]
    public async Task A_symlink_to_dev_zero_is_refused_without_reading_it()
    {
        using var folder = new TestFolder();
        File.CreateSymbolicLink(folder.File("parks.geojson"), "/dev/zero");

        var error = await ReadWithin(folder.Path);

        Assert.Equal(ErrorCodes.OutsideDataset, error.Code);
        Assert.Contains("/dev/zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_of_symlinks_through_the_dataset_folder_that_ends_outside_it_is_refused()
    {
        using var folder = new TestFolder();
        Directory.CreateDirectory(folder.File("links"));
        File.CreateSymbolicLink(folder.File("links/null-link"), "/dev/null");
        File.CreateSymbolicLink(folder.File("parks.geojson"), folder.File("links/null-link"));

        var error = await ReadWithin(folder.Path);

        Assert.Equal(ErrorCodes.OutsideDataset, error.Code);
        Assert.Contains("/dev/null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_only_shares_the_dataset_folder_name_as_a_prefix_is_outside()
    {
        Assert.True(ParkGis.IO.Files.RealPath.IsSameOrUnder("/data/set/a.shp", "/data/set"));
        Assert.False(ParkGis.IO.Files.RealPath.IsSameOrUnder("/data/settle/a.shp", "/data/set"));
        Assert.False(ParkGis.IO.Files.RealPath.IsSameOrUnder("/data/a.shp", "/data/set"));
    }

    [Fact]
    public void A_symlink_to_a_layer_inside_the_dataset_folder_is_read()
    {
        using var folder = new TestFolder().Write("v2.geojson", TestFolder.GeoJson(null, ("""{"park_id":"P1"}""", 109.78, 39.61)));
        File.CreateSymbolicLink(folder.File("parks.geojson"), "v2.geojson");

        Assert.Single(DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!.Features);
    }

    [Theory]
    [InlineData("parks.geojson")]
    [InlineData("parks.dbf")]
    [InlineData("parkgis.json")]
    public async Task A_symlink_from_the_dataset_to_a_file_outside_it_is_refused_and_its_content_never_printed(string name)
    {
        using var outside = new TestFolder().Write("secret.txt", Secret);
        using var folder = new TestFolder();
        new RawShapefile().Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "甲").Write(folder.Path);
        if (name == "parks.geojson")
        {
            foreach (var part in Directory.GetFiles(folder.Path))
            {
                File.Delete(part);
            }
        }
        else
        {
            File.Delete(folder.File(name));
        }

        File.CreateSymbolicLink(folder.File(name), outside.File("secret.txt"));

        var error = await ReadWithin(folder.Path);

        Assert.Equal(ErrorCodes.OutsideDataset, error.Code);
        Assert.Equal(name, error.InputName);
        Assert.DoesNotContain("SECRET", error.Message + error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("dot-dot")]
    [InlineData("symlinked default name")]
    [InlineData("symlinked configured name")]
    public void An_economics_table_outside_the_dataset_is_refused_and_its_first_line_never_printed(string how)
    {
        using var outside = new TestFolder().Write("shadow", Secret + "\n");
        using var folder = new TestFolder();
        var settings = ParkGis.IO.Configuration.EconomicsSettings.Default;
        switch (how)
        {
            case "absolute":
                settings = settings with { Source = outside.File("shadow") };
                break;
            case "dot-dot":
                settings = settings with { Source = Path.Combine("..", Path.GetFileName(outside.Path), "shadow") };
                break;
            case "symlinked default name":
                File.CreateSymbolicLink(folder.File("economics.csv"), outside.File("shadow"));
                break;
            default:
                File.CreateSymbolicLink(folder.File("经济指标.csv"), outside.File("shadow"));
                settings = settings with { Source = "经济指标.csv" };
                break;
        }

        var error = Assert.Throws<UnusableInputException>(() => EconomicsTableReader.ReadFrom(folder.Path, settings));

        Assert.Equal(ErrorCodes.OutsideDataset, error.Code);
        Assert.DoesNotContain("SECRET", error.Message + error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_economics_source_given_as_an_absolute_path_in_parkgis_json_is_refused()
    {
        using var folder = new TestFolder().Write("parkgis.json", """{ "economics": { "source": "/etc/shadow" } }""");

        var settings = ParkGis.IO.Configuration.ParkGisConfiguration.Load(Path.Combine(folder.Path, "parkgis.json")).Economics;
        var error = Assert.Throws<UnusableInputException>(() => EconomicsTableReader.ReadFrom(folder.Path, settings));

        Assert.Equal(ErrorCodes.OutsideDataset, error.Code);
    }

    [Fact]
    public async Task A_layer_source_naming_a_file_outside_the_dataset_stays_refused()
    {
        using var outside = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"P1"}""", 109.78, 39.61)));
        using var folder = new TestFolder().Write("parkgis.json", "{ \"layers\": { \"parks\": { \"source\": \"../" + Path.GetFileName(outside.Path) + "/parks.geojson\" } } }");

        var error = await ReadWithin(folder.Path);

        Assert.Equal(ErrorCodes.InvalidConfiguration, error.Code);
    }

    [Fact]
    public async Task A_fifo_given_as_a_rules_file_is_refused()
    {
        using var folder = new TestFolder();
        MakeFifo(folder.File("rules.json"));

        var error = await Task.Run(() => Assert.Throws<UnusableInputException>(() => IntensityRulesReader.Load(folder.File("rules.json")))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ErrorCodes.NotRegularFile, error.Code);
    }

    /// <summary>Reads the dataset on another thread, so that a regression hangs this test for 30 s, not forever.</summary>
    private static Task<UnusableInputException> ReadWithin(string folder) =>
        Task.Run(() => Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder))).WaitAsync(TimeSpan.FromSeconds(30));

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "mkfifo failed: " + process.StandardError.ReadToEnd());
    }
}
