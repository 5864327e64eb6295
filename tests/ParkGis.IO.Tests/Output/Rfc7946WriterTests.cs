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
