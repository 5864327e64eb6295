namespace ParkGis.Web.Tiles;

/// <summary>
/// Writes MVT 2.1 geometry commands: <c>MoveTo</c>/<c>LineTo</c> with zigzag-encoded deltas from a cursor that runs
/// on across the parts and rings of one feature, and <c>ClosePath</c> after each ring (whose closing vertex is not
/// written).
/// </summary>
internal sealed class MvtGeometryEncoder
{
    private const uint MoveTo = 1;
    private const uint LineTo = 2;
    private const uint ClosePath = 7;

    private readonly List<uint> _commands = new(64);
    private long _x;
    private long _y;

    /// <summary>A command integer: id in the low 3 bits, count above.</summary>
    public static uint Command(uint id, int count) => (id & 0x7) | ((uint)count << 3);

    /// <summary>Zigzag encoding of a signed parameter.</summary>
    public static uint ZigZag(long value) => (uint)((value << 1) ^ (value >> 63));

    /// <summary>Starts a new feature: no commands, cursor at 0,0.</summary>
    public void Reset()
    {
        _commands.Clear();
        _x = 0;
        _y = 0;
    }

    /// <summary>Points (x0, y0, x1, y1, …) as one MoveTo.</summary>
    public void AddPoints(ReadOnlySpan<int> xy)
    {
        _commands.Add(Command(MoveTo, xy.Length / 2));
        for (var i = 0; i < xy.Length; i += 2)
        {
            Delta(xy[i], xy[i + 1]);
        }
    }

    /// <summary>A path of at least two vertices.</summary>
    public void AddPath(ReadOnlySpan<int> xy)
    {
        _commands.Add(Command(MoveTo, 1));
        Delta(xy[0], xy[1]);
        _commands.Add(Command(LineTo, (xy.Length / 2) - 1));
        for (var i = 2; i < xy.Length; i += 2)
        {
            Delta(xy[i], xy[i + 1]);
        }
    }

    /// <summary>An open ring of at least three vertices, written as given, closed with ClosePath.</summary>
    public void AddRing(ReadOnlySpan<int> xy)
    {
        AddPath(xy);
        _commands.Add(Command(ClosePath, 1));
    }

    /// <summary>The commands written since <see cref="Reset"/>.</summary>
    public uint[] ToArray() => [.. _commands];

    private void Delta(long x, long y)
    {
        _commands.Add(ZigZag(x - _x));
        _commands.Add(ZigZag(y - _y));
        _x = x;
        _y = y;
    }
}
