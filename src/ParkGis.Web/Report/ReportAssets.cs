namespace ParkGis.Web.Report;

/// <summary>The front-end files embedded at build time (Leaflet from npm, the report's own script and style).</summary>
internal static class ReportAssets
{
    public static string Text(string name)
    {
        var resource = "ParkGis.Web.Report." + name;
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing; rebuild ParkGis.Web (it runs npm ci for Leaflet).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
