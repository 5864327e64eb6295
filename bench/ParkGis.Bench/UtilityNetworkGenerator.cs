using System.Globalization;
using NetTopologySuite.Geometries;

namespace ParkGis.Bench;

/// <summary>
/// The nine utility networks (九通: roads, water_supply, drainage, sewage, power, gas, heating, telecom, steam) over
/// each park part: east-west lines at a spacing just under twice the network's default service distance (so every
/// parcel is within reach where the network runs) and north-south trunks every six spacings, across the part's
/// envelope grown by 100 m; cut into segments of at most 1 km with a vertex every 100 m (±0.5 m), as pipe and road
/// layers come. Which parks have which networks is designed (<see cref="Design"/>), so that some parks meet 九通一平
/// and others fail one network, several, or partly.
/// </summary>
internal static class UtilityNetworkGenerator
{
    private static readonly (string Role, string Chinese, double SpacingM)[] Networks =
    [
        ("roads", "道路", 95), ("water_supply", "给水", 190), ("drainage", "雨水", 190), ("sewage", "污水", 190), ("power", "供电", 380),
        ("gas", "燃气", 190), ("heating", "供热", 380), ("telecom", "通信", 380), ("steam", "蒸汽", 380),
    ];

    /// <summary>
    /// The share of a part's width a network spans, per park id and network (0 = absent): park 1 all nine; 2 all, steam
    /// over half; 3 no steam, gas over 60 %; 4 roads, water and power only; 5, 9 all but steam; 6 all nine; 7 roads over
    /// 80 % only; 8 none; 10 (three parts) all but steam, steam in its first part only.
    /// </summary>
    public static double Design(int parkId, int part, string role) => (parkId, role) switch
    {
        (1 or 6, _) => 1,
        (2, "steam") => 0.5,
        (2, _) => 1,
        (3, "steam") => 0,
        (3, "gas") => 0.6,
        (3, _) => 1,
        (4, "roads" or "water_supply" or "power") => 1,
        (4, _) => 0,
        (5 or 9, "steam") => 0,
        (5 or 9, _) => 1,
        (7, "roads") => 0.8,
        (7 or 8, _) => 0,
        (10, "steam") => part == 0 ? 1 : 0,
        (10, _) => 1,
        _ => 0,
    };

    /// <summary>Writes the nine layers; returns the feature count.</summary>
    public static int Write(IFeatureSink sink, IReadOnlyList<Geometry> parks, GeometryFactory factory, int seed)
    {
        var total = 0;
        var salt = (ulong)(uint)seed;
        foreach (var (role, chinese, spacing) in Networks)
        {
            using var table = sink.Table(role, "LINESTRING", [("id", "TEXT"), ("park_id", "MEDIUMINT"), ("name", "TEXT")]);
            var count = 0;
            for (var p = 0; p < parks.Count; p++)
            {
                for (var part = 0; part < parks[p].NumGeometries; part++)
                {
                    var share = Design(p + 1, part, role);
                    if (share <= 0)
                    {
                        continue;
                    }

                    var e = new Envelope(parks[p].GetGeometryN(part).EnvelopeInternal);
                    e.ExpandBy(100);
                    var east = e.MinX + (share * e.Width);
                    var line = 0;
                    for (var y = e.MinY + (spacing / 2); y < e.MaxY; y += spacing, line++)
                    {
                        foreach (var segment in Segments(factory, salt, e.MinX, east, y, horizontal: true))
                        {
                            table.Add(segment, [Id(role, p + 1, ++count), p + 1, string.Create(CultureInfo.InvariantCulture, $"{chinese}干线 {line + 1}")]);
                        }
                    }

                    line = 0;
                    for (var x = e.MinX + (3 * spacing); x < east; x += 6 * spacing, line++)
                    {
                        foreach (var segment in Segments(factory, salt, e.MinY, e.MaxY, x, horizontal: false))
                        {
                            table.Add(segment, [Id(role, p + 1, ++count), p + 1, string.Create(CultureInfo.InvariantCulture, $"{chinese}支线 {line + 1}")]);
                        }
                    }
                }
            }

            total += count;
        }

        return total;
    }

    private static string Id(string role, int parkId, int n) => string.Create(CultureInfo.InvariantCulture, $"{role}-{parkId:00}-{n:000000}");

    private static IEnumerable<LineString> Segments(GeometryFactory factory, ulong salt, double from, double to, double at, bool horizontal)
    {
        for (var start = from; start < to - 1; start += 1_000)
        {
            var end = Math.Min(start + 1_000, to);
            var points = new List<Coordinate>();
            for (var t = start; ; t += 100)
            {
                var along = Math.Min(t, end);
                var key = (long)Math.Round(along * 10) ^ ((long)Math.Round(at * 10) << 30);
                var offset = UnitHash.Of(salt, key, horizontal ? 1 : 2) - 0.5;
                points.Add(horizontal ? new Coordinate(along, at + offset) : new Coordinate(at + offset, along));
                if (along >= end)
                {
                    break;
                }
            }

            yield return factory.CreateLineString([.. points]);
        }
    }
}
