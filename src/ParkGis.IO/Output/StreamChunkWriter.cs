using System.Buffers;

namespace ParkGis.IO.Output;

/// <summary>
/// The buffer a <see cref="System.Text.Json.Utf8JsonWriter"/> writes into, handed to a stream a chunk at a time: a
/// writer given the stream itself keeps the whole document in one growing array until its single flush (a 41 MB
/// idle.json at S=1000 copied through every doubling; docs/performance.md, "Eighth round"). The bytes reach the stream
/// in the order written; <see cref="Drain"/> hands over the rest.
/// </summary>
internal sealed class StreamChunkWriter : IBufferWriter<byte>
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[ChunkBytes];
    private int _used;

    /// <summary>Creates a writer into <paramref name="stream"/>.</summary>
    public StreamChunkWriter(Stream stream) => _stream = stream;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _used);
        _used += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_used);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_used);
    }

    /// <summary>Writes every advanced byte to the stream.</summary>
    public void Drain()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _used >= needed)
        {
            return;
        }

        Drain();
        if (_buffer.Length < needed)
        {
            _buffer = new byte[Math.Max(needed, 2 * _buffer.Length)];
        }
    }
}
