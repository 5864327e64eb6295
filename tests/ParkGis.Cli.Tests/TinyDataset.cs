using System.Globalization;

namespace ParkGis.Cli.Tests;

/// <summary>Writes tiny GeoJSON datasets in EPSG:4545 (legacy crs member) for CLI tests.</summary>
internal static class TinyDataset
{
    public static string Write(string parks, string? urban = null, string? redline = null, string? farmland = null)
    {
        var folder = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(folder);
        WriteLayer(folder, "parks", parks, "park_id");
        if (urban is not null)
        {
            WriteLayer(folder, "urban_boundary", urban, "id");
        }

        if (redline is not null)
        {
            WriteLayer(folder, "ecological_redline", redline, "id");
        }

        if (farmland is not null)
        {
            WriteLayer(folder, "permanent_farmland", farmland, "id");
        }

        return folder;
    }

    public static string Square(string id, string name, double x, double y, double size) => Rectangle(id, name, x, y, x + size, y + size);

    public static string Rectangle(string id, string name, double x0, double y0, double x1, double y1) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":\"{id}\",\"name\":\"{name}\",\"ring\":[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]}}");

    private static void WriteLayer(string folder, string role, string feature, string idField)
    {
        var parts = System.Text.Json.JsonDocument.Parse(feature).RootElement;
        var id = parts.GetProperty("id").GetString();
        var name = parts.GetProperty("name").GetString();
        var json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},"
            + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"" + idField + "\":\"" + id + "\",\"name\":\"" + name + "\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + parts.GetProperty("ring").GetRawText() + "]}}]}";
        File.WriteAllText(Path.Combine(folder, role + ".geojson"), json);
    }
}
