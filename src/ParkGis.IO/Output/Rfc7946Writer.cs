using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using ParkGis.Core.Errors;
using ParkGis.Core.Publishing;

namespace ParkGis.IO.Output;

/// <summary>
/// Writes RFC 7946 GeoJSON: lon/lat, no <c>crs</c> member, exterior rings counter-clockwise and holes
/// clockwise, coordinates put on a grid of a fixed number of decimals (7 ≈ 1 cm) by the output-geometry policy
/// (<see cref="OutputGeometryPolicy"/>: every polygon written is valid, collapsed parts dropped and counted), Chinese
/// text written as UTF-8 characters rather than escapes. A feature whose whole geometry collapsed is written with a
/// null geometry, its properties intact.
/// </summary>
public sealed class Rfc7946Writer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Features taken from the input at a time (their serialized text is held until written).</summary>
    private const int FeaturesPerBatch = 4096;

    /// <summary>Features one task of the parallel loop serializes into one buffer.</summary>
    private const int FeaturesPerPart = 256;

    /// <summary>The starting size of a part's buffer (it grows to the largest part: about 200 KB of parcels).</summary>
    private const int PartBytes = 64 * 1024;

    private readonly int _decimals;
    private readonly OutputGeometryPolicy _policy;
    private readonly bool _policyApplied;

    /// <summary>Creates a writer that rounds coordinates to <paramref name="decimals"/> decimals.</summary>
    /// <param name="decimals">Decimals of the coordinates written.</param>
    /// <param name="policyApplied">
    /// True when every geometry given has been through <see cref="OutputGeometryPolicy.ForDecimals"/> of the same
    /// decimals already (export applies it before the tiles are planned): the policy gives its own output back
    /// unchanged, so it is not applied again, and the tally returned is empty.
    /// </param>
    public Rfc7946Writer(int decimals = 7, bool policyApplied = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        _decimals = decimals;
        _policy = OutputGeometryPolicy.ForDecimals(decimals);
        _policyApplied = policyApplied;
    }

    /// <summary>Writes a FeatureCollection to a file, one feature per line.</summary>
    /// <param name="path">The file.</param>
    /// <param name="features">The features.</param>
    /// <param name="foreignMembers">Extra top-level members (e.g. the frame the coordinates are in).</param>
    /// <returns>What the output-geometry policy did to the features' geometries.</returns>
    public OutputGeometryTally Write(string path, IEnumerable<GeoJsonFeature> features, IReadOnlyList<KeyValuePair<string, object?>>? foreignMembers = null)
    {
        using var stream = File.Create(path);
        return Write(stream, features, foreignMembers);
    }

    /// <summary>Writes a FeatureCollection to a stream, one feature per line.</summary>
    /// <returns>What the output-geometry policy did to the features' geometries.</returns>
    public OutputGeometryTally Write(Stream stream, IEnumerable<GeoJsonFeature> features, IReadOnlyList<KeyValuePair<string, object?>>? foreignMembers = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        using (var head = new Utf8JsonWriter(stream, WriterOptions))
        {
            head.WriteStartObject();
            head.WriteString("type", "FeatureCollection");
            foreach (var (key, value) in foreignMembers ?? [])
            {
                head.WritePropertyName(key);
                JsonValues.Write(head, value);
            }

            head.Flush();
        }

        var tally = new OutputGeometryTally();
        stream.Write(",\"features\":["u8);
        var written = 0;

        // A geometry several features share (the same instance: a parcel that several networks do not serve) is put on
        // the grid and serialized once, when the features come as a list that says so; each feature then gets the same
        // output and the same text it would have got alone.
        var shared = features is IReadOnlyList<GeoJsonFeature> list ? SharedGeometry.Find(list) : null;

        // One buffer per part, kept from batch to batch: a buffer made per part grew by doubling from 256 bytes and
        // touched fresh memory for every batch (docs/performance.md, "Tenth round, intensity evaluation and writing").
        var buffers = new ArrayBufferWriter<byte>[(FeaturesPerBatch + FeaturesPerPart - 1) / FeaturesPerPart];
        foreach (var batch in features.Chunk(FeaturesPerBatch))
        {
            // Features are serialized on every core, each part of the batch into its own buffer; the buffers are then
            // written and the tally taken in feature order, so the file and the tally do not depend on the threads.
            var parts = (batch.Length + FeaturesPerPart - 1) / FeaturesPerPart;
            var outputs = new OutputGeometry[batch.Length];
            var first = written;
            var sharedOf = shared is null ? null : PrepareShared(batch, shared);
            ParallelFailures.RethrowFirst(() => Parallel.For(0, parts, part =>
            {
                var buffer = buffers[part] ??= new ArrayBufferWriter<byte>(PartBytes);
                buffer.ResetWrittenCount();
                using var writer = new Utf8JsonWriter(buffer, WriterOptions);
                var end = Math.Min(batch.Length, (part + 1) * FeaturesPerPart);
                for (var i = part * FeaturesPerPart; i < end; i++)
                {
                    buffer.Write(first + i == 0 ? "\n"u8 : ",\n"u8);
                    outputs[i] = WriteFeature(writer, batch[i], sharedOf?[i]);
                    writer.Flush();
                    writer.Reset();
                }
            }));
            for (var i = 0; i < batch.Length; i++)
            {
                tally.Add(outputs[i], batch[i].Geometry.IsEmpty);
                if (sharedOf?[i] is { } entry && --entry.Uses == 0)
                {
                    shared!.Remove(batch[i].Geometry);
                }
            }

            for (var part = 0; part < parts; part++)
            {
                stream.Write(buffers[part].WrittenSpan);
            }

            written += batch.Length;
        }

        stream.Write("\n"u8);
        stream.Write("]}\n"u8);
        return tally;
    }

    /// <summary>
    /// The shared geometry of each feature of <paramref name="batch"/> (null for a geometry of one feature), those met
    /// for the first time put on the grid and serialized now, on every core.
    /// </summary>
    private SharedGeometry?[] PrepareShared(GeoJsonFeature[] batch, Dictionary<Geometry, SharedGeometry> shared)
    {
        var sharedOf = new SharedGeometry?[batch.Length];
        var fresh = new List<(Geometry Geometry, SharedGeometry Entry)>();
        for (var i = 0; i < batch.Length; i++)
        {
            if (shared.TryGetValue(batch[i].Geometry, out var entry))
            {
                sharedOf[i] = entry;
                if (!entry.Queued)
                {
                    entry.Queued = true;
                    fresh.Add((batch[i].Geometry, entry));
                }
            }
        }

        ParallelFailures.RethrowFirst(() => Parallel.For(0, fresh.Count, k =>
        {
            var (geometry, entry) = fresh[k];
            var output = Apply(geometry);
            if (!output.Geometry.IsEmpty)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    WriteGeometry(writer, output.Geometry);
                }

                entry.Text = buffer.WrittenSpan.ToArray();
            }

            entry.Output = output;
        }));
        return sharedOf;
    }

    private OutputGeometry Apply(Geometry geometry) =>
        _policyApplied ? new OutputGeometry(geometry, 0, 0, 0, Repaired: false) : _policy.Apply(geometry);

    private OutputGeometry WriteFeature(Utf8JsonWriter writer, GeoJsonFeature feature, SharedGeometry? shared)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WritePropertyName("properties");
        writer.WriteStartObject();
        foreach (var (key, value) in feature.Properties)
        {
            writer.WritePropertyName(key);
            JsonValues.Write(writer, value);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("geometry");
        var output = shared?.Output ?? Apply(feature.Geometry);
        if (output.Geometry.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else if (shared?.Text is { } text)
        {
            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            WriteGeometry(writer, output.Geometry);
        }

        writer.WriteEndObject();
        return output;
    }

    private void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        writer.WriteStartObject();
        switch (geometry)
        {
            case Point point:
                writer.WriteString("type", "Point");
                writer.WritePropertyName("coordinates");
                WritePosition(writer, point.Coordinate);
                break;
            case LineString line:
                writer.WriteString("type", "LineString");
                writer.WritePropertyName("coordinates");
                WritePositions(writer, line.CoordinateSequence, reverse: false);
                break;
            case Polygon polygon:
                writer.WriteString("type", "Polygon");
                writer.WritePropertyName("coordinates");
                WritePolygon(writer, polygon);
                break;
            case MultiPolygon multi:
                writer.WriteString("type", "MultiPolygon");
                writer.WritePropertyName("coordinates");
                writer.WriteStartArray();
                for (var i = 0; i < multi.NumGeometries; i++)
                {
                    WritePolygon(writer, (Polygon)multi.GetGeometryN(i));
                }

                writer.WriteEndArray();
                break;
            case MultiLineString lines:
                writer.WriteString("type", "MultiLineString");
                writer.WritePropertyName("coordinates");
                writer.WriteStartArray();
                for (var i = 0; i < lines.NumGeometries; i++)
                {
                    WritePositions(writer, ((LineString)lines.GetGeometryN(i)).CoordinateSequence, reverse: false);
                }

                writer.WriteEndArray();
                break;
            case MultiPoint points:
                writer.WriteString("type", "MultiPoint");
                writer.WritePropertyName("coordinates");
                writer.WriteStartArray();
                for (var i = 0; i < points.NumGeometries; i++)
                {
                    WritePosition(writer, points.GetGeometryN(i).Coordinate);
                }

                writer.WriteEndArray();
                break;
            case GeometryCollection collection:
                writer.WriteString("type", "GeometryCollection");
                writer.WritePropertyName("geometries");
                writer.WriteStartArray();
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    WriteGeometry(writer, collection.GetGeometryN(i));
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"Cannot write a {geometry.GeometryType} as GeoJSON.");
        }

        writer.WriteEndObject();
    }

    private void WritePolygon(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        var shell = polygon.ExteriorRing.CoordinateSequence;
        WritePositions(writer, shell, reverse: !Orientation.IsCCWArea(shell));
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            var hole = polygon.GetInteriorRingN(i).CoordinateSequence;
            WritePositions(writer, hole, reverse: Orientation.IsCCWArea(hole));
        }

        writer.WriteEndArray();
    }

    private void WritePositions(Utf8JsonWriter writer, CoordinateSequence sequence, bool reverse)
    {
        writer.WriteStartArray();
        var count = sequence.Count;
        for (var k = 0; k < count; k++)
        {
            var i = reverse ? count - 1 - k : k;
            writer.WriteStartArray();
            WriteCoordinate(writer, sequence.GetX(i));
            WriteCoordinate(writer, sequence.GetY(i));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private void WritePosition(Utf8JsonWriter writer, Coordinate coordinate)
    {
        writer.WriteStartArray();
        WriteCoordinate(writer, coordinate.X);
        WriteCoordinate(writer, coordinate.Y);
        writer.WriteEndArray();
    }

    /// <summary>A coordinate rounded to the writer's decimals, its digits written directly where that is proven the same text (<see cref="RoundedNumberText"/>).</summary>
    private void WriteCoordinate(Utf8JsonWriter writer, double value)
    {
        var rounded = Math.Round(value, _decimals, MidpointRounding.AwayFromZero);
        Span<byte> text = stackalloc byte[RoundedNumberText.MaxLength];
        if (RoundedNumberText.TryFormat(rounded, _decimals, text, out var length))
        {
            writer.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            writer.WriteNumberValue(rounded);
        }
    }
    /// <summary>A geometry several features of one file share: its output and its text, made once, kept until its last use.</summary>
    private sealed class SharedGeometry
    {
        /// <summary>Features still to be written with it.</summary>
        public int Uses { get; set; }

        /// <summary>Set when a batch has asked for it to be made.</summary>
        public bool Queued { get; set; }

        /// <summary>The policy's output, once made.</summary>
        public OutputGeometry? Output { get; set; }

        /// <summary>The GeoJSON text of a non-empty output.</summary>
        public byte[]? Text { get; set; }

        /// <summary>The geometries (by instance) of more than one feature of <paramref name="features"/>, with their uses; null when there are none.</summary>
        public static Dictionary<Geometry, SharedGeometry>? Find(IReadOnlyList<GeoJsonFeature> features)
        {
            var uses = new Dictionary<Geometry, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < features.Count; i++)
            {
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(uses, features[i].Geometry, out _);
                count++;
            }

            var shared = new Dictionary<Geometry, SharedGeometry>(ReferenceEqualityComparer.Instance);
            foreach (var (geometry, count) in uses)
            {
                if (count > 1)
                {
                    shared[geometry] = new SharedGeometry { Uses = count };
                }
            }

            return shared.Count > 0 ? shared : null;
        }
    }
}
