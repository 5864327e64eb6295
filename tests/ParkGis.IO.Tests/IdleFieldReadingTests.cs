using ParkGis.Core.Assessment;
using ParkGis.Core.Data;
using ParkGis.Core.Idle;
using ParkGis.IO.Datasets;
using ParkGis.Tests.Fixtures;

namespace ParkGis.IO.Tests;

/// <summary>
/// <c>parkgis idle</c> reads a GeoPackage with only the fields the survey uses (<see cref="IdleLandSurvey.FieldsUsed"/>):
/// the survey of that read equals the survey of a read of every field — statuses, fees, park placement, 旗区 and every
/// data issue — while the fields it does not use are really left unread.
/// </summary>
public sealed class IdleFieldReadingTests
{
    private const string Gk108Wkt = """PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";

    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public void Idle_survey_of_a_geopackage_read_with_only_its_fields_equals_the_survey_of_every_field()
    {
        using var folder = new TestFolder();
        var path = folder.File("layers.gpkg");
        RawGeoPackage.Create(path, (4545, "EPSG", 4545, Gk108Wkt));
        RawGeoPackage.AddTable(path, "parks", 4545, ["park_id TEXT", "name TEXT", "banner TEXT", "leading_industries TEXT"],
            (RawGeoPackage.Blob(RawGeoPackage.Square(395_000, 4_386_000, 1000), 4545), ["P1", "甲园区", "鄂托克旗", "煤化工"]),
            (RawGeoPackage.Blob(RawGeoPackage.Square(397_000, 4_386_000, 1000), 4545), ["P2", "乙园区", null, "光伏"]));
        string[] columns =
        [
            "parcel_id TEXT", "park_id TEXT", "supplied_on TEXT", "agreed_start TEXT", "actual_start TEXT", "halted_since TEXT",
            "developed_ratio REAL", "invested_ratio TEXT", "land_price_wan REAL", "government_cause TEXT", "enterprise TEXT", "land_use TEXT",
        ];
        RawGeoPackage.AddTable(path, "parcels", 4545, columns,
            Row(395_010, ["L1", "P1", "2022-01-10", "2022-06-01", null, null, null, null, 1200.0, null, "甲公司", "100101"]), // idle, not started
            Row(395_200, ["L2", null, "2021-03-01", "2021-09-01", "2021-10-01", "2023-02-01", 0.2, "20%", 800.0, null, "乙公司", "100102"]), // halted, placed spatially
            Row(395_400, ["L3", "P9", "2023-01-01", "2023-05-01", null, null, null, null, 500.0, "规划调整", "丙公司", "1001"]), // government cause, unknown park id
            Row(397_100, ["L4", "P2", "2025-12-01", "2026-03-01", null, null, null, null, null, null, "丁公司", "100101"]), // in grace
            Row(395_600, ["L5", "P1", "2023-13-45", "2024-01-01", null, null, 1.4, "abc", -5.0, null, "戊公司", "100101"]), // unreadable values
            Row(399_000, ["L6", null, null, null, null, null, null, null, null, null, "己公司", "100101"])); // outside every park, not supplied

        var scoped = Survey(folder.Path, IdleLandSurvey.FieldsUsed);
        var whole = Survey(folder.Path, null);

        var scopedParcels = scoped.Parcels.Find(LayerRole.Parcels)!;
        var wholeParcels = whole.Parcels.Find(LayerRole.Parcels)!;
        Assert.Null(scopedParcels.Value(scopedParcels.Features[0], "enterprise"));
        Assert.Equal("甲公司", wholeParcels.Text(wholeParcels.Features[0], "enterprise"));
        Assert.Equal(whole.Result.Parcels.Select(Describe), scoped.Result.Parcels.Select(Describe));
        Assert.Equal(whole.Result.Parks.Select(p => p.ToString()), scoped.Result.Parks.Select(p => p.ToString()));
        Assert.Equal(whole.Result.Banners.Select(b => b.ToString()), scoped.Result.Banners.Select(b => b.ToString()));
        Assert.Equal(whole.Result.Totals.ToString(), scoped.Result.Totals.ToString());
        Assert.Equal(whole.Result.Issues.Select(i => i.ToString()), scoped.Result.Issues.Select(i => i.ToString()));
        Assert.Contains(whole.Result.Parcels, p => p.Verdict.Status == IdleStatus.GovernmentDelay);
        Assert.Contains(whole.Result.Parcels, p => p.ParcelId == "L2" && p.ParkId == "P1");
        Assert.Contains(whole.Result.Issues, i => i.Feature == "L5");
    }

    private static (byte[]? Blob, object?[] Values) Row(double x, object?[] values) =>
        (RawGeoPackage.Blob(RawGeoPackage.Square(x, 4_386_010), 4545), values);

    private static string Describe(IdleParcel parcel) =>
        $"{parcel.ParcelId} {parcel.ParkId} {parcel.AreaM2} {parcel.Supplied} {parcel.Verdict}";

    private static (IdleLandResult Result, Dataset Parcels) Survey(string folder, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? fields)
    {
        var content = DatasetContent.ReadFolder(folder, null, fields, controlsWithinReach: false, roles: IdleLandSurvey.LayersUsed, parcelsInChunks: false);
        var assessment = new ParkAssessment(content.ToAssessmentInputs());
        return (new IdleLandSurvey().Survey(assessment, AsOf), content.Dataset);
    }
}
