using System.Text;
using ParkGis.Web.Report;

namespace ParkGis.Web.Tests.Report;

public sealed class HtmlSafeJsonStreamTests
{
    [Theory]
    [InlineData("{\"name\":\"园区</script><script>alert(1)</script>\"}", 1)]
    [InlineData("{\"name\":\"<!--<script>&amp;\"}", 3)]
    [InlineData("{\"a\":1}", 2)]
    [InlineData("<<>>&&", 1)]
    public void Json_written_in_pieces_comes_out_as_HtmlSafeJson_escapes_it_in_one(string json, int pieceBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var output = new MemoryStream();
        using (var stream = new HtmlSafeJsonStream(output))
        {
            for (var i = 0; i < bytes.Length; i += pieceBytes)
            {
                stream.Write(bytes, i, Math.Min(pieceBytes, bytes.Length - i));
            }

            Assert.Equal(HtmlSafeJson.Escape(bytes).Length, stream.Length);
        }

        Assert.Equal(HtmlSafeJson.Escape(bytes), output.ToArray());
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inner_stream_stays_open_after_the_escaping_stream_is_disposed()
    {
        using var output = new MemoryStream();
        using (var stream = new HtmlSafeJsonStream(output))
        {
            stream.Write("{}"u8);
        }

        output.Write("\n"u8);
        Assert.Equal("{}\n", Encoding.UTF8.GetString(output.ToArray()));
    }
}
