namespace ParkGis.Web.Tiles;

/// <summary>
/// Spherical (Web) Mercator, EPSG:3857, as XYZ web-map tiles use it: lon/lat to "world units", where the world at
/// zoom z is 2^z tiles of <see cref="TileExtent"/> units on a side, x growing east from 180°W and y growing south from
/// 85.0511°N (the tile and MVT axis directions).
/// </summary>
internal static class WebMercator
{
    /// <summary>Units on a tile side (MVT extent).</summary>
    public const int TileExtent = 4096;

    /// <summary>Units per screen pixel of a 256-px tile.</summary>
    public const int UnitsPerPixel = TileExtent / 256;

    /// <summary>The latitude where the square Mercator world ends.</summary>
    public const double MaxLatitude = 85.05112877980659;

    /// <summary>Units across the world at <paramref name="zoom"/> (2^zoom × 4096).</summary>
    public static double WorldUnits(int zoom) => Math.ScaleB(TileExtent, zoom);

    /// <summary>World x of a longitude, in units of a world <paramref name="worldUnits"/> wide.</summary>
    public static double X(double longitude, double worldUnits) =>
        (Math.Clamp(longitude, -180, 180) + 180) / 360 * worldUnits;

    /// <summary>World y of a latitude (0 at the north edge), in units of a world <paramref name="worldUnits"/> high.</summary>
    public static double Y(double latitude, double worldUnits)
    {
        var sin = Math.Sin(Math.Clamp(latitude, -MaxLatitude, MaxLatitude) * Math.PI / 180);
        return (0.5 - (Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI))) * worldUnits;
    }

    /// <summary>Longitude of world x.</summary>
    public static double Longitude(double x, double worldUnits) => (x / worldUnits * 360) - 180;

    /// <summary>Latitude of world y.</summary>
    public static double Latitude(double y, double worldUnits) =>
        Math.Atan(Math.Sinh(Math.PI * (1 - (2 * y / worldUnits)))) * 180 / Math.PI;
}
