using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

public sealed class GisLayerWriterTests
{
    private static readonly WKTReader Wkt = new();

    private static readonly CrsDefinition Gk108 = CrsRegistry.FromEpsg(4545)!;

    /// <summary>A square, a patch with a 1 mm × 10 m sliver part, a bow-tie and a feature without geometry.</summary>
    private static List<GeoJsonFeature> Features() =>
    [
        Feature("POLYGON ((500000 4400000, 500100 4400000, 500100 4400100, 500000 4400100, 500000 4400000))", "P01", "鄂托克经济开发区"),
        Feature("MULTIPOLYGON (((500200 4400000, 500300 4400000, 500300 4400100, 500200 4400100, 500200 4400000)), ((500400 4400000, 500410 4400000, 500410 4400000.0004, 500400 4400000.0004, 500400 4400000)))", "P02", "准格尔经济开发区"),
        Feature("POLYGON ((500500 4400000, 500600 4400100, 500600 4400000, 500500 4400100, 500500 4400000))", "P03", "蒙苏经济开发区"),
        new(Wkt.Read("POLYGON EMPTY"), [new("园区编号", "P04"), new("园区名称", "无图形")]),
    ];

    private static GeoJsonFeature Feature(string wkt, string id, string name) => new(
        Wkt.Read(wkt),
        [
            new("园区编号", id),
            new("园区名称", name),
            new("约定动工日期", new DateOnly(2024, 3, 1)),
            new("area_m2", 10000.5),
            new("patches", 3),
            new("checked", true),
            new("source_ids", new[] { "a", "b" }),
        ]);

    [GdalFact]
    public void A_GBK_shapefile_reads_back_through_GDAL_with_Chinese_intact_its_CRS_and_every_polygon_valid()
    {
        using var folder = new TestFolder();

        var tally = GisLayerWriter.Write(folder.Path, GisFormat.Shapefile, "conflicts", Gk108, Features()).Tally;

        var shp = folder.File("conflicts.shp");
        Assert.Equal("CP936", File.ReadAllText(folder.File("conflicts.cpg")).Trim());
        Assert.Contains("108", File.ReadAllText(folder.File("conflicts.prj")), StringComparison.Ordinal);
        var info = OgrInfo.Run("-al", shp);
        Assert.Contains("鄂托克经济开发区", info, StringComparison.Ordinal);
        Assert.Contains("园区名称 (String", info, StringComparison.Ordinal);
        Assert.Contains("约定动工日 (Date)", info, StringComparison.Ordinal);
        Assert.Contains("2024/03/01", info, StringComparison.Ordinal);
        Assert.Contains("CM 108E", info, StringComparison.Ordinal);
        Assert.Equal((3, 3), OgrInfo.GeosValidity(shp, "conflicts", "geometry"));
        Assert.Equal(1, tally.PartsDropped);
        Assert.Equal(1, tally.Repaired);
    }

    [GdalFact]
    public void A_GeoPackage_reads_back_through_GDAL_with_Chinese_intact_its_CRS_and_every_polygon_valid()
    {
        using var folder = new TestFolder();

        GisLayerWriter.Write(folder.Path, GisFormat.GeoPackage, "conflicts", Gk108, Features());

        var gpkg = folder.File("conflicts.gpkg");
        var info = OgrInfo.Run("-al", gpkg);
        Assert.Contains("准格尔经济开发区", info, StringComparison.Ordinal);
        Assert.Contains("约定动工日期 (Date)", info, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",4545]", info, StringComparison.Ordinal);
        Assert.Equal((3, 3), OgrInfo.GeosValidity(gpkg, "conflicts", "geom"));
    }

    [GdalFact]
    public void A_FileGDB_reads_back_through_GDAL_with_Chinese_intact_its_CRS_and_every_polygon_valid()
    {
        using var folder = new TestFolder();

        GisLayerWriter.Write(folder.Path, GisFormat.FileGdb, "conflicts", Gk108, Features());

        var gdb = folder.File("conflicts.gdb");
        Assert.True(Directory.Exists(gdb));
        var info = OgrInfo.Run("-al", gdb);
        Assert.Contains("蒙苏经济开发区", info, StringComparison.Ordinal);
        Assert.Contains("CM 108E", info, StringComparison.Ordinal);
        Assert.Equal((3, 3), OgrInfo.GeosValidity(gdb, "conflicts", "SHAPE"));
    }

    [Fact]
    public void Shapefile_field_names_fit_ten_GBK_bytes_and_stay_unique()
    {
        var names = ShapefileFieldNames.Of(["园区名称", "约定动工日期", "约定动工日期比例", "suppressed_area_m2", "suppressed_area_mu", "SUPPRESSED"]);

        Assert.Equal(["园区名称", "约定动工日", "约定动工_1", "suppressed", "suppress_1", "SUPPRESS_2"], names);
        Assert.All(names, n => Assert.InRange(TestFolder.Gbk.GetByteCount(n), 1, 10));
    }
}
