using NetTopologySuite.IO;
using ParkGis.Core.Crs;
using ParkGis.Core.Infrastructure;

namespace ParkGis.Core.Tests.Infrastructure;

public sealed class ServiceAreaDistanceTests
{
    private static readonly WKTReader Wkt = new();

    private static ServiceArea Network(params string[] lines) =>
        new([.. lines.Select(Wkt.Read)], CrsRegistry.FromEpsg(4545)!, 100);

    [Theory]
    [InlineData("POLYGON ((0 250, 10 250, 10 260, 0 260, 0 250))", 250)] // beyond the service distance, above the main
    [InlineData("POLYGON ((1000 0, 1010 0, 1010 10, 1000 10, 1000 0))", 900)] // far past its end, found by widening
    [InlineData("POLYGON ((50 -5, 60 -5, 60 5, 50 5, 50 -5))", 0)] // crossed by it
    public void The_distance_is_the_gap_to_the_nearest_segment_not_the_service_distance(string parcel, double expected)
    {
        var network = Network("LINESTRING (0 0, 100 0)", "LINESTRING (5000 5000, 6000 5000)");

        Assert.Equal(expected, network.DistanceTo(Wkt.Read(parcel))!.Value, 9);
    }

    [Fact]
    public void A_network_without_features_has_no_distance()
    {
        Assert.Null(Network().DistanceTo(Wkt.Read("POINT (0 0)")));
    }
}
