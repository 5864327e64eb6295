namespace ParkGis.Web.Tiles;

/// <summary>
/// A tile of the XYZ scheme (x from the west, y from the north) and its PMTiles id: the tiles of all lower zooms
/// counted first, then the position along the zoom's Hilbert curve, so that ids sort tiles by zoom and keep
/// neighbours close (what the archives are ordered by).
/// </summary>
/// <param name="Zoom">Zoom level, 0–26.</param>
/// <param name="X">Column from the west.</param>
/// <param name="Y">Row from the north.</param>
public readonly record struct TileAddress(int Zoom, int X, int Y)
{
    /// <summary>Highest zoom whose ids fit the PMTiles reference readers (53-bit JavaScript numbers).</summary>
    public const int MaxZoom = 26;

    /// <summary>The PMTiles tile id.</summary>
    public ulong Id
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(Zoom, MaxZoom);
            var size = 1L << Zoom;
            if (X < 0 || Y < 0 || X >= size || Y >= size)
            {
                throw new ArgumentOutOfRangeException(nameof(X), $"Tile {Zoom}/{X}/{Y} is outside its zoom level.");
            }

            ulong position = 0;
            long x = X;
            long y = Y;
            for (var s = size / 2; s > 0; s /= 2)
            {
                var rx = (x & s) > 0 ? 1L : 0L;
                var ry = (y & s) > 0 ? 1L : 0L;
                position += (ulong)(s * s * ((3 * rx) ^ ry));
                (x, y) = Rotate(size, x, y, rx, ry);
            }

            return FirstIdOf(Zoom) + position;
        }
    }

    /// <summary>The id of tile 0/0/0 of <paramref name="zoom"/>: (4^zoom − 1) / 3.</summary>
    public static ulong FirstIdOf(int zoom) => ((1UL << (2 * zoom)) - 1) / 3;

    /// <summary>The tile with PMTiles id <paramref name="id"/>.</summary>
    public static TileAddress FromId(ulong id)
    {
        var zoom = 0;
        while (zoom < MaxZoom && FirstIdOf(zoom + 1) <= id)
        {
            zoom++;
        }

        var position = id - FirstIdOf(zoom);
        var size = 1L << zoom;
        long x = 0;
        long y = 0;
        var t = (long)position;
        for (var s = 1L; s < size; s *= 2)
        {
            var rx = 1 & (t / 2);
            var ry = 1 & (t ^ rx);
            (x, y) = Rotate(s, x, y, rx, ry);
            x += s * rx;
            y += s * ry;
            t /= 4;
        }

        return new TileAddress(zoom, (int)x, (int)y);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Zoom}/{X}/{Y}";

    private static (long X, long Y) Rotate(long n, long x, long y, long rx, long ry)
    {
        if (ry != 0)
        {
            return (x, y);
        }

        if (rx == 1)
        {
            x = n - 1 - x;
            y = n - 1 - y;
        }

        return (y, x);
    }
}
