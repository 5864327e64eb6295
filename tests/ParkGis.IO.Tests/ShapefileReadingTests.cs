using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

public sealed class ShapefileReadingTests
{
    private const string ChineseName = "鄂托克经济开发区";

    private static TestFolder GbkParks(string? prj = TestFolder.Cgcs2000Gk108Prj, double x = 395_000) => new TestFolder().WriteShapefile(
        "parks.shp",
        TestFolder.Gbk,
        prj,
        (TestFolder.Square(x, 4_386_000), new() { ["park_id"] = "Q1", ["YQMC"] = ChineseName, ["area_ha"] = 12.5 }));

    [Theory]
    [InlineData("CP936")]
    [InlineData("GBK")]
    [InlineData("936")]
    [InlineData("GB2312")]
    public void Gbk_shapefile_with_a_cpg_reads_chinese_names_exactly(string cpg)
    {
        using var folder = GbkParks().PatchLanguageDriver("parks.dbf", 0x00).Write("parks.cpg", cpg);

        var dataset = DatasetReader.Read(folder.Path);
        var parks = dataset.Find(LayerRole.Parks)!;

        Assert.Equal(ChineseName, parks.Features[0].Attributes["YQMC"]);
        Assert.Equal(4545, parks.Crs.Epsg);
        Assert.Equal("Shapefile", parks.Format);
        Assert.Equal("parks.shp", parks.Source);
        Assert.Empty(dataset.Issues);
    }

    [Fact]
    public void Gbk_shapefile_without_cpg_uses_language_byte_0x4d()
    {
        using var folder = GbkParks().Delete("parks.cpg").PatchLanguageDriver("parks.dbf", 0x4D);

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(ChineseName, dataset.Find(LayerRole.Parks)!.Features[0].Attributes["YQMC"]);
        Assert.Empty(dataset.Issues);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x57)]
    public void Gbk_shapefile_without_cpg_and_an_undeclared_language_byte_is_read_as_gbk_with_an_issue(byte languageDriver)
    {
        using var folder = GbkParks().Delete("parks.cpg").PatchLanguageDriver("parks.dbf", languageDriver);

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(ChineseName, dataset.Find(LayerRole.Parks)!.Features[0].Attributes["YQMC"]);
        var issue = Assert.Single(dataset.Issues);
        Assert.Equal(DataIssueCodes.EncodingGuessed, issue.Code);
    }

    [Fact]
    public void Utf8_shapefile_without_cpg_and_language_byte_0_is_read_as_utf8_without_issue()
    {
        using var folder = new TestFolder()
            .WriteShapefile("parks.shp", TestFolder.Utf8, TestFolder.Cgcs2000Gk108Prj, (TestFolder.Square(395_000, 4_386_000), new() { ["park_id"] = "Q1", ["YQMC"] = ChineseName }))
            .Delete("parks.cpg")
            .PatchLanguageDriver("parks.dbf", 0x00);

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(ChineseName, dataset.Find(LayerRole.Parks)!.Features[0].Attributes["YQMC"]);
        Assert.Empty(dataset.Issues);
    }

    [Fact]
    public void Shapefile_attributes_keep_source_order_and_types()
    {
        using var folder = GbkParks();

        var feature = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!.Features[0];

        Assert.Equal(["park_id", "YQMC", "area_ha"], feature.Attributes.Keys);
        Assert.Equal("Q1", feature.Id);
        Assert.Equal(12.5, Assert.IsType<double>(feature.Attributes["area_ha"]));
    }

    [Fact]
    public void Shapefile_without_prj_and_eight_digit_eastings_uses_the_zone_prefix()
    {
        using var folder = GbkParks(prj: null, x: 36_395_000);

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal(4524, parks.Crs.Epsg);
    }

    [Fact]
    public void Shapefile_without_prj_and_six_digit_eastings_is_missing_crs()
    {
        using var folder = GbkParks(prj: null);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.MissingCrs, error.Code);
        Assert.Equal("parks.shp", error.InputName);
    }

    [Fact]
    public void Shapefile_with_an_unknown_prj_is_unsupported_crs_naming_it()
    {
        using var folder = GbkParks(prj: """PROJCS["Xian_1980_3_Degree_GK_CM_108E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""");

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnsupportedCrs, error.Code);
        Assert.Contains("Xian_1980_3_Degree_GK_CM_108E", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parks.dbf", ".dbf")]
    [InlineData("parks.shx", ".shx")]
    public void Shapefile_without_a_companion_file_is_missing_companion_file(string deleted, string extension)
    {
        using var folder = GbkParks().Delete(deleted);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.MissingCompanionFile, error.Code);
        Assert.Equal("parks.shp", error.InputName);
        Assert.Contains(extension, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_cpg_is_unknown_encoding()
    {
        using var folder = GbkParks().Write("parks.cpg", "KLINGON-1");

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnknownEncoding, error.Code);
    }

    [Fact]
    public void Shapefile_companions_are_not_listed_as_ignored_files()
    {
        using var folder = GbkParks().Write("parks.shp.xml", "<metadata/>");

        var layout = DatasetReader.Discover(folder.Path);

        Assert.Empty(layout.IgnoredFiles);
    }

    [Fact]
    public void Chinese_field_names_and_a_configured_file_name_are_read_with_case_insensitive_field_mapping()
    {
        using var folder = new TestFolder()
            .WriteShapefile("园区范围.shp", TestFolder.Gbk, TestFolder.Cgcs2000Gk108Prj,
                (TestFolder.Square(395_000, 4_386_000), new() { ["YQBH"] = "Q9", ["园区名称"] = ChineseName }))
            .Write("园区范围.cpg", "CP936")
            .Write("parkgis.json", """{ "layers": { "parks": { "source": "园区范围.shp", "fields": { "park_id": "yqbh", "name": "园区名称" } } } }""");

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal("园区范围.shp", parks.Source);
        Assert.Equal("Q9", parks.Features[0].Id);
        Assert.Equal(ChineseName, parks.Text(parks.Features[0], "name"));
    }
}
