using System.Text;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.IO.Formats;

namespace ParkGis.IO.Tests;

/// <summary>The ministry's coordinate TXT, written by hand as land bureaus send it (GBK, CRLF).</summary>
public sealed class CoordinateTxtReadingTests
{
    /// <summary>Parcel A: 200 m square with a 100 m square hole (3 公顷); parcel B: 100 m square (1 公顷). Zone 37, prefixed.</summary>
    private const string TwoParcels =
        "[属性描述]\r\n格式版本号=1.01版本\r\n数据产生单位=鄂尔多斯市自然资源局\r\n数据产生日期=2021-6-1\r\n坐标系=2000国家大地坐标系\r\n"
        + "几度分带=3\r\n投影类型=高斯克吕格\r\n计量单位=米\r\n带号=37\r\n精度=0.01\r\n转换参数=,,,,,,\r\n[地块坐标]\r\n"
        + "10,3.0000,A,甲地块,面,,工业用地,1001,@\r\n"
        + "J1,1,4386200,37395000\r\nJ2,1,4386200,37395200\r\nJ3,1,4386000,37395200\r\nJ4,1,4386000,37395000\r\nJ1,1,4386200,37395000\r\n"
        + "J5,2,4386150,37395050\r\nJ6,2,4386050,37395050\r\nJ7,2,4386050,37395150\r\nJ8,2,4386150,37395150\r\nJ5,2,4386150,37395050\r\n"
        + "5,1.0000,B,乙地块,面,,工业用地,1001,@\r\n"
        + "J1,1,4387100,37396000\r\nJ2,1,4387100,37396100\r\nJ3,1,4387000,37396100\r\nJ4,1,4387000,37396000\r\nJ1,1,4387100,37396000\r\n";

    [Fact]
    public void A_gbk_coordinate_txt_gives_one_feature_per_parcel_with_holes_by_ring_number()
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("parcels.txt"), TwoParcels, TestFolder.Gbk);

        var data = DatasetReader.Read(folder.Path);
        var parcels = data.Find(LayerRole.Parcels)!;

        Assert.Equal(LayerFormats.CoordinateTxt, parcels.Format);
        Assert.Equal(4525, parcels.Crs.Epsg);
        Assert.Equal(2, parcels.Features.Count);
        var a = parcels.Features[0];
        Assert.Equal(30_000, a.Geometry.Area, 6);
        Assert.Equal(1, ((NetTopologySuite.Geometries.Polygon)a.Geometry).NumInteriorRings);
        Assert.Equal("甲地块", a.Attributes["地块名称"]);
        Assert.Equal(3.0, a.Attributes["地块面积"]);
        Assert.Equal(37395000, a.Geometry.EnvelopeInternal.MinX, 6);
        Assert.Equal(4386000, a.Geometry.EnvelopeInternal.MinY, 6);
        Assert.DoesNotContain(data.Issues, i => i.Code != DataIssueCodes.MissingId);
    }

    [Fact]
    public void Eastings_without_prefix_take_the_zone_from_the_band_number()
    {
        using var folder = new TestFolder().Write("parcels.txt", TwoParcels.Replace(",37395", ",395", StringComparison.Ordinal).Replace(",37396", ",396", StringComparison.Ordinal));

        var parcels = DatasetReader.Read(folder.Path).Find(LayerRole.Parcels)!;

        Assert.Equal(4546, parcels.Crs.Epsg);
        Assert.Equal(30_000, parcels.Features[0].Geometry.Area, 6);
    }

    [Theory]
    [InlineData("带号=37", "带号=36", ErrorCodes.ZonePrefixMismatch, "the band number 36 contradicts the prefix 37 of the eastings")]
    [InlineData("坐标系=2000国家大地坐标系", "坐标系=1980西安坐标系", ErrorCodes.UnsupportedCrs, "Xian 1980 is not supported")]
    [InlineData("J1,1,4387100,37396000\r\n", "J1,1,4387100,abc\r\n", ErrorCodes.UnreadableInput, "a coordinate that is not a number")]
    [InlineData("J3,1,4387000,37396100\r\nJ4,1,4387000,37396000\r\nJ1,1,4387100,37396000\r\n", "J3,1,4387000,", ErrorCodes.UnreadableInput, "the file is cut off")]
    public void A_broken_coordinate_txt_is_unusable_input(string find, string replace, string code, string reason)
    {
        var index = TwoParcels.LastIndexOf(find, StringComparison.Ordinal);
        var text = TwoParcels[..index] + replace + TwoParcels[(index + find.Length)..];
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("parcels.txt"), text, TestFolder.Gbk);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.True(error.Code == code, $"{reason}: {error.Code} {error.Message}");
        Assert.Equal("parcels.txt", error.InputName);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void An_empty_coordinate_txt_is_unusable_input()
    {
        using var folder = new TestFolder().Write("parks.txt", string.Empty);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_count_that_disagrees_with_the_rows_is_reported_and_the_rows_are_used()
    {
        using var folder = new TestFolder().Write("parcels.txt", TwoParcels.Replace("10,3.0000,A", "12,3.0000,A", StringComparison.Ordinal));

        var data = DatasetReader.Read(folder.Path);

        Assert.Contains(data.Issues, i => i.Code == DataIssueCodes.PointCountMismatch && i.Feature == "#1");
        Assert.Equal(30_000, data.Find(LayerRole.Parcels)!.Features[0].Geometry.Area, 6);
    }

    [Fact]
    public void A_utf8_file_with_bom_reads_like_gbk()
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("parcels.txt"), TwoParcels, new UTF8Encoding(true));

        var parcels = DatasetReader.Read(folder.Path).Find(LayerRole.Parcels)!;

        Assert.Equal("乙地块", parcels.Features[1].Attributes["地块名称"]);
    }
}
