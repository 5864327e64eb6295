using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ParkGis.Serve;

/// <summary>
/// The query of <c>/collections/{id}/items</c> (OGC API – Features Part 1): <c>limit</c> (1 or more; above
/// <see cref="MaxLimit"/> the maximum is used, as the standard asks), <c>offset</c> (0 or more; what the <c>next</c>
/// link carries), <c>bbox</c> (4 or 6 numbers in CRS84, west may exceed east across the antimeridian),
/// <c>bbox-crs</c> (CRS84 only), <c>datetime</c> (accepted; published layers have no temporal extent, so every feature
/// matches) and <c>f</c> (json). Any other parameter is an error (400), as the standard requires.
/// </summary>
public sealed record ItemsQuery(int Limit, int Offset, BoundingBox? Bbox, string? RawBbox)
{
    /// <summary>Features per page when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>The CRS identifier of lon/lat WGS84 in OGC API.</summary>
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private static readonly string[] Known = ["limit", "offset", "bbox", "bbox-crs", "datetime", "f"];

    /// <summary>Parses the query string; on failure returns null and a Chinese message naming the parameter.</summary>
    public static ItemsQuery? Parse(IQueryCollection query, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        error = null;
        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key, StringComparer.Ordinal))
            {
                error = $"未知的查询参数“{key}”；可用的参数：{string.Join(", ", Known)}";
                return null;
            }

            if (query[key].Count > 1)
            {
                error = $"查询参数“{key}”出现了多次";
                return null;
            }
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText))
        {
            var text = limitText.ToString();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                // A whole number too large for an int is still "more than the maximum".
                limit = IsWholeNumber(text) ? MaxLimit : 0;
            }

            if (limit < 1)
            {
                error = "limit 必须是不小于 1 的整数";
                return null;
            }

            limit = Math.Min(limit, MaxLimit);
        }

        var offset = 0;
        if (query.TryGetValue("offset", out var offsetText)
            && !int.TryParse(offsetText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            error = "offset 必须是不小于 0 的整数";
            return null;
        }

        if (query.TryGetValue("f", out var format) && format.ToString() is not ("json" or "geojson"))
        {
            error = "f 只能是 json";
            return null;
        }

        if (query.TryGetValue("bbox-crs", out var bboxCrs) && !string.Equals(bboxCrs.ToString(), Crs84, StringComparison.Ordinal))
        {
            error = $"bbox-crs 只支持 {Crs84}";
            return null;
        }

        BoundingBox? box = null;
        string? rawBox = null;
        if (query.TryGetValue("bbox", out var bboxText))
        {
            rawBox = bboxText.ToString();
            box = ParseBbox(rawBox, out error);
            if (box is null)
            {
                return null;
            }
        }

        return new ItemsQuery(limit, offset, box, rawBox);
    }

    /// <summary>True when a feature's box meets the query's (always, without <c>bbox</c>; never for a feature without geometry when one is given).</summary>
    public bool Matches(BoundingBox? feature)
    {
        if (Bbox is not { } query)
        {
            return true;
        }

        if (feature is not { } box)
        {
            return false;
        }

        if (query.MinX <= query.MaxX)
        {
            return query.Intersects(box);
        }

        // Across the antimeridian: west..180 and -180..east.
        return new BoundingBox(query.MinX, query.MinY, 180, query.MaxY).Intersects(box)
            || new BoundingBox(-180, query.MinY, query.MaxX, query.MaxY).Intersects(box);
    }

    private static BoundingBox? ParseBbox(string text, out string? error)
    {
        error = null;
        var parts = text.Split(',');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = "bbox 必须是逗号分隔的 4 个（或 6 个）数：西,南,东,北";
                return null;
            }
        }

        (double West, double South, double East, double North)? box = values.Length switch
        {
            4 => (values[0], values[1], values[2], values[3]),
            6 => (values[0], values[1], values[3], values[4]),
            _ => null,
        };
        if (box is not { } b)
        {
            error = "bbox 必须是逗号分隔的 4 个（或 6 个）数：西,南,东,北";
            return null;
        }

        if (b.South > b.North || b.South < -90 || b.North > 90 || b.West < -180 || b.West > 180 || b.East < -180 || b.East > 180)
        {
            error = "bbox 超出经纬度范围，或南边界大于北边界";
            return null;
        }

        return new BoundingBox(b.West, b.South, b.East, b.North);
    }

    private static bool IsWholeNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
