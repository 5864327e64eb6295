using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.RelateNG;
using ParkGis.Core.Analysis;
using ParkGis.Core.Tests.Properties;

namespace ParkGis.Core.Tests.Analysis;

public sealed class InteriorContactTests
{
    private static readonly WKTReader Wkt = new();
    private static readonly GeometryFactory Factory = new();

    [Theory]
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))", false)] // shared edge
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))", false)] // shared corner
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))", false)] // apart
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((1 0, 1 1, 2 1, 2 0, 1 0))", false)] // shared edge, other orientation
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))", true)] // edges crossing inside both
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((1 -0.5, 2.5 1, 1 2.5, -0.5 1, 1 -0.5))", true)] // eight crossings
    public void Neighbours_of_a_tiling_are_decided_on_the_fast_path(string a, string b, bool expected)
    {
        var first = Wkt.Read(a);
        var second = Wkt.Read(b);

        Assert.Equal(expected, InteriorContact.FastPath(first, second));
        Assert.Equal(expected, InteriorContact.FastPath(second, first));
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))", true)] // crossing edges
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", true)] // duplicate
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))", true)] // duplicate, reversed
    [InlineData("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0))", "POLYGON ((3 3, 4 3, 4 4, 3 4, 3 3))", true)] // inside, no contact
    [InlineData("POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))", "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))", false)] // edge on part of an edge
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((0 0, 2 0, 2 2, 0 0))", true)] // triangle on a diagonal
    [InlineData("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "POLYGON ((1 0, 3 0, 3 2, 1 2, 1 0))", true)] // collinear overlap
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((1 0.5, 2 0, 2 1, 1 0.5))", false)] // vertex on an edge
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((0.5 0.5, 2 0, 2 1, 0.5 0.5))", true)] // vertex inside
    public void Agrees_with_RelateNG_on_every_kind_of_contact(string a, string b, bool expected)
    {
        var first = Wkt.Read(a);
        var second = Wkt.Read(b);

        Assert.Equal(expected, RelateNG.Relate(first, second, "T********"));
        Assert.Equal(expected, InteriorContact.InteriorsIntersect(first, second));
        Assert.Equal(expected, InteriorContact.InteriorsIntersect(second, first));
        Assert.Equal(expected, InteriorContact.InteriorsIntersect(first, first.EnvelopeInternal, second, second.EnvelopeInternal));
        Assert.Equal(expected, InteriorContact.InteriorsIntersect(second, second.EnvelopeInternal, first, first.EnvelopeInternal));
        Assert.NotEqual(!expected, InteriorContact.FastPath(first, second)); // the fast path never contradicts
    }

    [Property(MaxTest = 200)]
    public bool Neighbours_in_a_jittered_tiling_agree_with_RelateNG(int seed)
    {
        var cells = JitteredTiling(seed, enlarge: seed % 3 == 0);
        var decidedFast = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                if (!cells[i].EnvelopeInternal.Intersects(cells[j].EnvelopeInternal))
                {
                    continue;
                }

                var expected = RelateNG.Relate(cells[i], cells[j], "T********");
                var fast = InteriorContact.FastPath(cells[i], cells[j]);
                if (fast is { } answer && answer != expected)
                {
                    return false;
                }

                decidedFast += fast is null ? 0 : 1;
                if (InteriorContact.InteriorsIntersect(cells[i], cells[j]) != expected
                    || InteriorContact.InteriorsIntersect(cells[i], cells[i].EnvelopeInternal, cells[j], cells[j].EnvelopeInternal) != expected)
                {
                    return false;
                }
            }
        }

        return decidedFast > 0;
    }

    [Property(MaxTest = 300)]
    public bool Random_polygons_agree_with_RelateNG(int seedA, int seedB)
    {
        var a = RandomPolygons.Star(seedA, maxRadius: 50);
        var b = RandomPolygons.Star(seedB, maxRadius: 50);
        return InteriorContact.InteriorsIntersect(a, b) == RelateNG.Relate(a, b, "T********");
    }

    /// <summary>
    /// A 4 × 4 grid of octagons with jittered corners and edge midpoints, shared edges identical (like the peers'
    /// parcel generator); when <paramref name="enlarge"/>, one cell is scaled by 1.2 about its centre so it
    /// overlaps its neighbours.
    /// </summary>
    internal static List<Polygon> JitteredTiling(int seed, bool enlarge)
    {
        const int n = 4;
        const double size = 100;
        var random = new Random(seed);
        double Jitter(double amount) => (random.NextDouble() - 0.5) * 2 * amount;
        var x = new double[n + 1, n + 1];
        var y = new double[n + 1, n + 1];
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                x[i, j] = 500_000 + (i * size) + Jitter(18);
                y[i, j] = 4_400_000 + (j * size) + Jitter(18);
            }
        }

        var horizontal = new double[n, n + 1];
        var vertical = new double[n + 1, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                horizontal[i, j] = Jitter(7);
                vertical[j, i] = Jitter(7);
            }
        }

        var cells = new List<Polygon>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Coordinate Corner(int a, int b) => new(x[a, b], y[a, b]);
                Coordinate Mid(Coordinate p, Coordinate q, double dx, double dy) => new(((p.X + q.X) / 2) + dx, ((p.Y + q.Y) / 2) + dy);
                var a = Corner(i, j);
                var b = Corner(i + 1, j);
                var c = Corner(i + 1, j + 1);
                var d = Corner(i, j + 1);
                cells.Add(Factory.CreatePolygon(
                [
                    a, Mid(a, b, 0, horizontal[i, j]), b, Mid(b, c, vertical[i + 1, j], 0),
                    c, Mid(d, c, 0, horizontal[i, j + 1]), d, Mid(a, d, vertical[i, j], 0), a.Copy(),
                ]));
            }
        }

        if (enlarge)
        {
            var k = random.Next(cells.Count);
            var centre = cells[k].Centroid.Coordinate;
            var scale = NetTopologySuite.Geometries.Utilities.AffineTransformation.ScaleInstance(1.2, 1.2, centre.X, centre.Y);
            cells[k] = (Polygon)scale.Transform(cells[k]);
        }

        return cells;
    }
}
