using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

/// <summary>
/// <see cref="MeasuredUnion"/>: a sublist's union measured from the list's groups must be the very double
/// <see cref="LayerOverlay.AreaOfUnion"/> gives for the sublist alone; and <see cref="LayerOverlay.InteriorGroups(IReadOnlyList{Polygon}, Func{Geometry, Geometry, bool}?)"/>
/// must be the connected components of the pair test, whichever pairs its index lets it skip.
/// </summary>
public sealed class MeasuredUnionTests
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void Sublists_of_two_overlapping_squares_and_one_apart_measure_as_alone()
    {
        var a = (Polygon)Wkt.Read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        var b = (Polygon)Wkt.Read("POLYGON ((5 0, 15 0, 15 10, 5 10, 5 0))"); // overlaps a by 50
        var c = (Polygon)Wkt.Read("POLYGON ((20 0, 30 0, 30 10, 20 10, 20 0))");
        var union = MeasuredUnion.Of([a, b, c], a.Factory);

        Assert.Equal(250, union.Area, 9);
        Assert.Equal(200, union.AreaOf([a, c]), 9); // a without b: nothing to union
        Assert.Equal(150, union.AreaOf([a, b]), 9); // the group whole: its union's area
        Assert.Equal(250, union.AreaOf([b, c, (Polygon)a.Copy()]), 9); // a copy is another object: related by the test
        Assert.Equal(100, union.AreaOf([c, c]), 9); // one object twice
        Assert.Equal(0, union.AreaOf([]));
    }

    [Property(MaxTest = 200)]
    public bool A_sublist_measures_the_same_double_as_its_own_union(int seed)
    {
        // Squares on a grid, some stacked across cell edges, some repeated (the same object or a copy), and sublists as
        // the supply ledger takes them: the same objects in order, with now and then a fresh piece of the same land.
        var random = new Random(seed);
        var factory = new GeometryFactory();
        var (x0, y0) = (500_000.0 + random.Next(1000), 4_400_000.0 + random.Next(1000));
        var cell = 10 + random.Next(50);
        var polygons = new List<Polygon>();
        for (var n = random.Next(2, 60); polygons.Count < n;)
        {
            var (i, j) = (random.Next(6), random.Next(6));
            var shift = random.Next(3) == 0 ? cell / 2.0 : 0;
            polygons.Add(random.Next(8) == 0 && polygons.Count > 0 ? polygons[random.Next(polygons.Count)]
                : Box(factory, x0 + (i * cell) + shift, y0 + (j * cell), x0 + ((i + 1) * cell) + shift, y0 + ((j + 1) * cell)));
        }

        var union = MeasuredUnion.Of(polygons, factory);
        if (union.Area != LayerOverlay.AreaOfUnion(polygons, factory))
        {
            return false;
        }

        for (var round = 0; round < 4; round++)
        {
            var sublist = polygons.Where(_ => random.Next(3) > 0)
                .Select(p => random.Next(10) == 0 ? (Polygon)p.Copy() : p).ToList();
            if (union.AreaOf(sublist) != LayerOverlay.AreaOfUnion(sublist, factory))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool A_shuffled_sublist_of_irregular_polygons_measures_the_same_double_as_its_own_union(int seed)
    {
        // Star polygons that overlap irregularly (unions OverlayNG really has to build, not squares on a grid), repeated
        // objects and copies, and sublists in another order than the list's.
        var random = new Random(seed);
        var polygons = new List<Polygon>();
        for (var n = random.Next(2, 20); polygons.Count < n;)
        {
            polygons.Add(random.Next(8) == 0 && polygons.Count > 0 ? polygons[random.Next(polygons.Count)]
                : RandomPolygons.Star(random.Next(), centreX: 500_000 + random.Next(300), centreY: 4_400_000 + random.Next(300), maxRadius: 80));
        }

        var factory = polygons[0].Factory;
        var union = MeasuredUnion.Of(polygons, factory);
        for (var round = 0; round < 3; round++)
        {
            var sublist = polygons.Where(_ => random.Next(4) > 0).Select(p => random.Next(12) == 0 ? (Polygon)p.Copy() : p)
                .OrderBy(_ => random.Next()).ToList();
            if (union.AreaOf(sublist) != LayerOverlay.AreaOfUnion(sublist, factory))
            {
                return false;
            }
        }

        return union.Area == LayerOverlay.AreaOfUnion(polygons, factory);
    }

    [Property(MaxTest = 200)]
    public bool The_interior_groups_are_the_components_of_every_pair_tested(int seed)
    {
        var random = new Random(seed);
        var factory = new GeometryFactory();
        var polygons = new List<Polygon>();
        for (var n = random.Next(1, 80); polygons.Count < n;)
        {
            var (x, y, w, h) = (random.Next(100), random.Next(100), 1 + random.Next(15), 1 + random.Next(15));
            polygons.Add(random.Next(10) == 0 && polygons.Count > 0 ? (Polygon)polygons[random.Next(polygons.Count)].Copy() : Box(factory, x, y, x + w, y + h));
        }

        // The oracle: every pair tested, then the components by a flood from each least index.
        var group = new int[polygons.Count];
        Array.Fill(group, -1);
        var expected = new List<int[]>();
        for (var i = 0; i < polygons.Count; i++)
        {
            if (group[i] >= 0)
            {
                continue;
            }

            var members = new List<int> { i };
            group[i] = expected.Count;
            for (var m = 0; m < members.Count; m++)
            {
                for (var j = 0; j < polygons.Count; j++)
                {
                    if (group[j] < 0 && InteriorContact.InteriorsIntersect(polygons[members[m]], polygons[j]))
                    {
                        group[j] = expected.Count;
                        members.Add(j);
                    }
                }
            }

            expected.Add([.. members.Order()]);
        }

        var groups = LayerOverlay.InteriorGroups(polygons);
        return groups.Length == expected.Count && groups.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
    }

    private static Polygon Box(GeometryFactory factory, double x0, double y0, double x1, double y1) =>
        factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
}
