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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_distance_equals_the_least_distance_to_every_feature_for_parcels_near_and_far_from_a_random_network(int seed)
    {
        var random = new Random(seed);
        double Next(double range) => Math.Round(random.NextDouble() * range, 1);
        var lines = Enumerable.Range(0, 300)
            .Select(_ => (X: Next(20_000), Y: Next(20_000)))
            .Select(p => FormattableString.Invariant($"LINESTRING ({p.X} {p.Y}, {p.X + Next(400) - 200} {p.Y + Next(400) - 200}, {p.X + Next(400) - 200} {p.Y + Next(400) - 200})"))
            .ToArray();
        var network = Network(lines);
        var features = lines.Select(Wkt.Read).ToList();

        for (var i = 0; i < 200; i++)
        {
            // Parcels inside the network's extent and far outside it (up to 60 km away).
            var (x, y) = (Next(80_000) - 30_000, Next(80_000) - 30_000);
            var parcel = Wkt.Read(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 30} {y}, {x + 30} {y + 20}, {x} {y + 20}, {x} {y}))"));

            Assert.Equal(features.Min(f => f.Distance(parcel)), network.DistanceTo(parcel));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_parcel_is_served_exactly_when_some_feature_lies_within_the_service_distance_around_line_ends_and_bends(int seed)
    {
        // Parcels just inside and just outside the distance from random line ends and bends, where a buffer's round
        // caps and joins are chords inside the true circles: the answer must be the exact one of every feature.
        var random = new Random(seed);
        double Next(double range) => Math.Round(random.NextDouble() * range, 3);
        var lines = Enumerable.Range(0, 60)
            .Select(_ => (X: Next(5_000), Y: Next(5_000)))
            .Select(p => FormattableString.Invariant($"LINESTRING ({p.X} {p.Y}, {p.X + Next(400) - 200} {p.Y + Next(400) - 200}, {p.X + Next(400) - 200} {p.Y + Next(400) - 200})"))
            .ToArray();
        var network = Network(lines);
        var features = lines.Select(Wkt.Read).ToList();
        var served = 0;
        for (var i = 0; i < 600; i++)
        {
            var vertex = features[random.Next(features.Count)].Coordinates[random.Next(3)];
            var angle = random.NextDouble() * 2 * Math.PI;
            var reach = 100 + (random.NextDouble() * 6) - 3; // 97–103 m from the vertex
            var (x, y) = (vertex.X + (reach * Math.Cos(angle)), vertex.Y + (reach * Math.Sin(angle)));
            var parcel = Wkt.Read(FormattableString.Invariant($"POLYGON (({x} {y}, {x + 0.5} {y}, {x + 0.5} {y + 0.5}, {x} {y + 0.5}, {x} {y}))"));
            var expected = features.Any(f => f.IsWithinDistance(parcel, 100));
            Assert.Equal(expected, network.Serves(parcel));
            served += expected ? 1 : 0;
        }

        Assert.InRange(served, 50, 560); // both answers occur, each many times
    }

    [Fact]
    public void A_network_without_features_has_no_distance()
    {
        Assert.Null(Network().DistanceTo(Wkt.Read("POINT (0 0)")));
    }
}
