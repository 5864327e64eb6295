namespace ParkGis.Core.WebFrames;

/// <summary>
/// The coordinate frame a published web-map file is in — 坐标系. 天地图 uses CGCS2000 (≡ WGS 84 to centimetres);
/// 高德/腾讯 use the obfuscated GCJ-02 (国测局坐标, "Mars coordinates"); 百度 uses BD-09, a further shift of GCJ-02.
/// </summary>
public enum WebMapFrame
{
    /// <summary>WGS 84 / CGCS2000 longitude and latitude, as RFC 7946 requires; for 天地图, OpenStreetMap, QGIS.</summary>
    Wgs84,

    /// <summary>GCJ-02 (国测局坐标系), for 高德 and 腾讯 maps.</summary>
    Gcj02,

    /// <summary>BD-09 (百度坐标系), for 百度 maps.</summary>
    Bd09,
}
