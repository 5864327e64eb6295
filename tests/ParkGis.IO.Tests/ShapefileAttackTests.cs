using NetTopologySuite.Geometries;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;
using ParkGis.IO.Formats;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// Broken and lying shapefiles (issue 15): every record ParkGis cannot use is a precise error naming it, or a data
/// issue with its own code — never a park dropped in silence, never an allocation sized from an unchecked header.
/// </summary>
public sealed class ShapefileAttackTests
{
    /// <summary>More than any of these tests may allocate: the files are a few hundred bytes.</summary>
    private const long AllocationBudget = 16 << 20;

    [Fact]
    public void A_dbf_with_fewer_records_than_shapes_is_an_error_naming_the_first_shape_without_attributes()
    {
        using var folder = new TestFolder();
        var file = ThreeParks();
        file.Rows.RemoveAt(2);
        file.Write(folder.Path);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("parks.shp", error.InputName);
        Assert.Equal("#3", error.Feature);
        Assert.Contains("parks.dbf has 2 records: record #3 has no attributes", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void A_dbf_with_zero_records_under_three_shapes_is_an_error_not_an_empty_layer()
    {
        using var folder = new TestFolder();
        var file = ThreeParks();
        file.Rows.Clear();
        file.Write(folder.Path);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal("#1", error.Feature);
        Assert.Contains("parks.dbf has 0 records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dbf_with_more_records_than_shapes_is_an_error_naming_the_record_without_a_shape()
    {
        using var folder = new TestFolder();
        var file = ThreeParks();
        file.Records.RemoveAt(2);
        file.Write(folder.Path);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal("#3", error.Feature);
        Assert.Contains("record #3 has no shape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dbf_header_declaring_more_records_than_the_file_holds_is_an_error()
    {
        using var folder = new TestFolder();
        var shp = ThreeParks().Write(folder.Path);
        var dbf = Path.ChangeExtension(shp, ".dbf");
        var bytes = File.ReadAllBytes(dbf);
        File.WriteAllBytes(dbf, bytes[..^40]); // the last record cut short

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Contains("declares 3 records", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds only 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_shapefile_with_an_empty_dbf_is_an_empty_layer()
    {
        using var folder = new TestFolder();
        new RawShapefile().Write(folder.Path);

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Empty(parks.Features);
    }

    [Fact]
    public void A_shx_listing_another_number_of_records_is_an_error()
    {
        using var folder = new TestFolder();
        var shp = ThreeParks().Write(folder.Path);
        var shx = Path.ChangeExtension(shp, ".shx");
        File.WriteAllBytes(shx, File.ReadAllBytes(shx)[..^8]);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Contains("holds 3 shapes but its index parks.shx lists 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_record_in_a_polygon_shapefile_is_read_as_a_point_for_the_analysis_to_report()
    {
        using var folder = new TestFolder();
        var file = ThreeParks();
        file.Records[1] = RawShapefile.PointContent(395_050, 4_386_050);
        file.Write(folder.Path);

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal(["P1", "P2", "P3"], parks.Features.Select(f => f.Id));
        Assert.IsType<Point>(parks.Features[1].Geometry);
        Assert.IsType<MultiPolygon>(parks.Features[0].Geometry);
    }

    [Fact]
    public void A_null_record_is_an_empty_geometry_kept_with_its_attributes()
    {
        using var folder = new TestFolder();
        var file = ThreeParks();
        file.Records[1] = [0, 0, 0, 0];
        file.Write(folder.Path);

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal("P2", parks.Features[1].Id);
        Assert.True(parks.Features[1].Geometry.IsEmpty);
    }

    [Theory]
    [InlineData(144, -5, "declares -5 parts")]
    [InlineData(148, -1, "declares -1 points")]
    [InlineData(148, 0x7ffffff0, "needs 34359738160 bytes for 1 part and 2147483632 points but its content is 128 bytes")]
    [InlineData(144, 0x7ffffff0, "needs 8589934652 bytes")]
    [InlineData(152, 3, "part 1 starting at point 3")]
    public void A_record_whose_counts_do_not_fit_it_is_an_error_naming_the_record_without_allocating_from_them(int offset, int value, string reason)
    {
        using var folder = new TestFolder();
        var shp = new RawShapefile().Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "甲").Write(folder.Path);
        RawShapefile.PatchShp(shp, offset, value);

        var error = ReadDirectly(shp, out var allocated);

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("#1", error.Feature);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBudget, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_record_length_of_0x20000000_words_is_an_error_before_anything_is_allocated_for_it()
    {
        using var folder = new TestFolder();
        var shp = ThreeParks().Write(folder.Path);
        RawShapefile.PatchShp(shp, 104, 0x20000000, bigEndian: true);

        var error = ReadDirectly(shp, out var allocated);

        Assert.Equal("#1", error.Feature);
        Assert.Contains("record #1 declares 1073741824 bytes of content, but", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < AllocationBudget, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_file_that_is_not_a_shapefile_is_an_error_saying_so()
    {
        using var folder = new TestFolder();
        var shp = ThreeParks().Write(folder.Path);
        RawShapefile.PatchShp(shp, 0, 12345, bigEndian: true);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Contains("not a .shp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_polygonz_shapefile_is_read_in_2d_with_one_z_m_dropped_issue_counting_its_features()
    {
        using var folder = new TestFolder();
        var ring = RawShapefile.Square(395_000, 4_386_000);
        double[] z = [1010, 1011, 1012, 1013, 1010];
        new RawShapefile { ShapeType = RawShapefile.PolygonZ }
            .Add(RawShapefile.PolygonContent(RawShapefile.PolygonZ, [ring], z, [0, 1, 2, 3, 0]), "P1", "甲")
            .Add(RawShapefile.PolygonContent(RawShapefile.PolygonZ, [RawShapefile.Square(396_000, 4_386_000)], z), "P2", "乙")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.All(parks.Features, feature => Assert.True(double.IsNaN(feature.Geometry.Coordinate.Z) && double.IsNaN(feature.Geometry.Coordinate.M)));
        Assert.Equal(10_000, parks.Features[0].Geometry.Area, 6);
        var issue = Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.ZmDropped);
        Assert.Contains("on 2 features (the first is #1)", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_polygonm_shapefile_is_read_in_2d_with_a_z_m_dropped_issue()
    {
        using var folder = new TestFolder();
        new RawShapefile { ShapeType = RawShapefile.PolygonM }
            .Add(RawShapefile.PolygonContent(RawShapefile.PolygonM, [RawShapefile.Square(395_000, 4_386_000)], m: [5, 6, 7, 8, 5]), "P1", "甲")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        Assert.True(double.IsNaN(dataset.Find(LayerRole.Parks)!.Features[0].Geometry.Coordinate.M));
        Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.ZmDropped);
    }

    [Fact]
    public void A_cpg_saying_utf8_over_gbk_text_is_read_as_gbk_with_an_encoding_mismatch_issue()
    {
        using var folder = new TestFolder();
        new RawShapefile { Cpg = "UTF-8", TextEncoding = RawShapefile.Gbk }
            .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "鄂托克经济开发区")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.Equal("鄂托克经济开发区", parks.Text(parks.Features[0], "name"));
        var issue = Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.EncodingMismatch);
        Assert.Contains("parks.cpg says UTF-8", issue.Message, StringComparison.Ordinal);
        Assert.Contains("read as GBK", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpg_saying_gbk_over_utf8_text_is_read_as_utf8_with_an_encoding_mismatch_issue()
    {
        using var folder = new TestFolder();
        new RawShapefile { Cpg = "CP936" }
            .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "鄂托克经济开发区")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.Equal("鄂托克经济开发区", parks.Text(parks.Features[0], "name"));
        Assert.Contains("read as UTF-8", Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.EncodingMismatch).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpg_saying_utf8_over_bytes_that_are_neither_utf8_nor_gbk_keeps_replacement_characters_and_says_so()
    {
        using var folder = new TestFolder();
        new RawShapefile { Cpg = "UTF-8", TextEncoding = System.Text.Encoding.Latin1 }
            .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "Zone\u0081")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Contains("U+FFFD", Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.EncodingMismatch).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_ring_is_closed_and_a_ring_of_three_points_left_out_each_with_an_issue()
    {
        using var folder = new TestFolder();
        double[] open = [395_000, 4_386_000, 395_000, 4_386_100, 395_100, 4_386_100, 395_100, 4_386_000];
        double[] tiny = [396_000, 4_386_000, 396_000, 4_386_100, 396_000, 4_386_000];
        new RawShapefile()
            .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [open]), "P1", "甲")
            .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(397_000, 4_386_000), tiny]), "P2", "乙")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        Assert.Equal(10_000, parks.Features[0].Geometry.Area, 6);
        Assert.Equal(10_000, parks.Features[1].Geometry.Area, 6);
        Assert.Contains(dataset.Issues, i => i.Code == DataIssueCodes.InvalidGeometry && i.Feature == "#1" && i.Message.Contains("not closed", StringComparison.Ordinal));
        Assert.Contains(dataset.Issues, i => i.Code == DataIssueCodes.InvalidGeometry && i.Feature == "#2" && i.Message.Contains("fewer than 4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ring_starting_with_nan_is_implausible_coordinates_not_an_unreadable_file()
    {
        using var folder = new TestFolder();
        double[] ring = [double.NaN, 4_386_000, 395_000, 4_386_100, 395_100, 4_386_100, 395_100, 4_386_000, double.NaN, 4_386_000];
        new RawShapefile().Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [ring]), "P1", "甲").Write(folder.Path);

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.ImplausibleCoordinates, error.Code);
        Assert.Equal("#1", error.Feature);
    }

    [Fact]
    public void Ids_beyond_int64_in_a_dbf_number_field_keep_every_digit()
    {
        using var folder = new TestFolder();
        var file = new RawShapefile();
        file.Fields.Clear();
        file.Fields.Add(("park_id", 'N', 20, 0));
        file.Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "15010000000000000001")
            .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(396_000, 4_386_000)]), "15010000000000000002")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        Assert.Equal(["15010000000000000001", "15010000000000000002"], dataset.Find(LayerRole.Parks)!.Features.Select(f => f.Id));
        Assert.DoesNotContain(dataset.Issues, i => i.Code == DataIssueCodes.DuplicateId);
    }

    [Fact]
    public void Dbf_values_follow_their_field_types_and_an_impossible_date_is_an_unparseable_value()
    {
        using var folder = new TestFolder();
        var file = new RawShapefile();
        file.Fields.Add(("count", 'N', 10, 0));
        file.Fields.Add(("ratio", 'N', 12, 4));
        file.Fields.Add(("start", 'D', 8, 0));
        file.Fields.Add(("ok", 'L', 1, 0));
        file.Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "甲", "42", "0.2500", "20240301", "T")
            .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(396_000, 4_386_000)]), "P2", "", "", "", "20241341", "?")
            .Write(folder.Path);

        var dataset = DatasetReader.Read(folder.Path);

        var parks = dataset.Find(LayerRole.Parks)!;
        var first = parks.Features[0].Attributes;
        Assert.Equal(42L, first["count"]);
        Assert.Equal(0.25, first["ratio"]);
        Assert.Equal(new DateOnly(2024, 3, 1), first["start"]);
        Assert.Equal(true, first["ok"]);
        var second = parks.Features[1].Attributes;
        Assert.Equal(string.Empty, second["name"]);
        Assert.Null(second["count"]);
        Assert.Null(second["start"]);
        Assert.Null(second["ok"]);
        var issue = Assert.Single(dataset.Issues, i => i.Code == DataIssueCodes.UnparseableValue);
        Assert.Equal("#2", issue.Feature);
        Assert.Contains("20241341", issue.Message, StringComparison.Ordinal);
    }

    private static RawShapefile ThreeParks() => new RawShapefile()
        .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(395_000, 4_386_000)]), "P1", "甲")
        .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(396_000, 4_386_000)]), "P2", "乙")
        .Add(RawShapefile.PolygonContent(RawShapefile.Polygon, [RawShapefile.Square(397_000, 4_386_000)]), "P3", "丙");

    /// <summary>Reads a shapefile on this thread, measuring what it allocated, and returns the error it must give.</summary>
    private static UnusableInputException ReadDirectly(string shp, out long allocated)
    {
        var request = new LayerReadRequest("parks", shp, Path.GetFileName(shp), null, null, null);
        var before = GC.GetAllocatedBytesForCurrentThread();
        UnusableInputException? error = null;
        try
        {
            ShapefileLayerReader.Read(request);
        }
        catch (UnusableInputException e)
        {
            error = e;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return error ?? throw new Xunit.Sdk.XunitException("the shapefile was read without an error");
    }
}
