using System.Text;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

/// <summary>GeoJSON and coordinate TXT attacks of issue 15: 3-D positions, ids beyond 64 bits, UTF-16, impossible zone headers.</summary>
public sealed class TextFormatAttackTests
{
    private const string Crs4545 = """{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}}""";

    [Fact]
    public void Three_and_four_number_geojson_positions_are_read_in_2d_with_one_z_m_dropped_issue()
    {
        var json = TestFolder.GeoJson(Crs4545, ("""{"park_id":"P1"}""", 395_000, 4_386_000), ("""{"park_id":"P2"}""", 396_000, 4_386_000), ("""{"park_id":"P3"}""", 397_000, 4_386_000))
            .Replace("[395000,4386000]", "[395000,4386000,1010.5]", StringComparison.Ordinal)
            .Replace("[396000,4386000]", "[396000,4386000,1010.5,7]", StringComparison.Ordinal);
        using var folder = new TestFolder().Write("parks.geojson", json);

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.All(parks.Features, feature => Assert.True(double.IsNaN(feature.Geometry.Coordinate.Z)));
        Assert.Contains("on 2 features (the first is #1)", Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.ZmDropped).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_holding_an_array_is_unreadable_input_naming_the_feature()
    {
        var json = TestFolder.GeoJson(Crs4545, ("""{"park_id":"P1"}""", 395_000, 4_386_000)).Replace("[395000,4386000]", "[395000,4386000,[1]]", StringComparison.Ordinal);
        using var folder = new TestFolder().Write("parks.geojson", json);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("#1", error.Feature);
    }

    [Fact]
    public void Numeric_ids_beyond_int64_keep_every_digit_and_stay_distinct()
    {
        using var folder = new TestFolder().Write("parks.geojson", TestFolder.GeoJson(Crs4545,
            ("""{"park_id":15010000000000000001,"area":1.5e3}""", 395_000, 4_386_000), ("""{"park_id":15010000000000000002,"area":12}""", 396_000, 4_386_000)));

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.Equal(["15010000000000000001", "15010000000000000002"], parks.Features.Select(f => f.Id));
        Assert.Equal(15010000000000000001m, parks.Features[0].Attributes["park_id"]);
        Assert.Equal(1500.0, parks.Features[0].Attributes["area"]);
        Assert.Equal(12L, parks.Features[1].Attributes["area"]);
        Assert.DoesNotContain(dataset.Issues, i => i.Code == DataIssueCodes.DuplicateId);
    }

    [Theory]
    [InlineData("utf-16le with bom", "UTF-16LE")]
    [InlineData("utf-16le", "UTF-16LE")]
    [InlineData("utf-16be with bom", "UTF-16BE")]
    [InlineData("utf-32le with bom", "UTF-32LE")]
    public void A_utf16_geojson_is_read_as_utf16_with_a_not_utf8_issue(string variant, string name)
    {
        var json = TestFolder.GeoJson(Crs4545, ("""{"park_id":"P1","name":"鄂托克经济开发区"}""", 395_000, 4_386_000));
        byte[] bytes = variant switch
        {
            "utf-16le with bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(json)],
            "utf-16le" => Encoding.Unicode.GetBytes(json),
            "utf-16be with bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(json)],
            _ => [0xFF, 0xFE, 0, 0, .. Encoding.UTF32.GetBytes(json)],
        };
        using var folder = new TestFolder();
        File.WriteAllBytes(folder.File("parks.geojson"), bytes);

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.Equal("鄂托克经济开发区", parks.Text(parks.Features[0], "name"));
        Assert.Contains($"is {name}", Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.NotUtf8).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("几度分带=3", "几度分带=7", "zone width (几度分带) as \"7\"")]
    [InlineData("几度分带=3", "几度分带=60", "zone width (几度分带) as \"60\"")]
    [InlineData("带号=37", "带号=三十七", "zone number (带号) as \"三十七\"")]
    [InlineData("几度分带=3", "几度分带=6", "6-degree zone 37")]
    public void An_impossible_zone_header_in_a_coordinate_txt_is_an_unsupported_crs(string find, string replace, string reason)
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("parcels.txt"), CoordinateTxt().Replace(find, replace, StringComparison.Ordinal), Encoding.UTF8);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnsupportedCrs, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Theory]
    [InlineData("几度分带=3度")]
    [InlineData("几度分带= 3 ")]
    public void A_zone_width_written_with_its_unit_is_read(string width)
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("parcels.txt"), CoordinateTxt().Replace("几度分带=3", width, StringComparison.Ordinal), Encoding.UTF8);

        Assert.Equal(4525, DatasetReader.Read(folder.Path).Find(LayerRole.Parcels)!.Crs.Epsg);
    }

    [Fact]
    public void A_utf16_coordinate_txt_is_read()
    {
        using var folder = new TestFolder();
        File.WriteAllBytes(folder.File("parcels.txt"), [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(CoordinateTxt())]);

        var parcels = DatasetReader.Read(folder.Path).Find(LayerRole.Parcels)!;

        Assert.Equal("宗地一", parcels.Text(parcels.Features[0], "地块名称"));
    }

    private static string CoordinateTxt() =>
        "[属性描述]\r\n坐标系=2000国家大地坐标系\r\n几度分带=3\r\n投影类型=高斯克吕格\r\n计量单位=米\r\n带号=37\r\n[地块坐标]\r\n"
        + "5,1.0,P1,宗地一,面,,,,@\r\n"
        + "J1,1,4387100,37396000\r\nJ2,1,4387100,37396100\r\nJ3,1,4387000,37396100\r\nJ4,1,4387000,37396000\r\nJ1,1,4387100,37396000\r\n";
}
