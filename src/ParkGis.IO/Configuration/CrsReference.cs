using System.Globalization;

namespace ParkGis.IO.Configuration;

/// <summary>
/// Parses the ways files and configuration name a CRS: <c>EPSG:4545</c>, <c>urn:ogc:def:crs:EPSG::4545</c>,
/// <c>urn:ogc:def:crs:EPSG:6.6:4545</c>, <c>http://www.opengis.net/def/crs/EPSG/0/4545</c> and the OGC lon/lat
/// names <c>urn:ogc:def:crs:OGC:1.3:CRS84</c> / <c>CRS84</c> (EPSG:4326 in lon/lat order).
/// </summary>
internal static class CrsReference
{
    /// <summary>The EPSG code a CRS name denotes, or null when it is not an EPSG or CRS84 name.</summary>
    public static int? TryParseEpsg(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var text = name.Trim();
        if (text.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return 4326;
        }

        var marker = text.IndexOf("EPSG", StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return null;
        }

        // The code is the last run of digits after "EPSG" (skips a version such as 6.6 or 0).
        var tail = text[(marker + 4)..];
        var end = tail.Length;
        while (end > 0 && !char.IsAsciiDigit(tail[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsAsciiDigit(tail[start - 1]))
        {
            start--;
        }

        if (start == end || end != tail.TrimEnd().Length)
        {
            return null;
        }

        return int.TryParse(tail.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }
}
