using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

/// <summary>
/// <see cref="LayerOverlay.Remainder"/> (批而未供 = batch − ∪supplied pieces in one overlay) against NTS as the oracle:
/// the difference with the OverlayNG union of the pieces.
/// </summary>
public sealed class LayerRemainderTests
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void A_square_minus_tiles_sharing_edges_a_split_tile_and_a_stacked_tile_leaves_the_untouched_tiles()
    {
        var batch = Wkt.Read("POLYGON ((0 0, 30 0, 30 20, 0 20, 0 0))");
        var pieces = new[]
        {
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", // tile (0, 0)
            "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))", // tile (1, 0), sharing an edge
            "POLYGON ((0 10, 5 10, 5 20, 0 20, 0 10))", "POLYGON ((5 10, 10 10, 10 20, 5 20, 5 10))", // tile (0, 1) in halves: 5 10 lies on tile (0, 0)'s edge
            "POLYGON ((12 2, 18 2, 18 8, 12 8, 12 2))", // stacked on tile (1, 0)
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", // a duplicate of tile (0, 0)
        }.Select(w => (Polygon)Wkt.Read(w)).ToList();

        var (remainder, unionArea) = LayerOverlay.Remainder(batch, pieces);

        Assert.True(remainder.IsValid, remainder.AsText());
        Assert.Equal(600 - 300, remainder.Area, 9);
        Assert.Equal(300, unionArea, 9);
        Assert.True(remainder.EqualsTopologically(Wkt.Read("POLYGON ((20 0, 30 0, 30 20, 10 20, 10 10, 20 10, 20 0))")), remainder.AsText());
    }

    [Fact]
    public void Nothing_to_cut_leaves_the_subject_and_everything_cut_leaves_nothing()
    {
        var batch = Wkt.Read("POLYGON ((0 0, 20 0, 20 10, 0 10, 0 0))");

        Assert.Same(batch, LayerOverlay.Remainder(batch, []).Remainder);
        var (all, area) = LayerOverlay.Remainder(batch, [(Polygon)Wkt.Read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), (Polygon)Wkt.Read("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")]);
        Assert.True(all.IsEmpty, all.AsText());
        Assert.Equal(200, area, 9);
    }

    [Fact]
    public void A_thousand_stacked_copies_of_a_parcel_cut_in_two_are_related_once_not_copy_by_copy()
    {
        // The attack: one parcel repeated 1,000 times across two batches that meet along its diagonal gives 1,000 copies
        // of each half. The halves' envelopes overlap (both are the whole square), so relating them pair by pair costs a
        // million tests whose answer never changes. The copies must be related once, and the result must still be two
        // groups of 1,000 and one square.
        var left = (Polygon)Wkt.Read("POLYGON ((0 0, 20 0, 0 20, 0 0))");
        var right = (Polygon)Wkt.Read("POLYGON ((20 0, 20 20, 0 20, 20 0))");
        var pieces = new List<Polygon>();
        for (var copy = 0; copy < 1000; copy++)
        {
            pieces.Add((Polygon)left.Copy());
            pieces.Add((Polygon)right.Copy());
        }

        var tests = 0;
        var groups = LayerOverlay.InteriorGroups(pieces, (a, b) =>
        {
            tests++;
            return InteriorContact.InteriorsIntersect(a, b);
        });

        Assert.True(tests <= 3, $"{tests} pair tests for 2 distinct polygons");
        Assert.Equal(2, groups.Length);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => 2 * i), groups[0]);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (2 * i) + 1), groups[1]);
        Assert.Equal(400, LayerOverlay.AreaOfUnion(pieces, left.Factory), 9);
        var (remainder, area) = LayerOverlay.Remainder(Wkt.Read("POLYGON ((0 0, 30 0, 30 20, 0 20, 0 0))"), pieces);
        Assert.Equal(400, area, 9);
        Assert.True(remainder.EqualsTopologically(Wkt.Read("POLYGON ((20 0, 30 0, 30 20, 20 20, 20 0))")), remainder.AsText());
    }

    [Property(MaxTest = 150)]
    public bool A_batch_traced_on_a_grid_minus_random_supplied_cells_is_its_difference_with_their_union(int seed)
    {
        // As the city data lies: a batch traced along grid cells, parcels on the same cells (some split in halves with a
        // vertex on the neighbour's edge, some stacked across cell edges, some repeated). Nothing is cut off a straight
        // line, so the remainder must be the very point set of the difference with the union.
        var random = new Random(seed);
        var factory = new GeometryFactory();
        var size = random.Next(1, 8);
        var cell = 10 + random.Next(90);
        var (x0, y0) = (500_000.0 + random.Next(1000), 4_400_000.0 + random.Next(1000));
        var cells = new List<(int I, int J)>();
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                if (random.Next(5) > 0 || (i == 0 && j == 0))
                {
                    cells.Add((i, j));
                }
            }
        }

        Polygon Cell(int i, int j) => Box(factory, x0 + (i * cell), y0 + (j * cell), x0 + ((i + 1) * cell), y0 + ((j + 1) * cell));
        var batch = OverlayNGRobust.Union([.. cells.Select(c => (Geometry)Cell(c.I, c.J))], factory);
        var pieces = new List<Polygon>();
        foreach (var (i, j) in cells)
        {
            var (x, y) = (x0 + (i * cell), y0 + (j * cell));
            switch (random.Next(6))
            {
                case 0:
                case 1:
                    break; // not supplied
                case 2:
                    pieces.Add(Box(factory, x, y, x + (cell / 2.0), y + cell));
                    pieces.Add(Box(factory, x + (cell / 2.0), y, x + cell, y + cell));
                    break;
                case 3:
                    pieces.Add(Cell(i, j));
                    pieces.AddRange(LayerOverlay.PolygonParts(OverlayNGRobust.Overlay(
                        batch, Box(factory, x + (cell * 0.25), y + (cell * 0.25), x + (cell * 1.5), y + (cell * 0.75)), SpatialFunction.Intersection)));
                    break;
                case 4:
                    pieces.Add(Cell(i, j));
                    pieces.Add(Cell(i, j));
                    break;
                default:
                    pieces.Add(Cell(i, j));
                    break;
            }
        }

        var union = pieces.Count == 0 ? factory.CreatePolygon() : OverlayNGRobust.Union([.. pieces.Cast<Geometry>()], factory);
        var expected = pieces.Count == 0 ? batch : OverlayNGRobust.Overlay(batch, union, SpatialFunction.Difference);

        var (remainder, unionArea) = LayerOverlay.Remainder(batch, pieces);

        return remainder.IsValid
            && Math.Abs(unionArea - union.Area) <= 1e-12 * batch.Area
            && (remainder.IsEmpty ? expected.IsEmpty : remainder.EqualsTopologically(expected));
    }

    [Property(MaxTest = 150)]
    public bool A_batch_minus_random_supplied_tiles_is_its_difference_with_their_union_within_rounding_and_valid(int seed)
    {
        // A random star cut by a grid into pieces (as LayerOverlay.Pieces cuts a batch by its parcels); a random
        // subset supplied, some tiles split with a vertex on a neighbour's edge, some stacked. Pieces cut off the
        // star's edges have computed vertices a hair off those edges, which both ways of noding round alike but not
        // identically: the two remainders may differ by rounding (a symmetric difference of 1e-7 m² in 6e4 m² seen).
        var random = new Random(seed);
        var batch = RandomPolygons.Star(random.Next(), maxRadius: 400);
        var factory = batch.Factory;
        var envelope = batch.EnvelopeInternal;
        var side = 20 + (random.NextDouble() * 150);
        var tiles = new List<Polygon>();
        for (var x = envelope.MinX - (random.NextDouble() * side); x < envelope.MaxX; x += side)
        {
            for (var y = envelope.MinY - (random.NextDouble() * side); y < envelope.MaxY; y += side)
            {
                switch (random.Next(6))
                {
                    case 0:
                    case 1:
                        break; // not supplied
                    case 2:
                        tiles.Add(Box(factory, x, y, x + (side / 2), y + side));
                        tiles.Add(Box(factory, x + (side / 2), y, x + side, y + side));
                        break;
                    case 3:
                        tiles.Add(Box(factory, x, y, x + side, y + side));
                        tiles.Add(Box(factory, x + (side * 0.3), y + (side * 0.3), x + (side * 1.4), y + (side * 0.9)));
                        break;
                    default:
                        tiles.Add(Box(factory, x, y, x + side, y + side));
                        break;
                }
            }
        }

        var pieces = tiles
            .Select(t => OverlayNGRobust.Overlay(batch, t, SpatialFunction.Intersection))
            .SelectMany(LayerOverlay.PolygonParts)
            .ToList();
        var union = OverlayNGRobust.Union([.. pieces.Cast<Geometry>()], factory);
        var expected = pieces.Count == 0 ? batch : OverlayNGRobust.Overlay(batch, union, SpatialFunction.Difference);

        var (remainder, unionArea) = LayerOverlay.Remainder(batch, pieces);

        return remainder.IsValid
            && Math.Abs(remainder.Area - expected.Area) <= 1e-9 * batch.Area
            && Math.Abs(unionArea - union.Area) <= 1e-9 * batch.Area
            && OverlayNGRobust.Overlay(remainder, expected, SpatialFunction.SymDifference).Area <= 1e-9 * batch.Area;
    }

    private static Polygon Box(GeometryFactory factory, double x0, double y0, double x1, double y1) =>
        factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
}
