namespace ParkGis.Web.Report;

/// <summary>
/// A write-only stream that passes JSON on to another stream with <c>&lt; &gt; &amp;</c> escaped as
/// <see cref="HtmlSafeJson.Escape"/> does, so that a layer's GeoJSON goes into the page's <c>&lt;script&gt;</c> element
/// feature by feature instead of as one string. Leaves the inner stream open.
/// </summary>
internal sealed class HtmlSafeJsonStream(Stream inner) : Stream
{
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var start = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            var replacement = buffer[i] switch
            {
                (byte)'<' => "\\u003C"u8,
                (byte)'>' => "\\u003E"u8,
                (byte)'&' => "\\u0026"u8,
                _ => default,
            };
            if (!replacement.IsEmpty)
            {
                inner.Write(buffer[start..i]);
                inner.Write(replacement);
                _length += replacement.Length - 1;
                start = i + 1;
            }
        }

        inner.Write(buffer[start..]);
        _length += buffer.Length;
    }
}
