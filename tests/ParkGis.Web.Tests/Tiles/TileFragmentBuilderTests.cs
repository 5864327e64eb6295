using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Web.Export;
using ParkGis.Web.Tiles;

namespace ParkGis.Web.Tests.Tiles;

public sealed class TileFragmentBuilderTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void A_u_shape_whose_arms_leave_and_reenter_a_tile_comes_out_as_two_valid_polygons()
    {
        // In tile units of z2 stored at z2: a ⊂ whose back lies in tile (0, 0) and whose two arms reach into tile
        // (1, 0): clipped to tile (1, 0), the arms come back joined along its west edge (x = 4016).
        var u = TileShape.OfPolygons([[[3000, 100, 6000, 100, 6000, 1100, 3500, 1100, 3500, 2000, 6000, 2000, 6000, 3000, 3000, 3000]]]);
        var grid = new TileGrid(2, 2, 80);
        var pieces = new Dictionary<(int, int), TileShape>();
        TileClipper.Visit(u, grid, (x, y, piece) => pieces.TryAdd((x, y), piece));
        var builder = new TileFragmentBuilder();

        var fragment = builder.Build(Feature(), pieces[(1, 0)], grid, 1, 0, 0)!;

        var polygon = Decode(fragment);
        Assert.True(polygon.IsValid, polygon.ToString());
        Assert.Equal(1, builder.Counts.Repaired);
        Assert.Equal(2, polygon.NumGeometries);
    }

    [Fact]
    public void A_piece_on_which_snap_rounding_fails_is_rebuilt_valid_on_the_grid()
    {
        // A farmland piece of the S=1000 bench report (z10 tile 816/394, stored at z12, 4 units per tile unit) on which
        // OverlayNG's snap-rounded intersection with the tile square throws "Ring edge missing" (the report ended with
        // exit 4).
        var wkt = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Tiles", "Fixtures", "snap-rounding-failure.wkt"));
        var stored = new NetTopologySuite.IO.WKTReader().Read(wkt);
        var polygons = Enumerable.Range(0, stored.NumGeometries)
            .Select(i => (Polygon)stored.GetGeometryN(i))
            .Select(p => new[] { p.ExteriorRing }.Concat(p.InteriorRings).Select(Open).ToArray())
            .ToList();
        var grid = new TileGrid(10, 12, 80);
        var builder = new TileFragmentBuilder();

        var fragment = builder.Build(Feature(), TileShape.OfPolygons(polygons), grid, 816, 394, 0)!;

        var polygon = Decode(fragment);
        Assert.True(polygon.IsValid, polygon.ToString());
        Assert.Equal(1, builder.Counts.Repaired);
        var square = Factory.ToGeometry(new Envelope(grid.NearEdge(816), grid.FarEdge(816), grid.NearEdge(394), grid.FarEdge(394)));
        var expected = OverlayNGRobust.Overlay(stored, square, SpatialFunction.Intersection).Area / (grid.UnitSize * grid.UnitSize);
        Assert.InRange(polygon.Area, expected * 0.99, expected * 1.01);
    }

    private static double[] Open(LineString ring)
    {
        var xy = new double[2 * (ring.NumPoints - 1)];
        for (var i = 0; i < ring.NumPoints - 1; i++)
        {
            xy[2 * i] = ring.GetCoordinateN(i).X;
            xy[(2 * i) + 1] = ring.GetCoordinateN(i).Y;
        }

        return xy;
    }

    [Property(MaxTest = 60)]
    public bool Every_piece_is_valid_and_the_pieces_add_up_to_the_feature(int seed)
    {
        // A random star-shaped polygon of 20–400 vertices, sometimes with a hole, 200 m–5 km across near Ordos, cut at
        // a random zoom: every piece must decode to a valid polygon, and the pieces, each cut to its own tile (no
        // buffer), must cover the feature's area to within the rounding and simplification along its outline.
        var random = new Random(seed);
        var zoom = random.Next(8, 17);
        var radius = 0.002 + (random.NextDouble() * 0.03);
        var (shell, hole) = Star(random, 108 + random.NextDouble(), 39 + random.NextDouble(), radius);
        var lonLat = Factory.CreatePolygon(shell, hole is null ? [] : [hole]);
        var layer = new PublishedLayer("t", "t", false, false, [new PublishedFeature(lonLat, "t", [])]);
        var pyramid = TilePyramid.Prepare([layer], TileOptions.Default with { MinZoom = zoom, MaxZoom = zoom });
        var feature = pyramid.Features[0];
        var grid = pyramid.Grid(zoom);
        var builder = new TileFragmentBuilder();
        var total = 0.0;
        var allValid = true;
        TileClipper.Visit(feature.Shape!, grid, (x, y, piece) =>
        {
            if (builder.Build(feature, piece, grid, x, y, pyramid.Options.SimplifyToleranceUnits(zoom)) is { } fragment)
            {
                var polygon = Decode(fragment);
                allValid &= polygon.IsValid;
                var tile = Factory.ToGeometry(new Envelope(0, 4096, 0, 4096));
                total += OverlayNGRobust.Overlay(polygon, tile, SpatialFunction.Intersection).Area;
            }

            return true;
        });
        var whole = Whole(feature.Shape!, grid);
        var outline = Outline(feature.Shape!, grid);
        return allValid && Math.Abs(total - whole) <= (outline * 2.5) + 16;
    }

    private static TiledFeature Feature() =>
        TilePyramid.Prepare([new PublishedLayer("t", "t", false, false, [new PublishedFeature(Factory.ToGeometry(new Envelope(0, 1, 0, 1)), "t", [])])], TileOptions.Default).Features[0];

    private static Geometry Decode(TileFragment fragment) =>
        MvtTestDecoder.Polygonal(new DecodedFeature(1, 3, new Dictionary<string, object>(), MvtTestDecoder.Parts(fragment.Commands.Select(c => (ulong)c).ToList(), 3)));

    private static (LinearRing Shell, LinearRing? Hole) Star(Random random, double lon, double lat, double radius)
    {
        var n = random.Next(20, 400);
        var shell = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            var angle = -2 * Math.PI * i / n;
            var r = radius * (0.5 + (0.3 * Math.Sin(3 * angle)) + (0.15 * random.NextDouble()));
            shell[i] = new Coordinate(lon + (r * Math.Cos(angle)), lat + (r * Math.Sin(angle)));
        }

        shell[n] = shell[0].Copy();
        if (random.Next(3) != 0)
        {
            return (Factory.CreateLinearRing(shell), null);
        }

        var hole = new Coordinate[9];
        for (var i = 0; i < 8; i++)
        {
            var angle = 2 * Math.PI * i / 8;
            hole[i] = new Coordinate(lon + (radius * 0.1 * Math.Cos(angle)), lat + (radius * 0.1 * Math.Sin(angle)));
        }

        hole[8] = hole[0].Copy();
        return (Factory.CreateLinearRing(shell), Factory.CreateLinearRing(hole));
    }

    /// <summary>Area of the stored shape in tile units of the grid's zoom.</summary>
    private static double Whole(TileShape shape, TileGrid grid)
    {
        var area = 0.0;
        foreach (var polygon in shape.Polygons)
        {
            for (var r = 0; r < polygon.Length; r++)
            {
                var ring = polygon[r];
                var sum = 0.0;
                for (int i = 0, j = (ring.Length / 2) - 1; i < ring.Length / 2; j = i++)
                {
                    sum += (ring[2 * j] * ring[(2 * i) + 1]) - (ring[2 * i] * ring[(2 * j) + 1]);
                }

                area += (r == 0 ? 1 : -1) * Math.Abs(sum) / 2;
            }
        }

        return area / (grid.UnitSize * grid.UnitSize);
    }

    private static double Outline(TileShape shape, TileGrid grid) =>
        shape.Polygons.SelectMany(p => p).Sum(ring => Enumerable.Range(0, ring.Length / 2).Sum(i =>
        {
            var j = (i + 1) % (ring.Length / 2);
            return Math.Sqrt(Math.Pow(ring[2 * j] - ring[2 * i], 2) + Math.Pow(ring[(2 * j) + 1] - ring[(2 * i) + 1], 2));
        })) / grid.UnitSize;
}
