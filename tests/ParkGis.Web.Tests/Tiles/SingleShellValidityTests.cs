using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Valid;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Tiles;

public sealed class SingleShellValidityTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly WKTReader Reader = new();

    [Theory]
    [InlineData("a square", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")]
    [InlineData("repeated vertices and three in a line", "POLYGON ((0 0, 5 0, 5 0, 10 0, 10 10, 0 10, 0 0, 0 0))")]
    [InlineData("a triangle in a multipolygon of one part", "MULTIPOLYGON (((0 0, 4 0, 0 3, 0 0)))")]
    [InlineData("an L shape, clockwise", "POLYGON ((0 0, 0 10, 4 10, 4 4, 10 4, 10 0, 0 0))")]
    public void Proves_a_simple_shell_valid(string reason, string wkt)
    {
        var geometry = Reader.Read(wkt);
        Assert.True(SingleShellValidity.IsProvenValid(geometry), reason);
        Assert.True(geometry.IsValid, reason);
    }

    [Theory]
    [InlineData("bow tie", "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")]
    [InlineData("spike", "POLYGON ((0 0, 10 0, 10 10, 10 20, 10 10, 0 10, 0 0))")]
    [InlineData("touching itself at a vertex", "POLYGON ((0 0, 10 0, 5 5, 10 10, 0 10, 5 5, 0 0))")]
    [InlineData("a vertex on another edge", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 5, 10 5, 5 2, 0 5, 0 0))")]
    [InlineData("all in a line", "POLYGON ((0 0, 5 0, 10 0, 0 0))")]
    [InlineData("two vertices", "POLYGON ((0 0, 5 0, 5 0, 0 0))")]
    public void Does_not_prove_a_shell_that_is_not_simple(string reason, string wkt)
    {
        var geometry = Reader.Read(wkt);
        Assert.False(SingleShellValidity.IsProvenValid(geometry), reason);
        Assert.False(geometry.IsValid, reason);
    }

    [Theory]
    [InlineData("a hole", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")]
    [InlineData("two parts", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))")]
    public void Leaves_holes_and_several_parts_to_IsValidOp(string reason, string wkt)
    {
        Assert.False(SingleShellValidity.IsProvenValid(Reader.Read(wkt)), reason);
    }

    [Property(MaxTest = 3000)]
    public bool Never_proves_a_shell_IsValidOp_rejects(int seed)
    {
        // Random vertices on a small grid (crossings, touches, spikes, repeats) and, on every other seed, off it.
        var random = new Random(seed);
        var n = random.Next(3, 9);
        var scale = seed % 2 == 0 ? 1 : 0.1;
        var coordinates = Enumerable.Range(0, n).Select(_ => new Coordinate(random.Next(6) * scale, random.Next(6) * scale)).ToList();
        coordinates.Add(coordinates[0].Copy());
        var polygon = Factory.CreatePolygon([.. coordinates]);
        return !SingleShellValidity.IsProvenValid(polygon) || new IsValidOp(polygon).IsValid;
    }

    [Property(MaxTest = 300)]
    public bool Never_proves_a_large_shell_IsValidOp_rejects(int seed)
    {
        // A 40–400-vertex star in lon/lat-sized numbers (past the pair scan, into the sweep), a few vertices thrown elsewhere.
        var random = new Random(seed);
        var n = random.Next(40, 400);
        var coordinates = new List<Coordinate>(n + 1);
        for (var i = 0; i < n; i++)
        {
            var angle = 2 * Math.PI * i / n;
            var radius = 0.01 + (random.Next(300) * 1e-5);
            coordinates.Add(new Coordinate(109.8 + (radius * Math.Cos(angle)), 39.6 + (radius * Math.Sin(angle))));
        }

        for (var moved = random.Next(0, 3); moved > 0; moved--)
        {
            coordinates[random.Next(n)] = new Coordinate(109.8 + (random.Next(-1300, 1300) * 1e-5), 39.6 + (random.Next(-1300, 1300) * 1e-5));
        }

        coordinates.Add(coordinates[0].Copy());
        var polygon = Factory.CreatePolygon([.. coordinates]);
        return !SingleShellValidity.IsProvenValid(polygon) || new IsValidOp(polygon).IsValid;
    }
}
