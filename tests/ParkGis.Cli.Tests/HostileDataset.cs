using System.Text.Json;

namespace ParkGis.Cli.Tests;

/// <summary>A one-park dataset (EPSG:4545) whose park id and name may hold anything; the JSON is escaped properly.</summary>
internal static class HostileDataset
{
    public static string Write(string parkId, string parkName)
    {
        var folder = TinyDataset.Write(
            parks: TinyDataset.Square("P1", "placeholder", 500_000, 4_400_000, 100),
            urban: TinyDataset.Square("U1", "边界", 499_000, 4_399_000, 3000),
            redline: TinyDataset.Rectangle("R1", "红线", 500_050, 4_400_000, 500_150, 4_400_100));
        var parks = Path.Combine(folder, "parks.geojson");
        var text = File.ReadAllText(parks)
            .Replace("\"park_id\":\"P1\"", "\"park_id\":" + JsonSerializer.Serialize(parkId), StringComparison.Ordinal)
            .Replace("\"name\":\"placeholder\"", "\"name\":" + JsonSerializer.Serialize(parkName), StringComparison.Ordinal);
        File.WriteAllText(parks, text);
        File.WriteAllText(Path.Combine(folder, "parcels.geojson"),
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"parcel_id\":\"Z1\",\"park_id\":" + JsonSerializer.Serialize(parkId) + ",\"supplied_on\":\"2020-01-01\",\"actual_start\":\"2020-06-01\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500010,4400010],[500040,4400010],[500040,4400040],[500010,4400040],[500010,4400010]]]}}]}");
        return folder;
    }
}
