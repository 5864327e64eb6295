using NetTopologySuite.Geometries;
using ParkGis.Web.Export;

namespace ParkGis.Web.Tests.Export;

public sealed class WebExportTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Layers_written_side_by_side_are_each_the_file_of_that_layer_alone_and_announced_in_layer_order()
    {
        // A layer of one many-vertex polygon and layers of many small squares: they finish in another order than given.
        var layers = new List<PublishedLayer>
        {
            Layer("big", [Circle(100, 30, 0.01, 20_000)]),
            Layer("small", [.. Enumerable.Range(0, 50).Select(i => Square(100 + (i * 0.001), 30))]),
            Layer("empty", []),
            Layer("many", [.. Enumerable.Range(0, 5000).Select(i => Square(101 + (i % 70 * 0.001), 31 + (i / 70 * 0.001)))]),
        };
        var folder = Directory.CreateTempSubdirectory("parkgis-webexport-").FullName;
        try
        {
            var lines = new List<string>();
            var summary = WebExport.Write(layers, ExportOptions.Default, folder, new LineList(lines));

            Assert.Equal(["big.geojson", "small.geojson", "empty.geojson", "many.geojson"], summary.Files.Select(f => f.FileName));
            var wrote = layers.Select(l => ParkGis.Web.Localization.Localized.Format("ProgressWroteLayer", l.Name + ".geojson", l.Features.Count)).ToList();
            Assert.Equal(wrote, lines.Where(wrote.Contains));
            foreach (var layer in layers)
            {
                var alone = Path.Combine(folder, "alone.json");
                WebExport.WriteLayer(layer, alone);
                Assert.True(File.ReadAllBytes(alone).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, layer.Name + ".geojson"))), layer.Name);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static PublishedLayer Layer(string name, IReadOnlyList<Geometry> geometries) =>
        new(name, name, IsResult: false, Highlight: false, [.. geometries.Select((g, i) => new PublishedFeature(g, $"{name}{i}", [new("id", i)]))]);

    private static Polygon Square(double x, double y) =>
        Factory.CreatePolygon([new(x, y), new(x + 0.0005, y), new(x + 0.0005, y + 0.0005), new(x, y + 0.0005), new(x, y)]);

    private static Polygon Circle(double x, double y, double radius, int vertices) =>
        Factory.CreatePolygon([.. Enumerable.Range(0, vertices).Select(i => new Coordinate(x + (radius * Math.Cos(2 * Math.PI * i / vertices)), y + (radius * Math.Sin(2 * Math.PI * i / vertices)))), new Coordinate(x + radius, y)]);

    private sealed class LineList(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
