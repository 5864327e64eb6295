using ParkGis.Core.Crs;

namespace ParkGis.Core.Tests.Crs;

public sealed class CrsRegistryTests
{
    [Theory]
    [InlineData(4490, "China Geodetic Coordinate System 2000")]
    [InlineData(4326, "WGS 84")]
    [InlineData(4513, "CGCS2000 / 3-degree Gauss-Kruger zone 25")]
    [InlineData(4525, "CGCS2000 / 3-degree Gauss-Kruger zone 37")]
    [InlineData(4533, "CGCS2000 / 3-degree Gauss-Kruger zone 45")]
    [InlineData(4534, "CGCS2000 / 3-degree Gauss-Kruger CM 75E")]
    [InlineData(4545, "CGCS2000 / 3-degree Gauss-Kruger CM 108E")]
    [InlineData(4554, "CGCS2000 / 3-degree Gauss-Kruger CM 135E")]
    [InlineData(4491, "CGCS2000 / Gauss-Kruger zone 13")]
    [InlineData(4501, "CGCS2000 / Gauss-Kruger zone 23")]
    [InlineData(4502, "CGCS2000 / Gauss-Kruger CM 75E")]
    [InlineData(4508, "CGCS2000 / Gauss-Kruger CM 111E")]
    [InlineData(4512, "CGCS2000 / Gauss-Kruger CM 135E")]
    public void Supported_codes_carry_their_exact_epsg_name(int epsg, string name)
    {
        CrsDefinition? definition = CrsRegistry.FromEpsg(epsg);

        Assert.NotNull(definition);
        Assert.Equal(epsg, definition.Epsg);
        Assert.Equal(name, definition.Name);
    }

    [Fact]
    public void Zone_prefixed_3_degree_zone_37_has_central_meridian_111_and_false_easting_37500000()
    {
        CrsDefinition definition = CrsRegistry.FromEpsg(4525)!;

        Assert.False(definition.IsGeographic);
        Assert.Equal(3, definition.ZoneWidthDegrees);
        Assert.Equal(37, definition.Zone);
        Assert.Equal(111.0, definition.CentralMeridian);
        Assert.True(definition.HasZonePrefix);
        Assert.Equal(37_500_000.0, definition.FalseEasting);
    }

    [Fact]
    public void Six_degree_zone_18_has_central_meridian_105()
    {
        CrsDefinition prefixed = CrsRegistry.FromEpsg(4496)!;
        CrsDefinition unprefixed = CrsRegistry.FromEpsg(4507)!;

        Assert.Equal((6, 18, 105.0, 18_500_000.0), (prefixed.ZoneWidthDegrees, prefixed.Zone!.Value, prefixed.CentralMeridian, prefixed.FalseEasting));
        Assert.Equal((6, 18, 105.0, 500_000.0), (unprefixed.ZoneWidthDegrees, unprefixed.Zone!.Value, unprefixed.CentralMeridian, unprefixed.FalseEasting));
    }

    [Theory]
    [InlineData(4490, true)]
    [InlineData(4326, true)]
    [InlineData(4491, false)]
    [InlineData(4554, false)]
    public void Geographic_flag_matches_the_kind_of_crs(int epsg, bool geographic) =>
        Assert.Equal(geographic, CrsRegistry.FromEpsg(epsg)!.IsGeographic);

    [Theory]
    [InlineData(0, "not a code")]
    [InlineData(4489, "just below the 6-degree range")]
    [InlineData(4555, "just above the 3-degree range")]
    [InlineData(2383, "Xian 1980 / 3-degree Gauss-Kruger CM 114E is not supported")]
    [InlineData(3857, "web mercator is not supported")]
    public void Unsupported_codes_give_null(int epsg, string reason) =>
        Assert.True(CrsRegistry.FromEpsg(epsg) is null, reason);

    [Fact]
    public void Registry_lists_66_definitions_in_code_order()
    {
        Assert.Equal(2 + 42 + 22, CrsRegistry.All.Count);
        Assert.Equal(CrsRegistry.All.OrderBy(d => d.Epsg).Select(d => d.Epsg), CrsRegistry.All.Select(d => d.Epsg));
    }

    [Theory]
    [InlineData(108.4, 36, 4545)]
    [InlineData(109.6, 37, 4546)]
    [InlineData(109.5, 37, 4546)]
    [InlineData(73.5, 25, 4534)]
    [InlineData(136.5, 45, 4554)]
    public void Zone_choice_follows_the_nearest_central_meridian(double longitude, int zone, int epsg)
    {
        CrsDefinition definition = CrsRegistry.GaussKruger3DegreeZoneFor(longitude);

        Assert.Equal(epsg, definition.Epsg);
        Assert.Equal(zone, definition.Zone);
        Assert.False(definition.HasZonePrefix);
    }

    [Theory]
    [InlineData(73.4)]
    [InlineData(136.6)]
    [InlineData(double.NaN)]
    public void Zone_choice_outside_china_throws(double longitude) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CrsRegistry.GaussKruger3DegreeZoneFor(longitude));

    [Theory]
    [InlineData(37_395_227.7, 4525)]
    [InlineData(25_200_000.0, 4513)]
    [InlineData(45_800_000.0, 4533)]
    [InlineData(18_753_698.3, 4496)]
    [InlineData(13_500_000.0, 4491)]
    public void Prefixed_easting_names_its_zone(double easting, int epsg) =>
        Assert.Equal(epsg, CrsRegistry.FromPrefixedEasting(easting)?.Epsg);

    [Theory]
    [InlineData(395_227.7, "six digits: no prefix")]
    [InlineData(24_500_000.0, "prefix 24 is no zone")]
    [InlineData(46_500_000.0, "prefix 46 is no zone")]
    [InlineData(37_100_000.0, "remainder 100 000 is too far west for a zone")]
    [InlineData(37_900_000.0, "remainder 900 000 is too far east for a zone")]
    [InlineData(-37_395_227.7, "negative")]
    [InlineData(double.NaN, "not a number")]
    public void Easting_without_a_valid_prefix_gives_null(double easting, string reason) =>
        Assert.True(CrsRegistry.FromPrefixedEasting(easting) is null, reason);
}
