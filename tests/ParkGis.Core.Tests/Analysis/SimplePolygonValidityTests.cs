using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Valid;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

public sealed class SimplePolygonValidityTests
{
    private static readonly WKTReader Wkt = new();
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")]
    [InlineData("POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0))")] // clockwise
    [InlineData("POLYGON ((0 0, 1 0, 2 0, 2 2, 0 2, 0 0))")] // a straight vertex mid-edge
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 2 1, 0 4, 0 0))")] // concave
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))")] // a hole
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0), (1 1, 2 1, 2 2, 1 1), (5 5, 5 7, 7 7, 5 5))")] // two holes apart
    [InlineData("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))")] // one part
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 2 2, 0 2, 0 0))")] // a repeated vertex
    [InlineData("POLYGON ((0 0, 5 0, 5 0, 10 0, 10 10, 0 10, 0 0, 0 0))")] // repeated vertices, three in a line, the closing one twice
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0), (1 1, 2 1, 2 1, 2 2, 1 1))")] // a hole with a repeated vertex
    [InlineData("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.5 5.2, 5.8 5.2, 5.8 5.5, 5.5 5.2)))")] // two parts apart, one with a hole
    public void Simple_rings_are_proven_valid(string wkt)
    {
        Assert.True(SimplePolygonValidity.IsProvenValid(Wkt.Read(wkt)));
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")] // bow-tie
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 1 0, 0 2, 0 0))")] // a vertex touching an edge
    [InlineData("POLYGON ((0 0, 3 0, 2 0, 2 2, 0 2, 0 0))")] // a spike back along an edge
    [InlineData("POLYGON ((0 0, 1 0, 2 0, 0 0))")] // collapsed to a line
    [InlineData("POLYGON ((0 0, 5 0, 5 0, 0 0))")] // two distinct vertices once the repeat is dropped
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 10 10, 10 20, 10 10, 0 10, 0 0))")] // a spike behind a repeated vertex
    [InlineData("POLYGON ((0 0, 10 0, 5 5, 5 5, 10 10, 0 10, 5 5, 0 0))")] // touching itself at a repeated vertex
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (5 1, 6 1, 6 2, 5 1))")] // a hole outside the shell
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0), (1 1, 8 1, 8 8, 1 8, 1 1), (2 2, 3 2, 3 3, 2 2))")] // nested holes
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (0 0, 2 1, 1 2, 0 0))")] // a hole touching the shell: valid, but left to IsValidOp
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 5 1, 1 2, 1 1))")] // a hole crossing the shell
    [InlineData("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)))")] // overlapping parts
    [InlineData("MULTIPOLYGON (((0 0, 9 0, 9 9, 0 9, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)))")] // a part inside another
    [InlineData("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((2 0, 4 0, 4 2, 2 2, 2 0)))")] // parts sharing an edge
    [InlineData("MULTIPOLYGON (((0 0, 9 0, 9 9, 0 9, 0 0), (1 1, 8 1, 8 8, 1 8, 1 1)), ((2 2, 3 2, 3 3, 2 2)))")] // a part in a hole: valid, but left to IsValidOp
    [InlineData("GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0)))")] // not polygonal
    public void Anything_else_is_left_to_IsValidOp(string wkt)
    {
        Assert.False(SimplePolygonValidity.IsProvenValid(Wkt.Read(wkt)));
    }

    [Fact]
    public void A_coordinate_that_is_not_a_number_is_not_proven_valid()
    {
        var ring = new Coordinate[] { new(0, 0), new(2, 0), new(double.NaN, 2), new(0, 2), new(0, 0) };

        Assert.False(SimplePolygonValidity.IsProvenValid(Factory.CreatePolygon(ring)));
    }

    [Fact]
    public void Coordinates_too_large_for_the_orientation_predicate_are_left_to_IsValidOp()
    {
        // The reviewer's ring: edge 0 crosses edge 3 at (2e200, 2e200), but products of differences of 1e200
        // overflow and the predicate calls one orientation collinear.
        var polygon = Wkt.Read("POLYGON ((1e200 3e200, 3e200 1e200, 5e200 2e200, 3e200 3e200, 0 0, -1e200 2e200, 1e200 3e200))");

        Assert.False(new IsValidOp(polygon).IsValid);
        Assert.False(SimplePolygonValidity.IsProvenValid(polygon));
    }

    [Property(MaxTest = 2000)]
    public bool Never_proves_a_polygon_IsValidOp_rejects(int seed)
    {
        // Random rings on a 4 × 4 integer grid: most are invalid in every way there is (crossings, touches,
        // spikes, collapses); the proof must never accept one of them.
        var polygon = Factory.CreatePolygon(RandomPolygons.GridRing(new Random(seed), side: 4, maxVertices: 7));
        return !SimplePolygonValidity.IsProvenValid(polygon) || new IsValidOp(polygon).IsValid;
    }

    [Property(MaxTest = 1000)]
    public bool Never_proves_a_polygon_with_holes_or_parts_IsValidOp_rejects(int seed)
    {
        // A shell and holes, or several parts, each a random grid ring: rings cross, touch, nest and overlap.
        var random = new Random(seed);
        Geometry geometry = random.Next(2) == 0
            ? Factory.CreatePolygon(Factory.CreateLinearRing(RandomPolygons.GridRing(random, side: 6, maxVertices: 6)),
                [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Factory.CreateLinearRing(RandomPolygons.GridRing(random, side: 6, maxVertices: 4)))])
            : Factory.CreateMultiPolygon([.. Enumerable.Range(0, random.Next(2, 4)).Select(_ => Factory.CreatePolygon(RandomPolygons.GridRing(random, side: 6, maxVertices: 5)))]);
        return !SimplePolygonValidity.IsProvenValid(geometry) || new IsValidOp(geometry).IsValid;
    }

    [Property(MaxTest = 300)]
    public bool Never_proves_a_large_ring_IsValidOp_rejects(int seed)
    {
        // A 100–600-vertex star (valid) with a few vertices thrown elsewhere: large enough for the grid, and often
        // crossing itself in ways a pair scan of neighbouring edges would miss.
        var random = new Random(seed);
        var ring = BigStar(random, random.Next(100, 600));
        for (var moved = random.Next(0, 4); moved > 0; moved--)
        {
            var i = random.Next(ring.Length - 1);
            ring[i] = new Coordinate(random.Next(-1000, 1000), random.Next(-1000, 1000));
            ring[^1] = ring[0].Copy();
        }

        var polygon = Factory.CreatePolygon(ring);
        return !SimplePolygonValidity.IsProvenValid(polygon) || new IsValidOp(polygon).IsValid;
    }

    [Property(MaxTest = 3000)]
    public bool Never_proves_a_ring_with_repeated_vertices_IsValidOp_rejects(int seed)
    {
        // Grid rings with vertices doubled in place (what rounding coordinates for output does to close vertices):
        // the copy without repeats must be judged, never the repeats waved through.
        var random = new Random(seed);
        var ring = RandomPolygons.GridRing(random, side: 5, maxVertices: 7).ToList();
        for (var doubled = random.Next(1, 4); doubled > 0; doubled--)
        {
            var i = random.Next(ring.Count);
            ring.Insert(i, ring[i].Copy());
        }

        ring[^1] = ring[0].Copy();
        var polygon = Factory.CreatePolygon([.. ring]);
        return !SimplePolygonValidity.IsProvenValid(polygon) || new IsValidOp(polygon).IsValid;
    }

    [Property(MaxTest = 300)]
    public bool Never_proves_a_rounded_lon_lat_ring_IsValidOp_rejects(int seed)
    {
        // A 40–400-vertex star in degrees rounded to 1e-7 (the published precision): neighbouring vertices closer than
        // that collapse into repeats, and a few vertices thrown elsewhere make it cross itself.
        var random = new Random(seed);
        var n = random.Next(40, 400);
        var ring = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            var angle = 2 * Math.PI * (i + (random.Next(3) == 0 ? 0 : random.NextDouble() * 1e-6)) / n;
            var radius = 0.01 + (random.Next(300) * 1e-5);
            ring[i] = new Coordinate(Math.Round(109.8 + (radius * Math.Cos(angle)), 7), Math.Round(39.6 + (radius * Math.Sin(angle)), 7));
            if (i > 0 && random.Next(5) == 0)
            {
                ring[i] = ring[i - 1].Copy();
            }
        }

        for (var moved = random.Next(0, 3); moved > 0; moved--)
        {
            ring[random.Next(n)] = new Coordinate(109.8 + (random.Next(-1300, 1300) * 1e-5), 39.6 + (random.Next(-1300, 1300) * 1e-5));
        }

        ring[n] = ring[0].Copy();
        var polygon = Factory.CreatePolygon(ring);
        return !SimplePolygonValidity.IsProvenValid(polygon) || new IsValidOp(polygon).IsValid;
    }

    [Fact]
    public void Proves_large_stars_with_holes_and_parts_valid()
    {
        var random = new Random(7);
        var shell = BigStar(random, 5000);
        var hole = BigStar(random, 2000, radius: 100);
        var far = BigStar(random, 3000, centreX: 5000);
        var withHole = Factory.CreatePolygon(Factory.CreateLinearRing(shell), [Factory.CreateLinearRing(hole)]);
        var twoParts = Factory.CreateMultiPolygon([withHole, Factory.CreatePolygon(far)]);

        Assert.True(new IsValidOp(twoParts).IsValid);
        Assert.True(SimplePolygonValidity.IsProvenValid(Factory.CreatePolygon(shell)));
        Assert.True(SimplePolygonValidity.IsProvenValid(withHole));
        Assert.True(SimplePolygonValidity.IsProvenValid(twoParts));
    }

    [Fact]
    public void A_large_ring_crossing_itself_far_along_is_not_proven()
    {
        // Vertex 10 of a 5000-vertex star moved to the far side: its edges cross edges thousands of places away.
        var ring = BigStar(new Random(3), 5000);
        ring[10] = new Coordinate(-ring[10].X, -ring[10].Y);
        var polygon = Factory.CreatePolygon(ring);

        Assert.False(new IsValidOp(polygon).IsValid);
        Assert.False(SimplePolygonValidity.IsProvenValid(polygon));
    }

    [Fact]
    public void Proves_every_random_star_valid()
    {
        var proven = Enumerable.Range(0, 500).Count(seed => SimplePolygonValidity.IsProvenValid(RandomPolygons.Star(seed, maxRadius: 60)));

        Assert.Equal(500, proven);
    }

    [Fact]
    public void Proves_every_valid_grid_ring_valid()
    {
        // A valid single ring shares no point with itself, so the proof should prove every one IsValidOp accepts,
        // repeated vertices included.
        var valid = 0;
        var proven = 0;
        var repeats = 0;
        for (var seed = 0; seed < 3000; seed++)
        {
            var polygon = Factory.CreatePolygon(RandomPolygons.GridRing(new Random(seed), side: 4, maxVertices: 7));
            if (new IsValidOp(polygon).IsValid)
            {
                repeats += polygon.Shell.Coordinates.Zip(polygon.Shell.Coordinates.Skip(1)).Any(p => p.First.Equals2D(p.Second)) ? 1 : 0;
                valid++;
                proven += SimplePolygonValidity.IsProvenValid(polygon) ? 1 : 0;
            }
        }

        Assert.True(valid > 50, $"only {valid} valid rings generated");
        Assert.True(repeats > 5, $"only {repeats} valid rings with a repeated vertex generated");
        Assert.Equal(valid, proven);
    }

    /// <summary>
    /// A star-shaped ring of <paramref name="vertices"/> vertices at evenly spread angles: a wavy circle of radius
    /// about <paramref name="radius"/> with a little noise, like a digitised red-line boundary.
    /// </summary>
    private static Coordinate[] BigStar(Random random, int vertices, double radius = 500, double centreX = 0)
    {
        var ring = new Coordinate[vertices + 1];
        var phase = random.NextDouble() * 2 * Math.PI;
        for (var i = 0; i < vertices; i++)
        {
            var angle = 2 * Math.PI * i / vertices;
            var r = radius * (0.75 + (0.2 * Math.Sin((5 * angle) + phase)) + (0.001 * random.NextDouble()));
            ring[i] = new Coordinate(centreX + (r * Math.Cos(angle)), r * Math.Sin(angle));
        }

        ring[vertices] = ring[0].Copy();
        return ring;
    }
}
