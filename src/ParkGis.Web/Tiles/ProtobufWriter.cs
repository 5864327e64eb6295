using System.Buffers.Binary;
using System.Text;

namespace ParkGis.Web.Tiles;

/// <summary>The protocol-buffers wire format, as much of it as MVT needs: varints, 64-bit floats and length-delimited fields.</summary>
internal sealed class ProtobufWriter
{
    private const int VarintWire = 0;
    private const int Fixed64Wire = 1;
    private const int LengthDelimitedWire = 2;

    private byte[] _buffer = new byte[1024];

    /// <summary>Bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>The size of <paramref name="value"/> as a varint.</summary>
    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Forgets what was written.</summary>
    public void Clear() => Length = 0;

    /// <summary>A varint field.</summary>
    public void VarintField(int field, ulong value)
    {
        Varint((ulong)((field << 3) | VarintWire));
        Varint(value);
    }

    /// <summary>A double field.</summary>
    public void DoubleField(int field, long bits)
    {
        Varint((ulong)((field << 3) | Fixed64Wire));
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(Length), bits);
        Length += 8;
    }

    /// <summary>A string field (UTF-8).</summary>
    public void StringField(int field, string text)
    {
        var size = Encoding.UTF8.GetByteCount(text);
        Header(field, size);
        Ensure(size);
        Length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(Length));
    }

    /// <summary>A length-delimited field holding <paramref name="bytes"/>.</summary>
    public void BytesField(int field, ReadOnlySpan<byte> bytes)
    {
        Header(field, bytes.Length);
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>A packed repeated uint32 field.</summary>
    public void PackedField(int field, ReadOnlySpan<uint> values)
    {
        var size = 0;
        foreach (var value in values)
        {
            size += VarintSize(value);
        }

        Header(field, size);
        foreach (var value in values)
        {
            Varint(value);
        }
    }

    /// <summary>The key and length of a length-delimited field whose <paramref name="size"/> bytes follow.</summary>
    public void Header(int field, int size)
    {
        Varint((ulong)((field << 3) | LengthDelimitedWire));
        Varint((ulong)size);
    }

    /// <summary>A bare varint.</summary>
    public void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[Length++] = (byte)value;
    }

    private void Ensure(int more)
    {
        if (Length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
        }
    }
}
