using System.Text.Json;
using ParkGis.IO.Output;

namespace ParkGis.IO.Tests.Output;

public sealed class JsonOutputTests
{
    /// <summary>A document of about 1.6 MB: many objects with Chinese text, numbers and nulls, as idle.json has.</summary>
    private static void LargeDocument(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("parcels");
        for (var i = 0; i < 10_000; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("parcel_id", $"P{i:D7}");
            writer.WriteString("article", "闲置土地处置办法第十四条第（一）项、第（二）项");
            writer.WriteNumber("area_m2", JsonOutput.Round(i * 1.234567891));
            writer.WriteNull("cause");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    [Fact]
    public void A_large_document_reaches_its_stream_in_chunks_as_the_same_bytes()
    {
        using var expected = new MemoryStream();
        using (var direct = new Utf8JsonWriter(expected, JsonOutput.Options))
        {
            LargeDocument(direct);
        }

        expected.Write("\n"u8);
        using var recorded = new WriteRecordingStream();
        JsonOutput.Write(recorded, LargeDocument);

        Assert.True(expected.Length > 1_000_000, $"document of {expected.Length} bytes");
        Assert.Equal(expected.ToArray(), recorded.ToArray());
        Assert.True(recorded.LargestWrite <= 64 * 1024, $"largest single write {recorded.LargestWrite} bytes: the document was held whole");
        Assert.True(recorded.Writes > 20, $"{recorded.Writes} writes");
    }

    [Fact]
    public void A_value_longer_than_a_chunk_is_written_whole()
    {
        var text = string.Concat(Enumerable.Repeat("园区四至", 50_000)); // 600,000 UTF-8 bytes in one string
        using var recorded = new WriteRecordingStream();
        JsonOutput.Write(recorded, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("before", "a");
            writer.WriteString("text", text);
            writer.WriteString("after", "b");
            writer.WriteEndObject();
        });

        using var document = JsonDocument.Parse(recorded.ToArray());
        Assert.Equal(text, document.RootElement.GetProperty("text").GetString());
        Assert.Equal("b", document.RootElement.GetProperty("after").GetString());
    }

    private sealed class WriteRecordingStream : MemoryStream
    {
        public int LargestWrite { get; private set; }

        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Record(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Record(buffer.Length);
            base.Write(buffer);
        }

        private void Record(int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            Writes++;
        }
    }
}
