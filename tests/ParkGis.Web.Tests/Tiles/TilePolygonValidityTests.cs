using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Tiles;

public sealed class TilePolygonValidityTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Proves_a_square_with_a_hole_and_a_second_square_valid()
    {
        List<List<int[]>> polygons =
        [
            [[0, 0, 10, 0, 10, 10, 0, 10], [2, 2, 2, 4, 4, 4, 4, 2]],
            [[20, 0, 30, 0, 30, 10, 20, 10]],
        ];

        Assert.True(TilePolygonValidity.IsProvenValid(polygons));
    }

    [Theory]
    [InlineData("spike", new[] { 0, 0, 10, 0, 10, 10, 10, 20, 10, 10, 0, 10 })]
    [InlineData("bow tie", new[] { 0, 0, 10, 10, 10, 0, 0, 10 })]
    [InlineData("bridge along a tile edge", new[] { 0, 0, 0, 4, 4, 4, 4, 0, 6, 0, 6, 4, 10, 4, 10, 0 })]
    [InlineData("touching itself", new[] { 0, 0, 10, 0, 5, 5, 10, 10, 0, 10, 5, 5 })]
    public void Does_not_prove_a_ring_that_is_not_simple(string reason, int[] ring)
    {
        Assert.False(TilePolygonValidity.IsProvenValid([[ring]]), reason);
    }

    [Fact]
    public void Does_not_prove_a_hole_outside_its_shell_or_parts_that_overlap()
    {
        Assert.False(TilePolygonValidity.IsProvenValid([[[0, 0, 10, 0, 10, 10, 0, 10], [20, 20, 20, 22, 22, 22, 22, 20]]]));
        Assert.False(TilePolygonValidity.IsProvenValid([[[0, 0, 10, 0, 10, 10, 0, 10]], [[2, 2, 4, 2, 4, 4, 2, 4]]]));
    }

    [Property(MaxTest = 3000)]
    public bool Never_proves_a_polygon_IsValidOp_rejects(int seed)
    {
        // Rings of random vertices on a small grid: crossings, touches, spikes, nesting of every kind.
        var random = new Random(seed);
        var polygons = new List<List<int[]>>();
        for (var p = random.Next(1, 3); p > 0; p--)
        {
            var rings = new List<int[]>();
            for (var r = random.Next(1, 3); r > 0; r--)
            {
                var ring = Enumerable.Range(0, 2 * random.Next(3, 7)).Select(_ => random.Next(7)).ToArray();
                rings.Add(ring);
            }

            polygons.Add(rings);
        }

        return !TilePolygonValidity.IsProvenValid(polygons) || new IsValidOp(ToGeometry(polygons)).IsValid;
    }

    [Property(MaxTest = 300)]
    public bool Never_proves_a_large_ring_IsValidOp_rejects(int seed)
    {
        // A 60–400-vertex star (past the pair scan, into the sweep) with a few vertices thrown elsewhere.
        var random = new Random(seed);
        var n = random.Next(60, 400);
        var ring = new int[2 * n];
        for (var i = 0; i < n; i++)
        {
            var angle = 2 * Math.PI * i / n;
            var radius = 1000 + random.Next(300);
            ring[2 * i] = (int)(radius * Math.Cos(angle));
            ring[(2 * i) + 1] = (int)(radius * Math.Sin(angle));
        }

        for (var moved = random.Next(0, 3); moved > 0; moved--)
        {
            var i = random.Next(n);
            ring[2 * i] = random.Next(-1300, 1300);
            ring[(2 * i) + 1] = random.Next(-1300, 1300);
        }

        List<List<int[]>> polygons = [[ring]];
        return !TilePolygonValidity.IsProvenValid(polygons) || new IsValidOp(ToGeometry(polygons)).IsValid;
    }

    private static Geometry ToGeometry(List<List<int[]>> polygons)
    {
        var parts = polygons.Select(rings => Factory.CreatePolygon(Ring(rings[0]), [.. rings.Skip(1).Select(Ring)])).ToArray();
        return parts.Length == 1 ? parts[0] : Factory.CreateMultiPolygon(parts);
    }

    private static LinearRing Ring(int[] xy)
    {
        var coordinates = Enumerable.Range(0, xy.Length / 2).Select(i => new Coordinate(xy[2 * i], xy[(2 * i) + 1])).ToList();
        coordinates.Add(coordinates[0].Copy());
        return Factory.CreateLinearRing([.. coordinates]);
    }
}
