using System.Globalization;
using ParkGis.Core.Crs;

namespace ParkGis.Core.Tests.Crs;

/// <summary>
/// <see cref="CrsRegistry.FromWkt"/> on .prj and WKT text as GDAL (<c>projinfo -o WKT1_GDAL|WKT1_ESRI|WKT2_2019</c>),
/// ArcGIS and QGIS write it.
/// </summary>
public sealed class CrsRegistryWktTests
{
    private const string EsriCm108 =
        """PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string EsriZone37 =
        """PROJCS["CGCS2000_3_Degree_GK_Zone_37",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",37500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string EsriZone36 =
        """PROJCS["CGCS2000_3_Degree_GK_Zone_36",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",36500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string EsriSixDegreeZone18 =
        """PROJCS["CGCS2000_GK_Zone_18",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",18500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string EsriSixDegreeCm105 =
        """PROJCS["CGCS2000_GK_CM_105E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string EsriCgcs2000Geographic =
        """GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";

    private const string EsriWgs84 =
        """GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";

    private const string OgcWkt1WithAuthority =
        """
        PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",
            GEOGCS["China Geodetic Coordinate System 2000",
                DATUM["China_2000",
                    SPHEROID["CGCS2000",6378137,298.257222101,
                        AUTHORITY["EPSG","1024"]],
                    AUTHORITY["EPSG","1043"]],
                PRIMEM["Greenwich",0,
                    AUTHORITY["EPSG","8901"]],
                UNIT["degree",0.0174532925199433,
                    AUTHORITY["EPSG","9122"]],
                AUTHORITY["EPSG","4490"]],
            PROJECTION["Transverse_Mercator"],
            PARAMETER["latitude_of_origin",0],
            PARAMETER["central_meridian",108],
            PARAMETER["scale_factor",1],
            PARAMETER["false_easting",500000],
            PARAMETER["false_northing",0],
            UNIT["metre",1,
                AUTHORITY["EPSG","9001"]],
            AUTHORITY["EPSG","4545"]]
        """;

    private const string Wkt2Cm108 =
        """PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4490]],CONVERSION["3-degree Gauss-Kruger CM 108E",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",108,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Cadastre, engineering survey, topographic mapping (large scale)."],AREA["China - onshore between 106°30'E and 109°30'E."],BBOX[18.19,106.5,42.47,109.51]],ID["EPSG",4545]]""";

    private const string Wkt2Zone37WithoutId =
        """PROJCRS["CGCS2000 / 3-degree Gauss-Kruger zone 37",BASEGEODCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]]],CONVERSION["3-degree Gauss-Kruger zone 37",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",111,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",37500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]]]""";

    private const string Wkt2Cgcs2000Geographic =
        """GEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],USAGE[SCOPE["Horizontal component of 3D system."],AREA["China - onshore and offshore."],BBOX[16.7,73.62,53.56,134.77]],ID["EPSG",4490]]""";

    private const string Wkt2Wgs84EnsembleWithoutId =
        """GEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (Transit)"],MEMBER["World Geodetic System 1984 (G730)"],ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]],ENSEMBLEACCURACY[2.0]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]]]""";

    private const string UnnamedTransverseMercatorZone37 =
        """PROJCS["unnamed",GEOGCS["unknown",DATUM["unknown",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",111],PARAMETER["scale_factor",1],PARAMETER["false_easting",37500000],PARAMETER["false_northing",0],UNIT["Meter",1]]""";

    private const string MisnamedCm111 =
        """PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string EsriXian1980 =
        """PROJCS["Xian_1980_3_Degree_GK_CM_114E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string OgcXian1980WithAuthority =
        """PROJCS["Xian 1980 / 3-degree Gauss-Kruger CM 114E",GEOGCS["Xian 1980",DATUM["Xian_1980",SPHEROID["IAG 1975",6378140,298.257,AUTHORITY["EPSG","7049"]],AUTHORITY["EPSG","6610"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4610"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",114],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","2383"]]""";

    private const string EsriBeijing1954 =
        """PROJCS["Beijing_1954_3_Degree_GK_CM_114E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string Wgs84GaussKruger =
        """PROJCS["WGS_1984_3_Degree_GK_CM_108E",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string Cgcs2000Lambert =
        """PROJCS["CGCS2000_Lambert",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Standard_Parallel_1",25.0],PARAMETER["Standard_Parallel_2",47.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string Cgcs2000GaussKrugerInFeet =
        """PROJCS["CGCS2000_3_Degree_GK_CM_108E_ft",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Foot",0.3048]]""";

    private const string Cgcs2000ScaleFactor09996 =
        """PROJCS["CGCS2000_UTM_like",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string Cgcs2000OffGridMeridian =
        """PROJCS["Local_TM_110_5",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",110.5],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private const string OgcSixDegreeCm105WithoutAuthority =
        """PROJCS["CGCS2000 / Gauss-Kruger CM 105E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]""";

    private const string CompoundWithYellowSeaHeight =
        """COMPD_CS["CGCS2000 / 3-degree Gauss-Kruger CM 108E + Yellow Sea 1985 height",PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]],VERT_CS["Yellow Sea 1985 height",VERT_DATUM["Yellow Sea 1985",2005],UNIT["metre",1],AXIS["Gravity-related height",UP]]]""";

    private const string Wkt2GeocentricCgcs2000 =
        """GEODCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[Cartesian,3],AXIS["(X)",geocentricX,ORDER[1],LENGTHUNIT["metre",1]],AXIS["(Y)",geocentricY,ORDER[2],LENGTHUNIT["metre",1]],AXIS["(Z)",geocentricZ,ORDER[3],LENGTHUNIT["metre",1]]]""";

    [Fact]
    public void Epsg_style_6_degree_name_without_authority_is_epsg_4507() =>
        AssertRecognized(4507, OgcSixDegreeCm105WithoutAuthority);

    [Fact]
    public void Unnamed_cm_105_without_prefix_is_taken_as_the_3_degree_zone_surveys_use() =>
        AssertRecognized(4544, OgcSixDegreeCm105WithoutAuthority.Replace("CGCS2000 / Gauss-Kruger CM 105E", "unnamed", StringComparison.Ordinal));

    [Fact]
    public void Compound_crs_with_a_height_is_recognized_by_its_horizontal_part() =>
        AssertRecognized(4545, CompoundWithYellowSeaHeight);

    [Fact]
    public void Geocentric_cgcs2000_is_not_geographic() =>
        Assert.True(CrsRegistry.FromWkt(Wkt2GeocentricCgcs2000) is null, "a Cartesian GEODCRS is geocentric");

    [Fact]
    public void Esri_prj_for_cm_108_is_epsg_4545() => AssertRecognized(4545, EsriCm108);

    [Fact]
    public void Esri_prj_for_zone_37_with_prefix_is_epsg_4525() => AssertRecognized(4525, EsriZone37);

    [Fact]
    public void Esri_prj_for_zone_36_with_prefix_is_epsg_4524() => AssertRecognized(4524, EsriZone36);

    [Fact]
    public void Esri_prj_for_6_degree_zone_18_is_epsg_4496() => AssertRecognized(4496, EsriSixDegreeZone18);

    [Fact]
    public void Esri_prj_for_6_degree_cm_105_is_epsg_4507_not_the_3_degree_zone_on_the_same_meridian() =>
        AssertRecognized(4507, EsriSixDegreeCm105);

    [Fact]
    public void Esri_cgcs2000_geographic_is_epsg_4490() => AssertRecognized(4490, EsriCgcs2000Geographic);

    [Fact]
    public void Esri_wgs_1984_geographic_is_epsg_4326() => AssertRecognized(4326, EsriWgs84);

    [Fact]
    public void Ogc_wkt1_with_authority_is_epsg_4545() => AssertRecognized(4545, OgcWkt1WithAuthority);

    [Fact]
    public void Esri_prj_with_transverse_mercator_instead_of_gauss_kruger_is_recognized() =>
        AssertRecognized(4545, EsriCm108.Replace("Gauss_Kruger", "Transverse_Mercator", StringComparison.Ordinal));

    [Fact]
    public void Wkt2_with_id_is_epsg_4545() => AssertRecognized(4545, Wkt2Cm108);

    [Fact]
    public void Wkt2_2015_without_id_is_recognized_from_its_parameters() => AssertRecognized(4525, Wkt2Zone37WithoutId);

    [Fact]
    public void Wkt2_geographic_cgcs2000_is_epsg_4490() => AssertRecognized(4490, Wkt2Cgcs2000Geographic);

    [Fact]
    public void Wkt2_wgs84_datum_ensemble_without_id_is_epsg_4326() => AssertRecognized(4326, Wkt2Wgs84EnsembleWithoutId);

    [Fact]
    public void Unnamed_transverse_mercator_on_grs80_is_recognized_from_its_parameters() =>
        AssertRecognized(4525, UnnamedTransverseMercatorZone37);

    [Fact]
    public void Parameters_win_over_a_misleading_name() => AssertRecognized(4546, MisnamedCm111);

    [Fact]
    public void Authority_for_an_unsupported_code_falls_back_to_the_parameters() =>
        AssertRecognized(4545, OgcWkt1WithAuthority.Replace("\"4545\"", "\"99999\"", StringComparison.Ordinal));

    [Fact]
    public void Parentheses_and_whitespace_are_tolerated() =>
        AssertRecognized(4545, "\uFEFF  " + EsriCm108.Replace('[', '(').Replace(']', ')') + "\r\n");

    [Theory]
    [InlineData(EsriXian1980, "Xian 1980 projected")]
    [InlineData(OgcXian1980WithAuthority, "Xian 1980 projected, EPSG:2383")]
    [InlineData(EsriBeijing1954, "Beijing 1954 projected")]
    [InlineData(Wgs84GaussKruger, "Gauss-Kruger on WGS 84 is no EPSG CGCS2000 zone")]
    [InlineData(Cgcs2000Lambert, "another projection")]
    [InlineData(Cgcs2000GaussKrugerInFeet, "units other than metres")]
    [InlineData(Cgcs2000ScaleFactor09996, "scale factor 0.9996 is UTM-like, not Gauss-Kruger")]
    [InlineData(Cgcs2000OffGridMeridian, "central meridian 110.5 is on no zone grid")]
    [InlineData("", "empty text")]
    [InlineData("not wkt at all", "not WKT")]
    [InlineData("PROJCS[\"broken\",GEOGCS[", "truncated WKT")]
    [InlineData("LOCAL_CS[\"site grid\",UNIT[\"metre\",1]]", "a local engineering CRS")]
    public void Unsupported_wkt_gives_null(string wkt, string reason) =>
        Assert.True(CrsRegistry.FromWkt(wkt) is null, reason);

    [Fact]
    public void Null_wkt_throws() => Assert.Throws<ArgumentNullException>(() => CrsRegistry.FromWkt(null!));

    [Fact]
    public void Every_registry_definition_is_recognized_from_its_esri_style_prj()
    {
        foreach (CrsDefinition definition in CrsRegistry.All.Where(d => !d.IsGeographic))
        {
            string name = definition.ZoneWidthDegrees == 3
                ? (definition.HasZonePrefix ? Invariant($"CGCS2000_3_Degree_GK_Zone_{definition.Zone}") : Invariant($"CGCS2000_3_Degree_GK_CM_{definition.CentralMeridian}E"))
                : (definition.HasZonePrefix ? Invariant($"CGCS2000_GK_Zone_{definition.Zone}") : Invariant($"CGCS2000_GK_CM_{definition.CentralMeridian}E"));
            string wkt = EsriCm108
                .Replace("CGCS2000_3_Degree_GK_CM_108E", name, StringComparison.Ordinal)
                .Replace("500000.0", Invariant($"{definition.FalseEasting:R}"), StringComparison.Ordinal)
                .Replace("108.0", Invariant($"{definition.CentralMeridian:R}"), StringComparison.Ordinal);

            Assert.True(definition == CrsRegistry.FromWkt(wkt), $"{definition} from {wkt}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void AssertRecognized(int expectedEpsg, string wkt)
    {
        CrsDefinition? definition = CrsRegistry.FromWkt(wkt);
        Assert.True(definition?.Epsg == expectedEpsg, $"expected EPSG:{expectedEpsg}, got {definition?.ToString() ?? "null"} for {wkt}");
    }
}
