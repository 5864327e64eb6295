using System.Text;
using System.Text.Json;
using NetTopologySuite.IO;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

public sealed class Rfc7946WriterTests
{
    private static JsonElement WriteOne(string wkt, int decimals = 7, params KeyValuePair<string, object?>[] properties)
    {
        using var stream = new MemoryStream();
        new Rfc7946Writer(decimals).Write(stream, [new GeoJsonFeature(new WKTReader().Read(wkt), properties)]);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        double sum = 0;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            sum += (points[i].X * points[i + 1].Y) - (points[i + 1].X * points[i].Y);
        }

        return sum / 2;
    }

    [Fact]
    public void Clockwise_shell_is_written_counter_clockwise_and_counter_clockwise_hole_clockwise()
    {
        // Shell clockwise, hole counter-clockwise: both the wrong way round for RFC 7946.
        var root = WriteOne("POLYGON((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");

        var rings = root.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(50, SignedArea(rings[0]) * 0.5, 9);
        Assert.Equal(-4, SignedArea(rings[1]), 9);
    }

    [Fact]
    public void Coordinates_are_rounded_to_the_requested_decimals_and_there_is_no_crs_member()
    {
        var root = WriteOne("POINT(109.781234567891 39.612345678912)", decimals: 6);

        Assert.False(root.TryGetProperty("crs", out _));
        var position = root.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal("109.781235", position[0].GetRawText());
        Assert.Equal("39.612346", position[1].GetRawText());
    }

    [Fact]
    public void Chinese_property_values_are_written_as_characters_not_escapes()
    {
        using var stream = new MemoryStream();
        new Rfc7946Writer().Write(stream, [new GeoJsonFeature(new WKTReader().Read("POINT(1 2)"), [new("name", "鄂托克经济开发区")])]);

        Assert.Contains("鄂托克经济开发区", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }
}
