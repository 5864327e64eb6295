using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Datasets;

namespace ParkGis.IO.Tests;

public sealed class GeoPackageReadingTests
{
    [Fact]
    public void Geopackage_tables_named_after_roles_are_layers_and_others_are_ignored()
    {
        using var folder = new TestFolder().WriteGeoPackage(
            "layers.gpkg",
            4545,
            ("parcels", ["parcel_id TEXT", "park_id INTEGER", "approved_on DATE", "price REAL", "supplied BOOLEAN"],
                [(TestFolder.Square(395_000, 4_386_000), ["P1", 3L, "2014-10-03", 21.5, 1L]), (null, ["P2", null, null, null, 0L])]),
            ("railways", ["name TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["G6"])])); // not a role

        var dataset = DatasetReader.Read(folder.Path);

        var parcels = Assert.Single(dataset.Layers).Value;
        Assert.Equal("layers.gpkg:parcels", parcels.Source);
        Assert.Equal("GeoPackage", parcels.Format);
        Assert.Equal(4545, parcels.Crs.Epsg);
        Assert.Equal(["P1", "P2"], parcels.Features.Select(f => f.Id));
        var first = parcels.Features[0];
        Assert.Equal(["fid", "parcel_id", "park_id", "approved_on", "price", "supplied"], first.Attributes.Keys);
        Assert.Equal(3L, first.Attributes["park_id"]);
        Assert.Equal(new DateOnly(2014, 10, 3), first.Attributes["approved_on"]);
        Assert.Equal(21.5, first.Attributes["price"]);
        Assert.Equal(true, first.Attributes["supplied"]);
        Assert.Equal(10_000, first.Geometry.Area, 6);
        Assert.Equal(4545, first.Geometry.SRID);
        Assert.True(parcels.Features[1].Geometry.IsEmpty);
    }

    [Fact]
    public void Only_the_fields_asked_for_and_the_ids_are_read_when_a_command_names_them()
    {
        using var folder = new TestFolder().WriteGeoPackage(
            "layers.gpkg",
            4545,
            ("parks", ["park_id TEXT", "NAME TEXT", "level TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["A", "园区甲", "国家级"])]),
            ("parcels", ["parcel_id TEXT", "price REAL"], [(TestFolder.Square(395_000, 4_386_000), ["P1", 21.5])]));
        var onlyNames = new Dictionary<LayerRole, IReadOnlyList<string>> { [LayerRole.Parks] = ["name"] };

        var some = DatasetReader.Read(folder.Path, onlyFields: onlyNames);
        var all = DatasetReader.Read(folder.Path);

        Assert.Equal(["park_id", "NAME"], some.Find(LayerRole.Parks)!.Features[0].Attributes.Keys); // names match ignoring case
        Assert.Equal(["parcel_id"], some.Find(LayerRole.Parcels)!.Features[0].Attributes.Keys);
        Assert.Equal("园区甲", some.Find(LayerRole.Parks)!.Text(some.Find(LayerRole.Parks)!.Features[0], "name"));
        Assert.Equal(["P1"], some.Find(LayerRole.Parcels)!.Features.Select(f => f.Id));
        Assert.Equal(["fid", "park_id", "NAME", "level"], all.Find(LayerRole.Parks)!.Features[0].Attributes.Keys);
    }

    [Fact]
    public void A_geopackage_named_after_a_role_uses_its_only_table()
    {
        using var folder = new TestFolder().WriteGeoPackage("Parks.gpkg", 4545, ("园区", ["park_id TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["A"])]));

        var parks = DatasetReader.Read(folder.Path).Find(LayerRole.Parks)!;

        Assert.Equal("Parks.gpkg:园区", parks.Source);
    }

    [Fact]
    public void A_role_in_a_geopackage_and_in_a_file_is_a_duplicate_role()
    {
        using var folder = new TestFolder()
            .WriteGeoPackage("layers.gpkg", 4545, ("parks", ["park_id TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["A"])]))
            .Write("parks.geojson", TestFolder.GeoJson(null, ("""{"park_id":"B"}""", 107.9, 39.1)));

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.DuplicateRole, error.Code);
        Assert.Contains("layers.gpkg:parks", error.Message, StringComparison.Ordinal);
        Assert.Contains("parks.geojson", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_geopackage_is_unreadable_input()
    {
        using var folder = new TestFolder().Write("layers.gpkg", "this is not sqlite");

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, error.Code);
        Assert.Equal("layers.gpkg", error.InputName);
    }

    [Fact]
    public void Attribute_values_follow_the_declared_type_and_odd_values_stay_as_stored()
    {
        // DATE has numeric affinity in SQLite: "20141003" is stored as an integer, "2014.5" as a real.
        object?[] dates = ["2014-10-03", "2014-1-3", "2014-02-30", "0000-01-01", " 2014-10-03", "2014-10-03 ", "２０１４-10-03", "2014-10-03T08:00", "20141003", "2014.5", "", null];
        object?[][] rows =
        [
            .. dates.Select((date, i) => new object?[] { "P" + i.ToString(CultureInfo.InvariantCulture), date, 2L, 3L, 4.0, "2014-10-03T08:00:00" }),
            ["Q1", "2014-10-03", 0L, 3.5, 4.5, "not a time"],
        ];
        using var folder = new TestFolder().WriteGeoPackage(
            "layers.gpkg",
            4545,
            ("parcels", ["parcel_id TEXT", "approved_on DATE", "supplied BOOLEAN", "price REAL", "plots INTEGER", "checked_at DATETIME"],
                [.. rows.Select((row, i) => ((Geometry?)TestFolder.Square(395_000 + (i * 200), 4_386_000), row))]));

        var parcels = DatasetReader.Read(folder.Path).Find(LayerRole.Parcels)!;

        var approvedOn = parcels.Features.Select(f => f.Attributes["approved_on"]).ToArray();
        object?[] expectedDates =
        [
            new DateOnly(2014, 10, 3), "2014-1-3", "2014-02-30", "0000-01-01", " 2014-10-03", "2014-10-03 ", "２０１４-10-03", "2014-10-03T08:00",
            20141003L, 2014.5, "", null, new DateOnly(2014, 10, 3),
        ];
        Assert.Equal(expectedDates, approvedOn);
        Assert.Equal(true, parcels.Features[0].Attributes["supplied"]);
        Assert.Equal(false, parcels.Features[^1].Attributes["supplied"]);
        Assert.Equal(3.0, parcels.Features[0].Attributes["price"]);
        Assert.Equal(3.5, parcels.Features[^1].Attributes["price"]);
        Assert.Equal(4L, parcels.Features[0].Attributes["plots"]);
        Assert.Equal(4.5, parcels.Features[^1].Attributes["plots"]);
        Assert.Equal(new DateTime(2014, 10, 3, 8, 0, 0, DateTimeKind.Unspecified), parcels.Features[0].Attributes["checked_at"]);
        Assert.Equal("not a time", parcels.Features[^1].Attributes["checked_at"]);
    }

    [Fact]
    public void A_DATETIME_value_not_in_ISO_form_stays_text_never_a_month_start_a_US_date_or_today()
    {
        // DateTime.TryParse read "2024-03" as 1 March, "3/1/2024" in the US order and "10:00" as today: silent dates (one
        // from the clock) where the same text in a TEXT column or a GeoJSON is an unparseable_value issue. The placeholder
        // 0001-01-01 written at UTC+8 lies before the calendar in UTC: it came out as 0001-01-01T16:00 (the year 1 in Beijing,
        // not the placeholder); as text the date rule reads it as the placeholder.
        string[] texts = ["2024-03", "3/1/2024", "10:00", "Mar 2024", "2019-12-31T16:00:00Z", "2019-12-31 16:00:00.5", "2020-01-01T00:00:00+08:00", "2024-03-01", "0001-01-01T00:00:00+08:00"];
        using var folder = new TestFolder().WriteGeoPackage(
            "layers.gpkg",
            4545,
            ("parcels", ["parcel_id TEXT", "agreed_start DATETIME"],
                [.. texts.Select((text, i) => ((Geometry?)TestFolder.Square(395_000 + (i * 200), 4_386_000), new object?[] { "P" + i.ToString(CultureInfo.InvariantCulture), text }))]));

        var values = DatasetReader.Read(folder.Path).Find(LayerRole.Parcels)!.Features.Select(f => f.Attributes["agreed_start"]).ToArray();

        object?[] expected =
        [
            "2024-03", "3/1/2024", "10:00", "Mar 2024", new DateTime(2019, 12, 31, 16, 0, 0, DateTimeKind.Utc),
            new DateTime(2019, 12, 31, 16, 0, 0, 500, DateTimeKind.Unspecified), new DateTime(2019, 12, 31, 16, 0, 0, DateTimeKind.Utc),
            new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified), "0001-01-01T00:00:00+08:00",
        ];
        Assert.Equal(expected, values);
        Assert.Equal([DateTimeKind.Utc, DateTimeKind.Unspecified, DateTimeKind.Utc], values.Skip(4).Take(3).Select(v => ((DateTime)v!).Kind));
    }

    [Fact]
    public void A_big_table_read_in_rowid_ranges_keeps_row_order_and_ordinals()
    {
        using var folder = BigParcelTable(30_000, "DELETE FROM parcels WHERE fid % 997 = 0 OR fid BETWEEN 14000 AND 16000");

        var parcels = DatasetReader.Read(folder.Path).Find(LayerRole.Parcels)!;

        var expected = Enumerable.Range(1, 30_000).Where(fid => fid % 997 != 0 && fid is < 14000 or > 16000).ToArray();
        Assert.Equal(expected.Select(fid => "P" + fid.ToString(CultureInfo.InvariantCulture)), parcels.Features.Select(f => f.Id));
        Assert.Equal(Enumerable.Range(1, expected.Length), parcels.Features.Select(f => f.Ordinal));
        Assert.Equal(expected.Select(fid => (object)(long)fid), parcels.Features.Select(f => f.Attributes["fid"]));
        Assert.All(parcels.Features, f => Assert.Equal(10_000, f.Geometry.Area, 6));
    }

    [Fact]
    public void A_bad_geometry_in_a_big_table_is_reported_at_its_position_and_the_first_one_wins()
    {
        using var late = BigParcelTable(30_000, "DELETE FROM parcels WHERE fid <= 10; UPDATE parcels SET geom = X'47500001' WHERE fid = 25010");
        using var both = BigParcelTable(30_000, "UPDATE parcels SET geom = X'47500001' WHERE fid IN (7000, 25000)");

        var lateError = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(late.Path));
        var firstError = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(both.Path));

        Assert.Equal(ErrorCodes.UnreadableInput, lateError.Code);
        Assert.Equal("#25000", lateError.Feature);
        Assert.Contains("the geometry of feature #25000 is not a GeoPackage geometry blob", lateError.Message, StringComparison.Ordinal);
        Assert.Equal("#7000", firstError.Feature);
    }

    [Fact]
    public void A_blob_with_a_good_header_and_broken_wkb_is_reported_in_one_sentence_without_a_stack_trace()
    {
        // GP header (version 0, flags 0x01: little-endian, no envelope, srs 4545) followed by bytes that are not WKB.
        using var folder = BigParcelTable(10, "UPDATE parcels SET geom = X'47500001C5110000676172626167650A' WHERE fid = 3");

        var error = Assert.Throws<UnusableInputException>(() => DatasetReader.Read(folder.Path));

        Assert.Equal("#3", error.Feature);
        Assert.Contains("the geometry of feature #3 is not a GeoPackage geometry blob: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at NetTopologySuite", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A GeoPackage whose parcels table has <paramref name="rows"/> rows (fid = i, parcel_id = Pi), then <paramref name="sql"/> applied.</summary>
    private static TestFolder BigParcelTable(int rows, string sql)
    {
        var folder = new TestFolder().WriteGeoPackage("layers.gpkg", 4545, ("parcels", ["parcel_id TEXT"], [(TestFolder.Square(395_000, 4_386_000), ["P1"])]));
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "layers.gpkg"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = FormattableString.Invariant($"""
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO parcels (fid, geom, parcel_id) SELECT i, (SELECT geom FROM parcels WHERE fid = 1), 'P' || i FROM n;
            {sql};
            COMMIT;
            """);
        command.ExecuteNonQuery();
        return folder;
    }
}
