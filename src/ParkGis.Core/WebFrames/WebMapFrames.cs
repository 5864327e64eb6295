namespace ParkGis.Core.WebFrames;

/// <summary>Names of the web-map frames as written on the command line and in the files' <c>coordinate_frame</c> member.</summary>
public static class WebMapFrames
{
    /// <summary>The name of the top-level foreign member that says which frame a GeoJSON file is in.</summary>
    public const string MemberName = "coordinate_frame";

    /// <summary>Command-line value: <c>wgs84</c>, <c>gcj02</c>, <c>bd09</c>.</summary>
    public static string OptionValue(WebMapFrame frame) => frame switch
    {
        WebMapFrame.Wgs84 => "wgs84",
        WebMapFrame.Gcj02 => "gcj02",
        WebMapFrame.Bd09 => "bd09",
        _ => throw new ArgumentOutOfRangeException(nameof(frame), frame, null),
    };

    /// <summary>The frame's name in files: <c>WGS84</c>, <c>GCJ-02</c>, <c>BD-09</c>.</summary>
    public static string DisplayName(WebMapFrame frame) => frame switch
    {
        WebMapFrame.Wgs84 => "WGS84",
        WebMapFrame.Gcj02 => "GCJ-02",
        WebMapFrame.Bd09 => "BD-09",
        _ => throw new ArgumentOutOfRangeException(nameof(frame), frame, null),
    };

    /// <summary>Parses a command-line value (case-insensitive); false when unknown.</summary>
    public static bool TryParse(string? text, out WebMapFrame frame)
    {
        foreach (var candidate in new[] { WebMapFrame.Wgs84, WebMapFrame.Gcj02, WebMapFrame.Bd09 })
        {
            if (string.Equals(text, OptionValue(candidate), StringComparison.OrdinalIgnoreCase))
            {
                frame = candidate;
                return true;
            }
        }

        frame = default;
        return false;
    }
}
