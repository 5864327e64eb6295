using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Publishing;

namespace ParkGis.Core.Tests.Publishing;

public sealed class OutputGeometryPolicyTests
{
    private static readonly WKTReader Wkt = new();

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Fact]
    public void A_square_on_the_grid_is_written_as_it_is()
    {
        var square = Wkt.Read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

        var output = OutputGeometryPolicy.ForDecimals(2).Apply(square);

        Assert.True(output.Geometry.EqualsExact(square), output.Geometry.AsText());
        Assert.Equal(0, output.PartsDropped);
        Assert.Equal(100, output.AreaAfter);
    }

    [Fact]
    public void A_sliver_thinner_than_the_grid_is_dropped_and_counted()
    {
        // 10 m × 1 mm = 0.01 m², written at 1 cm.
        var sliver = Wkt.Read("POLYGON ((0 0, 10 0, 10 0.001, 0 0.001, 0 0))");

        var output = OutputGeometryPolicy.ForDecimals(2).Apply(sliver);

        Assert.True(output.Geometry.IsEmpty, output.Geometry.AsText());
        Assert.Equal(1, output.PartsDropped);
    }

    [Fact]
    public void A_patch_with_a_sliver_part_keeps_the_square_and_drops_the_sliver()
    {
        var patch = Wkt.Read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 0.001, 20 0.001, 20 0)))");
        var tally = new OutputGeometryTally();

        var output = OutputGeometryPolicy.ForDecimals(2).Apply(patch);
        tally.Add(output);

        Assert.True(output.Geometry.EqualsTopologically(Wkt.Read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")), output.Geometry.AsText());
        Assert.Equal(1, tally.PartsDropped);
        Assert.Equal(0.01 / 100.01, tally.RelativeAreaChange, 9);
        Assert.True(tally.IsWorthReporting);
    }

    [Fact]
    public void A_spike_that_rounding_lays_onto_an_edge_is_snapped_into_a_valid_polygon()
    {
        // The notch's tip (5, 0.004) rounds onto the bottom edge at 1 cm: rounding alone gives a self-touching ring.
        var notched = Wkt.Read("POLYGON ((0 0, 10 0, 10 10, 5.004 0.004, 0 10, 0 0))");
        var policy = OutputGeometryPolicy.ForDecimals(2);

        var output = policy.Apply(notched);

        Assert.True(new IsValidOp(output.Geometry).IsValid, output.Geometry.AsText());
        Assert.InRange(Math.Abs(output.AreaAfter - notched.Area), 0, 0.1);
        Assert.All(output.Geometry.Coordinates, c => Assert.Equal(c.X, Math.Round(c.X, 2)));
    }

    [Fact]
    public void A_bow_tie_is_repaired_before_it_is_rounded()
    {
        var bowTie = Wkt.Read("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");

        var output = OutputGeometryPolicy.ForDecimals(3).Apply(bowTie);

        Assert.True(output.Repaired);
        Assert.True(new IsValidOp(output.Geometry).IsValid, output.Geometry.AsText());
        Assert.Equal(50, output.AreaAfter, 6);
    }

    [Fact]
    public void A_line_that_collapses_to_a_point_is_dropped_and_counted()
    {
        var lines = Wkt.Read("MULTILINESTRING ((0 0, 10 0), (20 0, 20.001 0))");

        var output = OutputGeometryPolicy.ForDecimals(2).Apply(lines);

        Assert.Equal(1, output.PartsDropped);
        Assert.Equal(1, output.Geometry.NumGeometries);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Jagged_lon_lat_polygons_are_valid_at_every_precision(int seed)
    {
        // Star-shaped rings with spikes a few grid cells wide, in degrees near 116°E, written at 3 to 8 decimals.
        var random = new Random(seed);
        var decimals = 3 + (seed % 6);
        var cell = Math.Pow(10, -decimals);
        var factory = new GeometryFactory();
        var parts = new List<Polygon>();
        for (var p = 0; p < 3; p++)
        {
            var cx = 116.3 + (p * cell * 40) + (random.NextDouble() * cell * 10);
            var cy = 39.9 + (random.NextDouble() * cell * 10);
            var n = 8 + random.Next(40);
            var ring = new Coordinate[n + 1];
            for (var i = 0; i < n; i++)
            {
                var angle = 2 * Math.PI * i / n;
                var radius = cell * (random.NextDouble() < 0.3 ? 0.3 + random.NextDouble() : 2 + (random.NextDouble() * 20));
                ring[i] = new Coordinate(cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle)));
            }

            ring[n] = ring[0].Copy();
            parts.Add(factory.CreatePolygon(ring));
        }

        var input = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union((Geometry)factory.CreateMultiPolygon([.. parts]));

        var output = OutputGeometryPolicy.ForDecimals(decimals).Apply(input);

        Assert.True(new IsValidOp(output.Geometry).IsValid, $"{new IsValidOp(output.Geometry).ValidationError} in {output.Geometry.AsText()}");
        Assert.True(output.Geometry is IPolygonal, output.Geometry.GeometryType);
        Assert.All(output.Geometry.Coordinates, c => Assert.Equal(c.Y, Math.Round(c.Y, decimals, MidpointRounding.AwayFromZero), 12));
    }
}
