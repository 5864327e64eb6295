using NetTopologySuite.Geometries;

namespace ParkGis.Core.Tests.Properties;

/// <summary>
/// Random valid polygons for property tests, made from a seed that FsCheck generates (and shrinks): star-shaped
/// rings around a centre — vertices at increasing angles and random radii — are always simple, so always valid.
/// Coordinates are metres in EPSG:4545 around (500 000, 4 400 000).
/// </summary>
internal static class RandomPolygons
{
    private static readonly GeometryFactory Factory = new();

    public static Polygon Star(int seed, double centreX = 500_000, double centreY = 4_400_000, double maxRadius = 1000)
    {
        var random = new Random(seed);
        var count = random.Next(3, 40);
        var cx = centreX + ((random.NextDouble() - 0.5) * maxRadius);
        var cy = centreY + ((random.NextDouble() - 0.5) * maxRadius);
        var angles = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 * Math.PI).Order().ToArray();
        var ring = new Coordinate[count + 1];
        for (var i = 0; i < count; i++)
        {
            var radius = maxRadius * (0.1 + (0.9 * random.NextDouble()));
            ring[i] = new Coordinate(cx + (radius * Math.Cos(angles[i])), cy + (radius * Math.Sin(angles[i])));
        }

        ring[count] = ring[0].Copy();
        var polygon = Factory.CreatePolygon(ring);
        // Two random angles may coincide or make a zero-area sliver; fall back to a triangle that cannot fail.
        return polygon.IsValid && polygon.Area > 0
            ? polygon
            : Factory.CreatePolygon([new(cx, cy), new(cx + 10, cy), new(cx, cy + 10), new(cx, cy)]);
    }

    /// <summary>
    /// A closed ring of 3 to <paramref name="maxVertices"/> random vertices on a <paramref name="side"/> × <paramref name="side"/>
    /// integer grid: often not simple — crossings, touches, spikes, repeated points — which is the point.
    /// </summary>
    public static Coordinate[] GridRing(Random random, int side, int maxVertices)
    {
        var count = random.Next(3, maxVertices + 1);
        var ring = new Coordinate[count + 1];
        for (var i = 0; i < count; i++)
        {
            ring[i] = new Coordinate(random.Next(side), random.Next(side));
        }

        ring[count] = ring[0].Copy();
        return ring;
    }
}
