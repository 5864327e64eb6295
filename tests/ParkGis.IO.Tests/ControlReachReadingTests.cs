using System.Buffers.Binary;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// Reading for the conflict check with the control features outside the parks' reach left unbuilt (issue 20): the
/// layers cut to reach are the same as from a whole read cut afterwards — same features, ordinals, ids, duplicate-id
/// issues and out-of-reach counts — and a lying or broken far feature is met as before.
/// </summary>
public sealed class ControlReachReadingTests
{
    private const string Gk108Wkt = """PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";

    private const string S100GeoPackage = "/tmp/parkgis-bench-data/S100/gpkg";

    private static readonly byte[] Near = RawGeoPackage.Blob(RawGeoPackage.Square(395_050, 4_386_050), 4545);
    private static readonly byte[] Far = RawGeoPackage.Blob(RawGeoPackage.Square(450_000, 4_386_000), 4545);
    private static readonly byte[] FarMulti = RawGeoPackage.Blob(
        "MULTIPOLYGON (((460000 4386000, 460000 4386100, 460100 4386100, 460000 4386000)), ((470000 4386000, 470000 4386100, 470100 4386100, 470000 4386000)))", 4545);

    [Fact]
    public void Control_features_out_of_reach_are_left_unbuilt_and_the_layers_cut_to_reach_equal_a_whole_read_cut_afterwards()
    {
        using var folder = new TestFolder();
        // R1 far then R1 near: the near one is "R1#2" in both reads; R3 sits by the parcel outside the park.
        Dataset(folder, (Far, "R1"), (Near, "R1"), (FarMulti, "R2"), (RawGeoPackage.Blob(RawGeoPackage.Square(399_950, 4_386_000), 4545), "R3"), (null, "R4"));

        var (whole, cut) = BothReads(folder.Path);

        var redline = cut.Find(LayerRole.EcologicalRedline)!;
        Assert.Equal(2, DatasetReader.Read(DatasetReader.Discover(folder.Path), controlsWithinReach: true).Find(LayerRole.EcologicalRedline)!.FeaturesLeftUnbuilt);
        Assert.Equal(["R1#2", "R3", "R4"], redline.Features.Select(f => f.Id));
        Assert.Equal([2, 4, 5], redline.Features.Select(f => f.Ordinal));
        Assert.Equal(2, redline.FeaturesOutOfReach);
        AssertSame(whole, cut);
    }

    [Fact]
    public void A_far_control_feature_whose_geopackage_header_envelope_lies_is_judged_by_its_coordinates()
    {
        using var folder = new TestFolder();
        // The near square's header envelope claims a box 50 km away, the far square's claims the park: neither is believed.
        var near = LyingEnvelope(Near, 450_000, 450_100, 4_386_000, 4_386_100);
        var far = LyingEnvelope(Far, 395_000, 395_100, 4_386_000, 4_386_100);
        Dataset(folder, (near, "R1"), (far, "R2"));

        var (whole, cut) = BothReads(folder.Path);

        Assert.Equal(["R1"], cut.Find(LayerRole.EcologicalRedline)!.Features.Select(f => f.Id));
        AssertSame(whole, cut);
    }

    [Fact]
    public void A_truncated_far_control_feature_is_still_an_error_naming_the_feature()
    {
        using var folder = new TestFolder();
        Dataset(folder, (Near, "R1"), (Far[..^8], "R2"));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(DatasetReader.Discover(folder.Path), controlsWithinReach: true));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("#2", error.Feature);
    }

    [Fact]
    public void A_far_control_feature_with_a_nan_coordinate_is_still_refused_as_implausible()
    {
        using var folder = new TestFolder();
        Dataset(folder, (Near, "R1"), (WithNaN(Far), "R2"));

        var whole = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));
        var cut = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(DatasetReader.Discover(folder.Path), controlsWithinReach: true));

        Assert.Equal(whole.Code, cut.Code);
        Assert.Equal(whole.Feature, cut.Feature);
        Assert.Equal(whole.Message, cut.Message);
    }

    [Fact]
    public void Control_layers_in_another_crs_than_the_parks_are_read_whole()
    {
        using var folder = new TestFolder();
        Dataset(folder, (Far, "R1"));
        RawGeoPackage.Sql(folder.File("layers.gpkg"), "UPDATE gpkg_geometry_columns SET srs_id = 4546 WHERE table_name = 'ecological_redline'");
        RawGeoPackage.Sql(folder.File("layers.gpkg"), "INSERT INTO gpkg_spatial_ref_sys VALUES ('EPSG 4546', 4546, 'EPSG', 4546, 'undefined', NULL)");

        var layer = DatasetReader.Read(DatasetReader.Discover(folder.Path), controlsWithinReach: true).Find(LayerRole.EcologicalRedline)!;

        Assert.Equal(0, layer.FeaturesLeftUnbuilt);
        Assert.Single(layer.Features);
    }

    [Fact]
    public void Shapefile_control_records_out_of_reach_are_left_unbuilt_and_the_cut_equals_a_whole_read_cut_afterwards()
    {
        using var folder = new TestFolder();
        var prj = TestFolder.Cgcs2000Gk108Prj;
        folder
            .WriteShapefile("parks.shp", TestFolder.Utf8, prj, (TestFolder.Square(395_000, 4_386_000), new() { ["park_id"] = "P1", ["name"] = "甲园区" }))
            .WriteShapefile("parcels.shp", TestFolder.Utf8, prj, (TestFolder.Square(400_000, 4_386_000), new() { ["parcel_id"] = "L1" }))
            .WriteShapefile("ecological_redline.shp", TestFolder.Utf8, prj,
                (TestFolder.Square(450_000, 4_386_000), new() { ["id"] = "R1" }),
                (TestFolder.Square(395_050, 4_386_050), new() { ["id"] = "R1" }),
                (new NetTopologySuite.IO.WKTReader().Read("POLYGON ((460000 4386000, 460000 4387000, 461000 4387000, 461000 4386000, 460000 4386000), (460100 4386100, 460200 4386100, 460200 4386200, 460100 4386100))"), new() { ["id"] = "R2" }),
                (TestFolder.Square(399_950, 4_386_000), new() { ["id"] = "R3" }));

        var (whole, cut) = BothReads(folder.Path);

        Assert.Equal(2, DatasetReader.Read(DatasetReader.Discover(folder.Path), controlsWithinReach: true).Find(LayerRole.EcologicalRedline)!.FeaturesLeftUnbuilt);
        Assert.Equal(["R1#2", "R3"], cut.Find(LayerRole.EcologicalRedline)!.Features.Select(f => f.Id));
        AssertSame(whole, cut);
    }

    [BenchDataFact(S100GeoPackage)]
    public void Bench_geopackage_s100_cut_to_reach_while_reading_equals_the_whole_read_cut_afterwards()
    {
        var (whole, cut) = BothReads(S100GeoPackage);

        Assert.True(cut.Find(LayerRole.PermanentFarmland)!.FeaturesOutOfReach > 0);
        AssertSame(whole, cut);
    }

    private static (Dataset Whole, Dataset Cut) BothReads(string folder) => (
        ConflictCheck.KeepWithinReach(DatasetReader.Read(folder)),
        ConflictCheck.KeepWithinReach(DatasetReader.Read(DatasetReader.Discover(folder), controlsWithinReach: true) with { Name = folder }));

    private static void AssertSame(Dataset whole, Dataset cut)
    {
        Assert.Equal(whole.Issues, cut.Issues);
        Assert.Equal(whole.Layers.Keys.Order(), cut.Layers.Keys.Order());
        foreach (var (role, layer) in whole.Layers)
        {
            var other = cut.Layers[role];
            Assert.Equal(layer.FeaturesOutOfReach, other.FeaturesOutOfReach);
            Assert.Equal(layer.Features.Select(f => (f.Id, f.Ordinal, f.Geometry.AsText())), other.Features.Select(f => (f.Id, f.Ordinal, f.Geometry.AsText())));
        }
    }

    /// <summary>The blob of a polygon (header with an envelope of 4 doubles) with its second point's y set to NaN.</summary>
    private static byte[] WithNaN(byte[] blob)
    {
        var copy = (byte[])blob.Clone();
        const int wkb = 8 + 32;
        var at = wkb + 1 + 4 + 4 + 4 + 16 + 8;
        if (copy[wkb] == 1)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(copy.AsSpan(at, 8), double.NaN);
        }
        else
        {
            BinaryPrimitives.WriteDoubleBigEndian(copy.AsSpan(at, 8), double.NaN);
        }

        return copy;
    }

    /// <summary>The blob with its header envelope (indicator 1: minx, maxx, miny, maxy) overwritten.</summary>
    private static byte[] LyingEnvelope(byte[] blob, double minX, double maxX, double minY, double maxY)
    {
        var copy = (byte[])blob.Clone();
        Assert.Equal(1, (copy[3] >> 1) & 0b111);
        var littleEndian = (copy[3] & 1) == 1;
        double[] values = [minX, maxX, minY, maxY];
        for (var i = 0; i < 4; i++)
        {
            var span = copy.AsSpan(8 + (8 * i), 8);
            if (littleEndian)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(span, values[i]);
            }
            else
            {
                BinaryPrimitives.WriteDoubleBigEndian(span, values[i]);
            }
        }

        return copy;
    }

    /// <summary>One GeoPackage: a park at (395 000, 4 386 000), a parcel outside it at (400 000, 4 386 000), and the red line given.</summary>
    private static void Dataset(TestFolder folder, params (byte[]? Blob, string Id)[] redline)
    {
        var path = folder.File("layers.gpkg");
        RawGeoPackage.Create(path, (4545, "EPSG", 4545, Gk108Wkt));
        RawGeoPackage.AddTable(path, "parks", 4545, ["park_id TEXT", "name TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000, 200), 4545), ["P1", "甲园区"]));
        RawGeoPackage.AddTable(path, "parcels", 4545, ["parcel_id TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(400_000, 4_386_000), 4545), ["L1"]));
        RawGeoPackage.AddTable(path, "ecological_redline", 4545, ["id TEXT"], [.. redline.Select(row => (row.Blob, new object?[] { row.Id }))]);
    }
}
