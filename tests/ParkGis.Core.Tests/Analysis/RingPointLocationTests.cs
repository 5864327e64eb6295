using FsCheck.Xunit;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

public sealed class RingPointLocationTests
{
    private static readonly Coordinate[] Square = [new(0, 0), new(2, 0), new(2, 2), new(0, 2), new(0, 0)];

    [Theory]
    [InlineData(1, 1, Location.Interior)]
    [InlineData(2, 1, Location.Boundary)] // on an edge
    [InlineData(0, 0, Location.Boundary)] // a vertex
    [InlineData(1, 2, Location.Boundary)] // on the top edge, which is horizontal
    [InlineData(3, 1, Location.Exterior)]
    [InlineData(-1, 0, Location.Exterior)] // the ray runs along the bottom edge
    [InlineData(-1, 2, Location.Exterior)] // the ray runs along the top edge
    [InlineData(1, -0.5, Location.Exterior)]
    public void Points_around_a_square(double x, double y, Location expected)
    {
        Assert.Equal(expected, RingPointLocation.Locate(new Coordinate(x, y), Square));
    }

    [Property(MaxTest = 1000)]
    public bool Agrees_with_NTS_on_a_small_integer_grid(int seed)
    {
        // Integer coordinates in a 5 × 5 grid put points on vertices, on edges and on the rays through vertices
        // often; the rings need not be simple — both locate by crossing number.
        var random = new Random(seed);
        var ring = RandomPolygons.GridRing(random, side: 5, maxVertices: 8);
        for (var k = 0; k < 20; k++)
        {
            var point = new Coordinate(random.Next(-1, 6) + (random.Next(2) * 0.5), random.Next(-1, 6) + (random.Next(2) * 0.5));
            if (RingPointLocation.Locate(point, ring) != PointLocation.LocateInRing(point, ring))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Agrees_with_NTS_on_random_stars_in_Gauss_Krueger_coordinates(int seed)
    {
        var ring = RandomPolygons.Star(seed, maxRadius: 60).Shell.Coordinates;
        var random = new Random(seed);
        for (var k = 0; k < 20; k++)
        {
            var point = k < 5
                ? ring[random.Next(ring.Length)] // vertices
                : new Coordinate(499_940 + (random.NextDouble() * 120), 4_399_940 + (random.NextDouble() * 120));
            if (RingPointLocation.Locate(point, ring) != PointLocation.LocateInRing(point, ring))
            {
                return false;
            }
        }

        return true;
    }
}
