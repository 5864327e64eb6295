using System.Text.Json;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.IO.Configuration;

namespace ParkGis.IO.Intensity;

/// <summary>
/// What a dataset's <c>parkgis.json</c> says for <c>parkgis intensity</c>: where the economics table is, how its
/// columns are named, and which land-use code list the parcels use.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "economics": { "source": "经济指标.csv", "fields": { "parcel_id": "宗地编号", "year": "年份", "output_wan": "产值（万元）" } },
///   "land_use_codes": "三调"            // or "用地用海"; absent: detected from the codes' shape
/// }
/// </code>
/// </remarks>
/// <param name="EconomicsSource">The economics file relative to the dataset folder, or null for <c>economics.csv</c>.</param>
/// <param name="EconomicsFields">Canonical column → header in the file.</param>
/// <param name="CodeList">The configured code list, or null.</param>
public sealed record IntensitySettings(string? EconomicsSource, IReadOnlyDictionary<string, string> EconomicsFields, LandUseCodeList? CodeList)
{
    /// <summary>No configuration.</summary>
    public static IntensitySettings Default { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal), null);

    /// <summary>Reads the settings from the dataset folder's parkgis.json, or <see cref="Default"/> when there is none.</summary>
    /// <exception cref="UnusableInputException">PG0301 when the members are malformed.</exception>
    public static IntensitySettings Load(string datasetFolder)
    {
        var path = Path.Combine(datasetFolder, ParkGisConfiguration.FileName);
        if (!File.Exists(path))
        {
            return Default;
        }

        Datasets.DatasetFiles.RequireInside(datasetFolder, path, ParkGisConfiguration.FileName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw Invalid($"{ParkGisConfiguration.FileName} cannot be read: {e.Message}", "Fix the file; see docs/data-model.md.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Default;
            }

            string? source = null;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            LandUseCodeList? list = null;
            if (document.RootElement.TryGetProperty("economics", out var economics))
            {
                if (economics.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid("parkgis.json: \"economics\" must be an object.", """Example: "economics": { "source": "经济指标.csv", "fields": { "year": "年份" } }.""");
                }

                foreach (var member in economics.EnumerateObject())
                {
                    switch (member.Name)
                    {
                        case "source" when member.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(member.Value.GetString()):
                            source = member.Value.GetString()!.Trim();
                            break;
                        case "fields" when member.Value.ValueKind == JsonValueKind.Object:
                            foreach (var field in member.Value.EnumerateObject())
                            {
                                if (field.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(field.Value.GetString()))
                                {
                                    throw Invalid($"parkgis.json: economics.fields.{field.Name} must be a header name.", "Write the column header as a JSON string.");
                                }

                                fields[field.Name] = field.Value.GetString()!.Trim();
                            }

                            break;
                        default:
                            throw Invalid($"parkgis.json: economics.{member.Name} is not a known member or has the wrong type.",
                                "economics members are \"source\" (a file name) and \"fields\" (canonical column → header).");
                    }
                }
            }

            if (document.RootElement.TryGetProperty("land_use_codes", out var codes))
            {
                if (!LandUseCodes.TryParse(codes.ValueKind == JsonValueKind.String ? codes.GetString() : null, out var parsed))
                {
                    throw Invalid($"parkgis.json: land_use_codes must be \"用地用海\" or \"三调\", got {codes.GetRawText()}.",
                        "Leave it out to detect the code list from the codes' shape.");
                }

                list = parsed;
            }

            return new IntensitySettings(source, fields, list);
        }
    }

    private static UnusableInputException Invalid(string message, string hint, Exception? inner = null) =>
        new(ErrorCodes.InvalidConfiguration, message, ParkGisConfiguration.FileName, hint: hint, inner: inner);
}
