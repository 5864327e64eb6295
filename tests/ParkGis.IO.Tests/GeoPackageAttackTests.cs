using NetTopologySuite.Geometries;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// Broken and lying GeoPackages (issue 15): a blob that is not a GeoPackage geometry is an error naming the feature,
/// a blob with another srs_id is a data issue, coordinates are checked against the CRS the column claims, Z and M
/// are dropped with an issue, and ids keep their digits.
/// </summary>
public sealed class GeoPackageAttackTests
{
    private const string Gk108Wkt = """PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";

    private const string Cgcs2000Wkt = """GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]""";

    [Fact]
    public void A_blob_with_bad_magic_is_an_error_naming_the_feature_not_an_empty_geometry()
    {
        using var folder = new TestFolder();
        var blob = RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4545);
        blob[0] = (byte)'X';
        Parks(folder, 4545, (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000), 4545), "P1"), (blob, "P2"));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("#2", error.Feature);
        Assert.Contains("not the magic \"GP\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blob_whose_srs_id_differs_from_the_column_is_read_in_the_column_crs_with_an_srid_mismatch_issue()
    {
        using var folder = new TestFolder();
        Parks(folder, 4545,
            (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000), 4545), "P1"),
            (RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4490), "P2"),
            (RawGeoPackage.Blob(RawGeoPackage.Square(397_000, 4_386_000), 4490), "P3"));

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.Equal(3, parks.Features.Count);
        Assert.All(parks.Features, feature => Assert.Equal(4545, feature.Geometry.SRID));
        var issue = Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.SridMismatch);
        Assert.Equal("#2", issue.Feature);
        Assert.Contains("2 geometries", issue.Message, StringComparison.Ordinal);
        Assert.Contains("has 4490", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Degrees_in_a_table_whose_srs_id_is_4545_are_implausible_coordinates()
    {
        using var folder = new TestFolder();
        Parks(folder, 4545, (RawGeoPackage.Blob(RawGeoPackage.Square(108.1, 38.1, 0.01), 4545), "P1"));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, error.Code);
        Assert.Equal("#1", error.Feature);
        Assert.Contains("looks like degrees", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Degrees_under_a_lying_organization_coordsys_id_are_implausible_coordinates()
    {
        // The srs row's definition is CGCS2000 lon/lat, but its organization code says EPSG:4545, which wins.
        using var folder = new TestFolder();
        var path = folder.File("parks.gpkg");
        RawGeoPackage.Create(path, (100, "EPSG", 4545, Cgcs2000Wkt));
        RawGeoPackage.AddTable(path, "parks", 100, ["park_id TEXT"], (RawGeoPackage.Blob(RawGeoPackage.Square(108.1, 38.1, 0.01), 100), ["P1"]));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, error.Code);
        Assert.Contains("EPSG:4545", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POLYGON Z ((395000 4386000 1000, 395000 4386100 1001, 395100 4386100 1002, 395100 4386000 1003, 395000 4386000 1000))", Ordinates.XYZ)]
    [InlineData("POLYGON ZM ((395000 4386000 1000 1, 395000 4386100 1001 2, 395100 4386100 1002 3, 395100 4386000 1003 4, 395000 4386000 1000 1))", Ordinates.XYZM)]
    [InlineData("POLYGON M ((395000 4386000 1, 395000 4386100 2, 395100 4386100 3, 395100 4386000 4, 395000 4386000 1))", Ordinates.XYM)]
    public void Xyz_and_xyzm_geometries_are_read_in_2d_with_a_z_m_dropped_issue(string wkt, Ordinates ordinates)
    {
        using var folder = new TestFolder();
        Parks(folder, 4545, (RawGeoPackage.Blob(wkt, 4545, ordinates), "P1"), (RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4545), "P2"));

        var dataset = DatasetReader.Read(folder.Path);

        var park = dataset.Find(LayerRole.Parks)!.Features[0];
        Assert.True(double.IsNaN(park.Geometry.Coordinate.Z), "Z dropped");
        Assert.True(double.IsNaN(park.Geometry.Coordinate.M), "M dropped");
        Assert.Equal(10_000, park.Geometry.Area, 6);
        Assert.Contains("on 1 feature (the first is #1)", Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.ZmDropped).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_beyond_int64_stored_as_text_keep_every_digit()
    {
        using var folder = new TestFolder();
        Parks(folder, 4545,
            (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000), 4545), "15010000000000000001"),
            (RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4545), "15010000000000000002"));

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal(["15010000000000000001", "15010000000000000002"], parks.Features.Select(f => f.Id));
    }

    [Theory]
    [InlineData("INTEGER")]
    [InlineData("REAL")]
    public void Ids_beyond_int64_in_a_number_column_are_written_with_all_the_digits_sqlite_kept_and_their_collision_is_explained(string type)
    {
        // SQLite stores 15010000000000000001 and …02 in an INTEGER or REAL column as the same double: the file itself has lost the digits.
        using var folder = new TestFolder();
        var path = folder.File("parks.gpkg");
        RawGeoPackage.Create(path, (4545, "EPSG", 4545, Gk108Wkt));
        RawGeoPackage.AddTable(path, "parks", 4545, ["park_id " + type],
            (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000), 4545), [null]),
            (RawGeoPackage.Blob(RawGeoPackage.Square(396_000, 4_386_000), 4545), [null]));
        RawGeoPackage.Sql(path, "UPDATE parks SET park_id = 15010000000000000000 + fid");

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(["15010000000000000000", "15010000000000000000#2"], dataset.Find(LayerRole.Parks)!.Features.Select(f => f.Id));
        var duplicate = Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.DuplicateId);
        Assert.Contains("store ids as text", duplicate.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20_000, false)]
    [InlineData(3, true)]
    public void A_blob_of_collections_nested_20000_deep_is_an_error_not_a_stack_overflow(int depth, bool readable)
    {
        using var folder = new TestFolder();
        var blob = new List<byte> { (byte)'G', (byte)'P', 0, 1, 0xC1, 0x11, 0, 0 }; // GP, version 0, little-endian, srs_id 4545
        for (var i = 0; i < depth; i++)
        {
            blob.AddRange([1, 7, 0, 0, 0, 1, 0, 0, 0]); // a GeometryCollection of one member
        }

        blob.AddRange(new NetTopologySuite.IO.WKBWriter().Write(new NetTopologySuite.IO.WKTReader().Read(RawGeoPackage.Square(395_000, 4_386_000))));
        Parks(folder, 4545, ([.. blob], "P1"));

        var read = Record.Exception(() => DatasetReader.Read(folder.Path));

        if (readable)
        {
            Assert.Null(read);
        }
        else
        {
            var error = Assert.IsType<UnusableInputException>(read);
            Assert.Equal("#1", error.Feature);
            Assert.Contains("nest more than 32 deep", error.Message, StringComparison.Ordinal);
        }
    }

    private static void Parks(TestFolder folder, int columnSrsId, params (byte[] Blob, string Id)[] rows)
    {
        var path = folder.File("parks.gpkg");
        RawGeoPackage.Create(path, (4545, "EPSG", 4545, Gk108Wkt), (4490, "EPSG", 4490, Cgcs2000Wkt));
        RawGeoPackage.AddTable(path, "parks", columnSrsId, ["park_id TEXT"], [.. rows.Select(row => ((byte[]?)row.Blob, new object?[] { row.Id }))]);
    }
}
