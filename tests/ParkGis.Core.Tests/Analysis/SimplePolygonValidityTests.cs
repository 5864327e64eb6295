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
    public void Simple_rings_are_proven_valid(string wkt)
    {
        Assert.True(SimplePolygonValidity.IsProvenValid(Wkt.Read(wkt)));
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")] // bow-tie
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 1 0, 0 2, 0 0))")] // a vertex touching an edge
    [InlineData("POLYGON ((0 0, 3 0, 2 0, 2 2, 0 2, 0 0))")] // a spike back along an edge
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 2 2, 0 2, 0 0))")] // a repeated vertex: valid, but left to IsValidOp
    [InlineData("POLYGON ((0 0, 1 0, 2 0, 0 0))")] // collapsed to a line
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))")] // a hole: left to IsValidOp
    [InlineData("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))")] // not a single polygon
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

    [Property(MaxTest = 2000)]
    public bool Never_proves_a_polygon_IsValidOp_rejects(int seed)
    {
        // Random rings on a 4 × 4 integer grid: most are invalid in every way there is (crossings, touches,
        // spikes, collapses); the proof must never accept one of them.
        var polygon = Factory.CreatePolygon(RandomPolygons.GridRing(new Random(seed), side: 4, maxVertices: 7));
        return !SimplePolygonValidity.IsProvenValid(polygon) || new IsValidOp(polygon).IsValid;
    }

    [Fact]
    public void Proves_every_random_star_valid()
    {
        var proven = Enumerable.Range(0, 500).Count(seed => SimplePolygonValidity.IsProvenValid(RandomPolygons.Star(seed, maxRadius: 60)));

        Assert.Equal(500, proven);
    }

    [Fact]
    public void Proves_most_valid_grid_rings_valid()
    {
        // The proof should decline only for repeated vertices; count how many IsValidOp-valid grid rings it proves.
        var valid = 0;
        var proven = 0;
        for (var seed = 0; seed < 3000; seed++)
        {
            var polygon = Factory.CreatePolygon(RandomPolygons.GridRing(new Random(seed), side: 4, maxVertices: 7));
            if (new IsValidOp(polygon).IsValid && !polygon.Shell.Coordinates.Zip(polygon.Shell.Coordinates.Skip(1)).Any(p => p.First.Equals2D(p.Second)))
            {
                valid++;
                proven += SimplePolygonValidity.IsProvenValid(polygon) ? 1 : 0;
            }
        }

        Assert.True(valid > 50, $"only {valid} valid rings generated");
        Assert.Equal(valid, proven);
    }
}
