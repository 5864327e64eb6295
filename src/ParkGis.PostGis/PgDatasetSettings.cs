using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.IO.Configuration;

namespace ParkGis.PostGis;

/// <summary>
/// The parkgis.json document <c>parkgis import</c> stores in <c>parkgis_config</c>: the field mappings of the layers
/// (tables are named by role, so no <c>source</c>), and what the folder's parkgis.json declares about the parks and the
/// land-use code list. The economics table goes to its own table with canonical columns, so its mapping is not kept.
/// </summary>
internal static class PgDatasetSettings
{
    /// <summary>The document, or null when there is nothing to store.</summary>
    public static string? Document(IReadOnlyList<Layer> layers, ParkGisConfiguration? configuration)
    {
        var mapped = layers.Where(l => l.FieldMap.Count > 0).ToList();
        var parks = configuration?.Parks ?? new Dictionary<string, ParkGis.Core.Parks.ParkProfile>(StringComparer.Ordinal);
        var codeList = configuration?.CodeList;
        if (mapped.Count == 0 && parks.Count == 0 && codeList is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("layers");
            foreach (var layer in mapped)
            {
                json.WriteStartObject(LayerRoles.Name(layer.Role));
                json.WriteStartObject("fields");
                foreach (var (canonical, source) in layer.FieldMap.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    json.WriteString(canonical, source);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (parks.Count > 0)
            {
                json.WriteStartObject("parks");
                foreach (var (id, profile) in parks.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WriteStartObject(id);
                    WriteIndustries(json, profile.LeadingIndustries);
                    if (profile.Levelled is { } levelled)
                    {
                        json.WriteBoolean("levelled", levelled);
                    }

                    if (profile.BlockLeadingIndustries.Count > 0)
                    {
                        json.WriteStartObject("blocks");
                        foreach (var (block, industries) in profile.BlockLeadingIndustries.OrderBy(b => b.Key))
                        {
                            json.WriteStartObject(block.ToString(CultureInfo.InvariantCulture));
                            WriteIndustries(json, industries);
                            json.WriteEndObject();
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            if (codeList is { } list)
            {
                json.WriteString("land_use_codes", LandUseCodes.Name(list));
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteIndustries(Utf8JsonWriter json, IReadOnlyList<string> industries)
    {
        json.WriteStartArray("leading_industries");
        foreach (var industry in industries)
        {
            json.WriteStringValue(industry);
        }

        json.WriteEndArray();
    }
}
