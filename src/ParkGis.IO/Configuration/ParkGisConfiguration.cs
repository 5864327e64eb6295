using System.Text.Json;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Intensity;
using ParkGis.Core.Localization;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Configuration;

/// <summary>
/// The optional <c>parkgis.json</c> of a dataset folder, parsed once per run: maps roles to files or GeoPackage
/// tables whose names are not role names, renames fields, sets a CRS where the data has none, declares what parks say
/// about themselves (<c>parks</c>), where the economics table is (<c>economics</c>) and which land-use code list the
/// parcels use (<c>land_use_codes</c>).
/// </summary>
/// <remarks>
/// Schema (comments and trailing commas are allowed; role keys accept the aliases of
/// <see cref="LayerRoles.TryParse"/>; every member is optional):
/// <code>
/// {
///   "crs": "EPSG:4545",                       // default CRS for layers whose files lack one
///   "layers": {
///     "parks": {
///       "source": "园区范围.shp",              // file relative to the folder
///       "fields": { "park_id": "YQBH", "name": "YQMC" },   // canonical → source field
///       "crs": "EPSG:4545"                    // overrides what the file says
///     },
///     "permanent_farmland": { "source": "data.gpkg", "layer": "YJJBNTBHTB" }
///   },
///   "parks": { "P01": { "leading_industries": ["煤化工"], "levelled": true } },
///   "economics": { "source": "经济指标.csv", "fields": { "parcel_id": "宗地编号", "year": "年份" } },
///   "land_use_codes": "三调"                  // or "用地用海"; absent: detected from the codes' shape
/// }
/// </code>
/// A layer's <c>crs</c> overrides the file's own CRS; the top-level <c>crs</c> is used only where a file has none.
/// A role with <c>fields</c> but no <c>source</c> keeps the file found by its role name. Unknown members, unknown
/// roles, a <c>source</c> or <c>layer</c> that does not exist make the configuration invalid (PG0301).
/// </remarks>
/// <param name="Layers">Settings per role.</param>
/// <param name="DefaultCrsEpsg">EPSG code for layers whose files carry no CRS, or null.</param>
public sealed record ParkGisConfiguration(IReadOnlyDictionary<LayerRole, LayerConfiguration> Layers, int? DefaultCrsEpsg)
{
    /// <summary>The configuration file name looked for in a dataset folder.</summary>
    public const string FileName = "parkgis.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Park settings from the <c>parks</c> member: park id → leading industries, levelled land, per-block leading
    /// industries (see docs/data-model.md). Empty when the file has none.
    /// </summary>
    public IReadOnlyDictionary<string, ParkGis.Core.Parks.ParkProfile> Parks { get; init; } =
        new Dictionary<string, ParkGis.Core.Parks.ParkProfile>(StringComparer.Ordinal);

    /// <summary>The <c>economics</c> member: where the economics table is and how its columns are named.</summary>
    public EconomicsSettings Economics { get; init; } = EconomicsSettings.Default;

    /// <summary>The <c>land_use_codes</c> member, or null to detect the code list from the codes' shape.</summary>
    public LandUseCodeList? CodeList { get; init; }

    /// <summary>The settings for a role, or null.</summary>
    public LayerConfiguration? For(LayerRole role) => Layers.TryGetValue(role, out var layer) ? layer : null;

