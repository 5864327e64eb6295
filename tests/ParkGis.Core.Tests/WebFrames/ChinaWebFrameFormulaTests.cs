using NetTopologySuite.Geometries;
using ParkGis.Core.WebFrames;

namespace ParkGis.Core.Tests.WebFrames;

public sealed class ChinaWebFrameFormulaTests
{
    [Fact]
    public void Ordos_test_vector_converts_to_the_published_GCJ_02_and_BD_09_within_1e_6_degrees()
    {
        var (gcjLon, gcjLat) = ChinaWebFrameFormula.Wgs84ToGcj02(109.78, 39.61);
        var (bdLon, bdLat) = ChinaWebFrameFormula.Gcj02ToBd09(gcjLon, gcjLat);

        Assert.True(Math.Abs(gcjLon - 109.785715) < 1e-6 && Math.Abs(gcjLat - 39.611020) < 1e-6, $"GCJ-02 {gcjLon:R}, {gcjLat:R}");
        Assert.True(Math.Abs(bdLon - 109.792138) < 1e-6 && Math.Abs(bdLat - 39.617265) < 1e-6, $"BD-09 {bdLon:R}, {bdLat:R}");
    }

    [Theory]
    [InlineData(2.35, 48.85, "Paris is outside China")]
    [InlineData(-74.0, 40.7, "New York is outside China")]
    [InlineData(140.0, 35.0, "east of the box")]
    public void Points_outside_China_are_left_unchanged(double lon, double lat, string reason)
    {
        var (x, y, converted) = ChinaWebFrameFormula.FromWgs84(WebMapFrame.Gcj02, lon, lat);

        Assert.False(converted, reason);
        Assert.Equal(lon, x);
        Assert.Equal(lat, y);
    }

    [Fact]
    public void Geometry_conversion_counts_points_inside_and_outside_China_and_leaves_the_input_alone()
    {
        var factory = new GeometryFactory();
        var line = factory.CreateLineString([new Coordinate(109.78, 39.61), new Coordinate(2.35, 48.85), new Coordinate(110, 40)]);
        var conversion = new WebFrameConversion(WebMapFrame.Bd09);

        var converted = conversion.Apply(line);

        Assert.Equal(2, conversion.ConvertedPoints);
        Assert.Equal(1, conversion.OutsideChinaPoints);
        Assert.Equal(109.792138, converted.Coordinates[0].X, 6);
        Assert.Equal(2.35, converted.Coordinates[1].X);
        Assert.Equal(109.78, line.Coordinates[0].X);
    }

    [Theory]
    [InlineData("gcj02", WebMapFrame.Gcj02)]
    [InlineData("BD09", WebMapFrame.Bd09)]
    [InlineData("wgs84", WebMapFrame.Wgs84)]
    public void Option_values_parse_case_insensitively(string text, WebMapFrame expected)
    {
        Assert.True(WebMapFrames.TryParse(text, out var frame));
        Assert.Equal(expected, frame);
    }
}
