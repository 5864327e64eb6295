using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.IO.Datasets;

namespace ParkGis.Cli.Tests;

public sealed class BoundaryPointsCommandTests
{
    /// <summary>A 200 m square with a 100 m square hole in EPSG:4545 (CM 108°E, no prefix): 3 公顷.</summary>
    private const string ParkWithHole = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}},"features":[
         {"type":"Feature","properties":{"park_id":"P1","name":"鄂托克经济开发区"},"geometry":{"type":"Polygon","coordinates":[
          [[395000,4386000],[395200,4386000],[395200,4386200],[395000,4386200],[395000,4386000]],
          [[395050,4386050],[395050,4386150],[395150,4386150],[395150,4386050],[395050,4386050]]]}}]}
        """;

    [Fact]
    public void The_table_has_closed_rings_edge_lengths_and_the_area_in_hectares()
    {
        var data = Dataset(ParkWithHole);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("boundary-points", data, "--park", "P1", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = File.ReadAllBytes(Path.Combine(output, "boundary-points.csv"));
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel");
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("地块,圈号,点号,X(北),Y(东),边长(米)", lines[0]);
        Assert.Equal("1,1,J1,4386200.000,36395000.000,200.00", lines[1]);
        Assert.Equal("1,1,J2,4386200.000,36395200.000,200.00", lines[2]);
        Assert.Equal("1,1,J1,4386200.000,36395000.000,", lines[5]);
        Assert.Equal("1,2,J5,4386150.000,36395050.000,100.00", lines[6]);
        Assert.Contains("面积(公顷),3.0000", lines);
        Assert.Contains("3.0000 公顷", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_the_written_txt_back_gives_the_same_polygon()
    {
        var data = Dataset(ParkWithHole);
        var output = RepositoryPaths.NewTempFolder();
        Assert.Equal(0, CliRun.Of("boundary-points", data, "--park", "P1", "--out", output).ExitCode);
        var again = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(again);
        File.Copy(Path.Combine(output, "boundary-points.txt"), Path.Combine(again, "parks.txt"));

        var original = DatasetReader.Read(data).Find(LayerRole.Parks)!;
        var readBack = DatasetReader.Read(again).Find(LayerRole.Parks)!;

        Assert.Equal(4524, readBack.Crs.Epsg);
        var expected = CrsTransform.Create(original.Crs, readBack.Crs).Apply(original.Features[0].Geometry);
        var actual = Assert.Single(readBack.Features).Geometry;
        Assert.True(expected.Normalized().EqualsExact(actual.Normalized(), 0.0005), $"{expected} vs {actual}");
        Assert.Equal("鄂托克经济开发区", readBack.Features[0].Attributes["地块名称"]);
    }

    [Fact]
    public void A_lon_lat_park_is_written_in_the_3_degree_zone_of_its_centre_with_the_prefix()
    {
        var data = Dataset("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"park_id":"P9"},
             "geometry":{"type":"Polygon","coordinates":[[[109.78,39.61],[109.79,39.61],[109.79,39.62],[109.78,39.62],[109.78,39.61]]]}}]}
            """);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("boundary-points", data, "--park", "P9", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var txt = File.ReadAllText(Path.Combine(output, "boundary-points.txt"), Encoding.GetEncoding(936));
        Assert.Contains("带号=37\r\n", txt, StringComparison.Ordinal);
        var firstRow = txt.Split("\r\n").First(l => l.StartsWith("J1,", StringComparison.Ordinal)).Split(',');
        Assert.StartsWith("37", firstRow[3], StringComparison.Ordinal);
        Assert.InRange(double.Parse(firstRow[2], CultureInfo.InvariantCulture), 4_386_000, 4_389_000);
    }

    [Fact]
    public void An_unknown_park_exits_3_listing_the_known_ids_and_writes_nothing()
    {
        var data = Dataset(ParkWithHole);
        var output = RepositoryPaths.NewTempFolder();

        var run = CliRun.Of("boundary-points", data, "--park", "P7", "--out", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0108:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("已知的园区编号：P1。", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_output_folder_with_other_files_is_only_written_with_overwrite()
    {
        var data = Dataset(ParkWithHole);
        var output = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        var refused = CliRun.Of("boundary-points", data, "--park", "P1", "--out", output);
        var forced = CliRun.Of("boundary-points", data, "--park", "P1", "--out", output, "--overwrite");
        var rerun = CliRun.Of("boundary-points", Dataset(ParkWithHole), "--park", "P1", "--out", Path.Combine(output, "again"));
        var refreshed = CliRun.Of("boundary-points", data, "--park", "P1", "--out", Path.Combine(output, "again"));

        Assert.True(refused.ExitCode == 3 && refused.Stderr.Contains("PG0401", StringComparison.Ordinal), refused.ToString());
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.True(rerun.ExitCode == 0 && refreshed.ExitCode == 0, "a folder holding only this command's files is refreshed: " + refreshed);
    }

    [Fact]
    public void A_park_with_a_million_vertices_is_read_and_tabled()
    {
        var data = Dataset(MillionVertexPark());

        var table = CliRun.Of("boundary-points", data, "--park", "BIG", "--out", RepositoryPaths.NewTempFolder());

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("1000001 行界址点", table.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// A surveyed boundary of a million vertices (points ~1.3 cm apart with centimetre noise, as a densified
    /// real boundary looks) goes through the whole check. The comb-shaped ring above (spikes 50 m long and
    /// 1.3 cm apart) makes NTS's validity check quadratic — minutes — and is kept for boundary-points only.
    /// </summary>
    [Fact]
    public void A_park_with_a_million_vertices_is_checked()
    {
        var data = Dataset(MillionVertexPark(spikeMetres: 0.01));

        var check = CliRun.Of("check", data, "--out", RepositoryPaths.NewTempFolder());

        // Exit 1: the dataset has no control layers (missing_layer data issues), nothing else.
        Assert.True(check.ExitCode == 1 && check.Stdout.Contains("1 个园区", StringComparison.Ordinal), check.ToString()[..Math.Min(3000, check.ToString().Length)]);
    }

    private static string MillionVertexPark(double spikeMetres = 50)
    {
        const int Vertices = 1_000_000;
        var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},\"features\":[")
            .Append("{\"type\":\"Feature\",\"properties\":{\"park_id\":\"BIG\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        for (var i = 0; i <= Vertices; i++)
        {
            // A star-shaped ring around (400 000, 4 386 000): radius alternating 2 000 and 2 000 + spike m, counter-clockwise, closed.
            var angle = 2 * Math.PI * (i % Vertices) / Vertices;
            var radius = 2000 + (spikeMetres * (i % 2));
            json.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"[{400_000 + (radius * Math.Cos(angle)):0.###},{4_386_000 + (radius * Math.Sin(angle)):0.###}]");
        }

        return json.Append("]]}}]}").ToString();
    }

    static BoundaryPointsCommandTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Dataset(string parks)
    {
        var folder = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "parks.geojson"), parks);
        return folder;
    }
}
