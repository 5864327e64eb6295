namespace ParkGis.Core.WebFrames;

/// <summary>
/// The public conversion from WGS 84 to GCJ-02 (国测局坐标) and from GCJ-02 to BD-09 (百度坐标): the widely
/// published formula on the Krasovsky ellipsoid (a = 6378245.0, e² = 0.00669342162296594323), applied only to
/// points inside China (<see cref="IsInsideChina"/>). Its error against the official (secret) implementation is
/// around a metre; it is what every open-source web-map tool uses.
/// </summary>
public static class ChinaWebFrameFormula
{
    /// <summary>Semi-major axis of the Krasovsky 1940 ellipsoid used by the formula.</summary>
    public const double KrasovskySemiMajorAxis = 6378245.0;

    /// <summary>First eccentricity squared of the Krasovsky 1940 ellipsoid.</summary>
    public const double KrasovskyEccentricitySquared = 0.00669342162296594323;

    /// <summary>Western edge of the "inside China" bounding box (degrees east).</summary>
    public const double MinLongitude = 72.004;

    /// <summary>Eastern edge of the "inside China" bounding box.</summary>
    public const double MaxLongitude = 137.8347;

    /// <summary>Southern edge of the "inside China" bounding box (degrees north).</summary>
    public const double MinLatitude = 0.8293;

    /// <summary>Northern edge of the "inside China" bounding box.</summary>
    public const double MaxLatitude = 55.8271;

    private const double BaiduXPi = Math.PI * 3000.0 / 180.0;

    /// <summary>
    /// True when a WGS 84 point lies in the bounding box the public formula uses for China
    /// (72.004°–137.8347°E, 0.8293°–55.8271°N). A box, not the border: it also takes in parts of Mongolia,
    /// Korea, Japan, Central and South-East Asia (where Chinese web maps do not shift), and misses nothing of China.
    /// </summary>
    public static bool IsInsideChina(double longitude, double latitude) =>
        longitude is >= MinLongitude and <= MaxLongitude && latitude is >= MinLatitude and <= MaxLatitude;

    /// <summary>WGS 84 → GCJ-02, for a point inside China (no check here; see <see cref="IsInsideChina"/>).</summary>
    public static (double Longitude, double Latitude) Wgs84ToGcj02(double longitude, double latitude)
    {
        var x = longitude - 105.0;
        var y = latitude - 35.0;
        var dLat = LatitudeOffset(x, y);
        var dLon = LongitudeOffset(x, y);
        var radLat = latitude / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - (KrasovskyEccentricitySquared * magic * magic);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (KrasovskySemiMajorAxis * (1 - KrasovskyEccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (KrasovskySemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (longitude + dLon, latitude + dLat);
    }

    /// <summary>GCJ-02 → BD-09.</summary>
    public static (double Longitude, double Latitude) Gcj02ToBd09(double longitude, double latitude)
    {
        var z = Math.Sqrt((longitude * longitude) + (latitude * latitude)) + (0.00002 * Math.Sin(latitude * BaiduXPi));
        var theta = Math.Atan2(latitude, longitude) + (0.000003 * Math.Cos(longitude * BaiduXPi));
        return ((z * Math.Cos(theta)) + 0.0065, (z * Math.Sin(theta)) + 0.006);
    }

    /// <summary>WGS 84 → <paramref name="frame"/>; points outside China are returned unchanged with <c>Converted</c> false.</summary>
    public static (double Longitude, double Latitude, bool Converted) FromWgs84(WebMapFrame frame, double longitude, double latitude)
    {
        if (frame == WebMapFrame.Wgs84)
        {
            return (longitude, latitude, true);
        }

        if (!IsInsideChina(longitude, latitude))
        {
            return (longitude, latitude, false);
        }

        var (gcjLon, gcjLat) = Wgs84ToGcj02(longitude, latitude);
        if (frame == WebMapFrame.Gcj02)
        {
            return (gcjLon, gcjLat, true);
        }

        var (bdLon, bdLat) = Gcj02ToBd09(gcjLon, gcjLat);
        return (bdLon, bdLat, true);
    }

    private static double LatitudeOffset(double x, double y)
    {
        var ret = -100.0 + (2.0 * x) + (3.0 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)));
        ret += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        ret += ((20.0 * Math.Sin(y * Math.PI)) + (40.0 * Math.Sin(y / 3.0 * Math.PI))) * 2.0 / 3.0;
        ret += ((160.0 * Math.Sin(y / 12.0 * Math.PI)) + (320.0 * Math.Sin(y * Math.PI / 30.0))) * 2.0 / 3.0;
        return ret;
    }

    private static double LongitudeOffset(double x, double y)
    {
        var ret = 300.0 + x + (2.0 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)));
        ret += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        ret += ((20.0 * Math.Sin(x * Math.PI)) + (40.0 * Math.Sin(x / 3.0 * Math.PI))) * 2.0 / 3.0;
        ret += ((150.0 * Math.Sin(x / 12.0 * Math.PI)) + (300.0 * Math.Sin(x / 30.0 * Math.PI))) * 2.0 / 3.0;
        return ret;
    }
}
