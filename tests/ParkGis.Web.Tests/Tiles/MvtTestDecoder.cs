using System.Buffers.Binary;
using System.Text;
using NetTopologySuite.Geometries;

namespace ParkGis.Web.Tests.Tiles;

/// <summary>
/// A small MVT 2.1 decoder written for the tests from the spec (not from the encoder): layers, features, tags resolved
/// to key/value pairs, and geometry as integer rings/paths/points; polygons assembled by the spec's winding rule
/// (positive surveyor's area in tile coordinates = exterior ring).
/// </summary>
internal static class MvtTestDecoder
{
    private static readonly GeometryFactory Factory = new();

    public static IReadOnlyList<DecodedLayer> Decode(byte[] tile)
    {
        var layers = new List<DecodedLayer>();
        foreach (var (field, _, bytes) in Fields(tile))
        {
            Assert.Equal(3, field);
            layers.Add(Layer(bytes));
        }

        return layers;
    }

    /// <summary>The polygon a feature's rings make: each exterior ring (positive area) starts a polygon, the negative rings after it are its holes.</summary>
    public static Geometry Polygonal(DecodedFeature feature)
    {
        var polygons = new List<(LinearRing Shell, List<LinearRing> Holes)>();
        foreach (var ring in feature.Parts)
        {
            var closed = ring.Append(ring[0]).Select(p => new Coordinate(p.X, p.Y)).ToArray();
            var linear = Factory.CreateLinearRing(closed);
            if (SurveyorArea(ring) > 0)
            {
                polygons.Add((linear, []));
            }
            else
            {
                Assert.True(polygons.Count > 0, "a polygon feature starts with an interior ring");
                polygons[^1].Holes.Add(linear);
            }
        }

        var parts = polygons.Select(p => Factory.CreatePolygon(p.Shell, [.. p.Holes])).ToArray();
        return parts.Length == 1 ? parts[0] : Factory.CreateMultiPolygon(parts);
    }

    public static long SurveyorArea(IReadOnlyList<(long X, long Y)> ring)
    {
        long sum = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            sum += (ring[j].X * ring[i].Y) - (ring[i].X * ring[j].Y);
        }

        return sum;
    }

    private static DecodedLayer Layer(byte[] bytes)
    {
        string name = string.Empty;
        var version = 1;
        var extent = 4096;
        var keys = new List<string>();
        var values = new List<object>();
        var rawFeatures = new List<byte[]>();
        foreach (var (field, varint, data) in Fields(bytes))
        {
            switch (field)
            {
                case 1: name = Encoding.UTF8.GetString(data); break;
                case 2: rawFeatures.Add(data); break;
                case 3: keys.Add(Encoding.UTF8.GetString(data)); break;
                case 4: values.Add(Value(data)); break;
                case 5: extent = (int)varint; break;
                case 15: version = (int)varint; break;
                default: throw new InvalidDataException($"layer field {field}");
            }
        }

        var features = rawFeatures.Select(f => Feature(f, keys, values)).ToList();
        return new DecodedLayer(name, version, extent, features);
    }

    private static DecodedFeature Feature(byte[] bytes, List<string> keys, List<object> values)
    {
        ulong? id = null;
        var type = 0;
        var tags = new List<ulong>();
        var geometry = new List<ulong>();
        foreach (var (field, varint, data) in Fields(bytes))
        {
            switch (field)
            {
                case 1: id = varint; break;
                case 2: tags.AddRange(Packed(data)); break;
                case 3: type = (int)varint; break;
                case 4: geometry.AddRange(Packed(data)); break;
                default: throw new InvalidDataException($"feature field {field}");
            }
        }

        Assert.True(tags.Count % 2 == 0, "tags come in pairs");
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < tags.Count; i += 2)
        {
            Assert.True(properties.TryAdd(keys[(int)tags[i]], values[(int)tags[i + 1]]), $"key {keys[(int)tags[i]]} twice on one feature");
        }

        return new DecodedFeature(id, type, properties, Parts(geometry, type));
    }

    /// <summary>The rings, paths or points of a geometry command sequence.</summary>
    public static List<List<(long X, long Y)>> Parts(List<ulong> commands, int type)
    {
        var parts = new List<List<(long X, long Y)>>();
        long x = 0, y = 0;
        var i = 0;
        List<(long X, long Y)>? current = null;
        while (i < commands.Count)
        {
            var command = (uint)commands[i++];
            var id = command & 7;
            var count = (int)(command >> 3);
            switch (id)
            {
                case 1:
                    Assert.True(count >= 1, "MoveTo with count 0");
                    for (var k = 0; k < count; k++)
                    {
                        x += Unzig(commands[i++]);
                        y += Unzig(commands[i++]);
                        current = [(x, y)];
                        parts.Add(current);
                    }

                    break;
                case 2:
                    Assert.True(count >= 1, "LineTo with count 0");
                    Assert.NotNull(current);
                    for (var k = 0; k < count; k++)
                    {
                        x += Unzig(commands[i++]);
                        y += Unzig(commands[i++]);
                        current!.Add((x, y));
                    }

                    break;
                case 7:
                    Assert.Equal(1, count);
                    Assert.Equal(3, type);
                    break;
                default:
                    throw new InvalidDataException($"command {id}");
            }
        }

        return parts;
    }

    private static long Unzig(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static object Value(byte[] bytes)
    {
        var (field, varint, data) = Assert.Single(Fields(bytes));
        return field switch
        {
            1 => Encoding.UTF8.GetString(data),
            2 => (double)BinaryPrimitives.ReadSingleLittleEndian(data),
            3 => BitConverter.Int64BitsToDouble((long)varint),
            4 => (long)varint,
            5 => varint,
            6 => Unzig(varint),
            7 => varint != 0,
            _ => throw new InvalidDataException($"value field {field}"),
        };
    }

    private static IEnumerable<ulong> Packed(byte[] data)
    {
        var at = 0;
        while (at < data.Length)
        {
            yield return Varint(data, ref at);
        }
    }

    /// <summary>Every field: number, the varint / fixed64 bits, or the bytes of a length-delimited field.</summary>
    private static List<(int Field, ulong Varint, byte[] Data)> Fields(byte[] bytes)
    {
        var fields = new List<(int, ulong, byte[])>();
        var at = 0;
        while (at < bytes.Length)
        {
            var key = Varint(bytes, ref at);
            var field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    fields.Add((field, Varint(bytes, ref at), []));
                    break;
                case 1:
                    fields.Add((field, BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)), []));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(bytes, ref at);
                    fields.Add((field, 0, bytes[at..(at + length)]));
                    at += length;
                    break;
                case 5:
                    fields.Add((field, 0, bytes[at..(at + 4)]));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {key & 7}");
            }
        }

        return fields;
    }

    private static ulong Varint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}

internal sealed record DecodedLayer(string Name, int Version, int Extent, IReadOnlyList<DecodedFeature> Features);

internal sealed record DecodedFeature(ulong? Id, int Type, IReadOnlyDictionary<string, object> Properties, List<List<(long X, long Y)>> Parts);
