using System.Text;
using NetTopologySuite.Geometries;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

public sealed class Rfc7946WriterTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Features_serialized_on_every_core_are_written_in_input_order_each_as_it_would_be_alone()
    {
        // 9,000 features: several batches, each split across threads; squares of growing size, so each feature differs.
        var features = Enumerable.Range(0, 9000).Select(Square).ToList();
        var whole = Write(features, out var tally);

        var lines = whole.Split('\n');
        Assert.Equal(features.Count + 3, lines.Length); // the head, one line per feature, the close and the final newline
        foreach (var i in Enumerable.Range(0, features.Count).Where(i => i % 997 == 0 || i == features.Count - 1))
        {
            var alone = Write([features[i]], out _).Split('\n')[1];
            Assert.Equal(alone + (i == features.Count - 1 ? string.Empty : ","), lines[i + 1]);
        }

        Assert.Equal(features.Count, tally.Features);
        Assert.Equal("]}", lines[^2]);
    }

    [Fact]
    public void Geometry_the_policy_has_put_on_the_grid_is_written_by_a_policy_applied_writer_as_the_plain_writer_writes_it()
    {
        // Off the grid; a bow tie (repaired); a spike whose rounding crosses an edge (snap-rounded); a sliver that collapses.
        var features = new GeoJsonFeature[]
        {
            new(Factory.CreatePolygon([new(100.00000004, 30), new(100.001, 30.00000006), new(100.001, 30.001), new(100, 30.001), new(100.00000004, 30)]), [new("n", 1)]),
            new(Factory.CreatePolygon([new(100, 30), new(100.001, 30.001), new(100.001, 30), new(100, 30.001), new(100, 30)]), [new("n", 2)]),
            new(Factory.CreatePolygon([new(100, 30), new(100.001, 30), new(100.0005, 30.00000004), new(100.0005, 29.99999996), new(100.0005, 30.001), new(100, 30)]), [new("n", 3)]),
            new(Factory.CreatePolygon([new(100, 30), new(100.001, 30), new(100.001, 30.00000001), new(100, 30)]), [new("n", 4)]),
            new(Factory.CreateLineString([new(100.00000004, 30), new(100.001, 30.00000006)]), [new("n", 5)]),
        };
        var policy = ParkGis.Core.Publishing.OutputGeometryPolicy.ForDecimals(7);
        var onGrid = features.Select(f => f with { Geometry = policy.Apply(f.Geometry).Geometry }).ToList();

        var plain = Write(features, out var tally);
        using var stream = new MemoryStream();
        new Rfc7946Writer(7, policyApplied: true).Write(stream, onGrid);

        Assert.Equal(plain, Encoding.UTF8.GetString(stream.ToArray()));
        Assert.True(tally.Repaired + tally.PartsDropped + tally.FeaturesEmptied > 0, "the cases reach the policy's repair and collapse paths");
    }

    [Fact]
    public void Features_that_share_a_geometry_instance_are_written_as_with_a_copy_each()
    {
        // Three geometries each used by many features across batches: a square, a bow tie (repaired) and a sliver that
        // collapses (null geometry); between them squares of their own, and two features of one instance side by side.
        var square = Square(1).Geometry;
        var bowTie = Factory.CreatePolygon([new(100, 30), new(100.001, 30.001), new(100.001, 30), new(100, 30.001), new(100, 30)]);
        var sliver = Factory.CreatePolygon([new(100, 30), new(100.001, 30), new(100.001, 30.00000001), new(100, 30)]);
        var sharedGeometries = new Geometry[] { square, bowTie, sliver };
        var shared = Enumerable.Range(0, 9000)
            .Select(i => i % 7 == 0 ? new GeoJsonFeature(sharedGeometries[i / 7 % 3], [new("id", i)]) : Square(i))
            .Append(new GeoJsonFeature(square, [new("id", -1)]))
            .ToList();
        var copies = shared.Select(f => f with { Geometry = f.Geometry.Copy() }).ToList();

        var withShared = Write(shared, out var sharedTally);
        var withCopies = Write(copies, out var copiesTally);

        Assert.Equal(withCopies, withShared);
        Assert.Contains("\"geometry\":null", withShared, StringComparison.Ordinal);
        Assert.Equal(
            (copiesTally.Features, copiesTally.Repaired, copiesTally.PartsDropped, copiesTally.FeaturesEmptied, copiesTally.Describe("f", 1e-7)),
            (sharedTally.Features, sharedTally.Repaired, sharedTally.PartsDropped, sharedTally.FeaturesEmptied, sharedTally.Describe("f", 1e-7)));
        Assert.True(sharedTally.Repaired > 1 && sharedTally.FeaturesEmptied > 1, "the shared bow tie is repaired and the sliver emptied in every feature");
    }

    private static GeoJsonFeature Square(int i)
    {
        var (x, y, size) = (100 + (i % 100 * 0.01), 30 + (i / 100 * 0.01), 0.001 + (i * 1e-7));
        var square = Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
        return new GeoJsonFeature(square, [new("id", i), new("name", $"宗地{i}")]);
    }

    private static string Write(IReadOnlyList<GeoJsonFeature> features, out ParkGis.Core.Publishing.OutputGeometryTally tally)
    {
        using var stream = new MemoryStream();
        tally = new Rfc7946Writer().Write(stream, features);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