    /// <summary>Parses a configuration file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <exception cref="UnusableInputException">PG0301 when the file is not valid JSON or does not follow the schema.</exception>
    public static ParkGisConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException exception)
        {
            throw Invalid(Localized.Format("ConfigurationUnreadable", FileName, exception.Message), Localized.Get("CheckFilePermissions"), exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw Invalid(Localized.Format("ConfigurationUnreadable", FileName, exception.Message), Localized.Get("CheckFilePermissions"), exception);
        }

        return Parse(bytes);
    }

    /// <summary>Parses configuration text (UTF-8 JSON).</summary>
    /// <exception cref="UnusableInputException">PG0301 when the text is not valid JSON or does not follow the schema.</exception>
    public static ParkGisConfiguration Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw Invalid(
                Localized.Format("ConfigurationNotJson", FileName, exception.LineNumber + 1, exception.BytePositionInLine + 1, exception.Message),
                Localized.Get("ConfigurationNotJsonHint"),
                exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(Localized.Format("ConfigurationNotObject", FileName), Localized.Get("ConfigurationNotObjectHint"));
            }

            var layers = new Dictionary<LayerRole, LayerConfiguration>();
            int? defaultCrs = null;
            IReadOnlyDictionary<string, ParkGis.Core.Parks.ParkProfile>? parks = null;
            var economics = EconomicsSettings.Default;
            LandUseCodeList? codeList = null;
            foreach (var member in root.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "layers":
                        ReadLayers(member.Value, layers);
                        break;
                    case "crs":
                        defaultCrs = ReadCrs(member.Value, "crs");
                        break;
                    case "parks":
                        parks = ParkSettingsParser.Parse(member.Value);
                        break;
                    case "$schema":
                        break;
                    case "economics":
                        economics = ReadEconomics(member.Value);
                        break;
                    case "land_use_codes":
                        codeList = LandUseCodes.TryParse(member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null, out var parsed)
                            ? parsed
                            : throw Invalid(Localized.Format("ConfigurationLandUseCodes", FileName, member.Value.GetRawText()),
                                Localized.Get("ConfigurationLandUseCodesHint"));
                        break;
                    default:
                        throw Invalid(Localized.Format("ConfigurationUnknownMember", FileName, member.Name),
                            Localized.Get("ConfigurationUnknownMemberHint"));
                }
            }

            var configuration = new ParkGisConfiguration(layers, defaultCrs) { Economics = economics, CodeList = codeList };
            return parks is null ? configuration : configuration with { Parks = parks };
        }
    }

    private static void ReadLayers(JsonElement element, Dictionary<LayerRole, LayerConfiguration> layers)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(Localized.Format("ConfigurationLayersNotObject", FileName), Localized.Get("ConfigurationLayersExample"));
        }

        foreach (var roleMember in element.EnumerateObject())
        {
            if (!LayerRoles.TryParse(roleMember.Name, out var role))
            {
                throw Invalid(
                    Localized.Format("ConfigurationNotLayerRole", FileName, roleMember.Name),
                    Localized.Format("ConfigurationLayerRolesHint", ResourceText.List(LayerRoles.All.Select(LayerRoles.Name))));
            }

            if (layers.ContainsKey(role))
            {
                throw Invalid(Localized.Format("ConfigurationRoleTwice", FileName, LayerRoles.Name(role), roleMember.Name), Localized.Get("ConfigurationRoleTwiceHint"));
            }

            layers.Add(role, ReadLayer(roleMember.Value, LayerRoles.Name(role)));
        }
    }

    private static LayerConfiguration ReadLayer(JsonElement element, string roleName)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            // Shorthand: "parks": "园区范围.shp".
            return new LayerConfiguration(NonBlank(element, $"layers.{roleName}"), null, new Dictionary<string, string>(StringComparer.Ordinal), null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(Localized.Format("ConfigurationLayerNotObject", FileName, roleName), Localized.Get("ConfigurationLayerExample"));
        }

        string? source = null;
        string? layer = null;
        int? crs = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var where = $"layers.{roleName}.{member.Name}";
            switch (member.Name)
            {
                case "source":
                    source = NonBlank(member.Value, where);
                    break;
                case "layer":
                    layer = NonBlank(member.Value, where);
                    break;
                case "crs":
                    crs = ReadCrs(member.Value, where);
                    break;
                case "fields":
                    if (member.Value.ValueKind != JsonValueKind.Object)
                    {
                        throw Invalid(Localized.Format("ConfigurationFieldsNotObject", FileName, where), Localized.Get("ConfigurationFieldsExample"));
                    }

                    foreach (var field in member.Value.EnumerateObject())
                    {
                        fields[field.Name] = NonBlank(field.Value, $"{where}.{field.Name}");
                    }

                    break;
                default:
                    throw Invalid(Localized.Format("ConfigurationLayerUnknownMember", FileName, where), Localized.Get("ConfigurationLayerMembersHint"));
            }
        }

        return new LayerConfiguration(source, layer, fields, crs);
    }

    private static EconomicsSettings ReadEconomics(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(Localized.Format("ConfigurationEconomicsNotObject", FileName), Localized.Get("ConfigurationEconomicsExample"));
        }

        string? source = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            switch (member.Name)
            {
                case "source" when member.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(member.Value.GetString()):
                    source = member.Value.GetString()!.Trim();
                    break;
                case "fields" when member.Value.ValueKind == JsonValueKind.Object:
                    foreach (var field in member.Value.EnumerateObject())
                    {
                        fields[field.Name] = NonBlank(field.Value, $"economics.fields.{field.Name}");
                    }

                    break;
                default:
                    throw Invalid(Localized.Format("ConfigurationEconomicsMember", FileName, member.Name),
                        Localized.Get("ConfigurationEconomicsMembersHint"));
            }
        }

        return new EconomicsSettings(source, fields);
    }

    private static int ReadCrs(JsonElement element, string where)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return CrsReference.TryParseEpsg(text)
            ?? throw Invalid(Localized.Format("ConfigurationCrsNotEpsg", FileName, where, element.GetRawText()), Localized.Get("ConfigurationCrsExample"));
    }

    private static string NonBlank(JsonElement element, string where)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(Localized.Format("ConfigurationNotString", FileName, where, element.GetRawText()), Localized.Get("ConfigurationNotStringHint"));
        }

        return text.Trim();
    }

    private static UnusableInputException Invalid(string message, string hint, Exception? inner = null) =>
        new(ErrorCodes.InvalidConfiguration, message, FileName, hint: hint, inner: inner);
}
