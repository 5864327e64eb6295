using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.IO.Configuration;
using ParkGis.IO.Formats;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Datasets;

/// <summary>
/// The fields of a layer as read, and the field map the analyses use (canonical name → source field): what
/// parkgis.json maps, each mapped field checked against the fields the layer has; then, for canonical fields the layer
/// does not have under their own name, the first of their <see cref="FieldAliases"/> it has (园区编号, ZDDM, 批准文号 …).
/// </summary>
internal static class LayerFields
{
    /// <summary>The layer's field names in source order (from the format when it lists them, else from the rows).</summary>
    public static IReadOnlyList<string> Of(SourceLayer source)
    {
        if (source.FieldNames is { } listed)
        {
            return listed;
        }

        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        object? lastKeys = null;
        foreach (var feature in source.Features)
        {
            var keys = feature.Attributes.Keys;
            if (ReferenceEquals(keys, lastKeys))
            {
                continue; // rows sharing one schema (shapefile, GeoPackage)
            }

            lastKeys = keys;
            foreach (var key in keys)
            {
                if (seen.Add(key))
                {
                    names.Add(key);
                }
            }
        }

        return names;
    }

    /// <summary>The source fields worth reading for the canonical <paramref name="fields"/> (their mapped name and every alias).</summary>
    public static IEnumerable<string> Candidates(LayerRole role, IEnumerable<string> fields, IReadOnlyDictionary<string, string> configured) =>
        fields.SelectMany(name => configured.TryGetValue(name, out var mapped)
            ? [mapped]
            : (IEnumerable<string>)[name, .. FieldAliases.Of(role, name)]);

    /// <summary>
    /// The field map of a layer with <paramref name="fieldNames"/>: <paramref name="configured"/> (parkgis.json
    /// <c>fields</c>) checked, then aliases.
    /// </summary>
    /// <exception cref="UnusableInputException">parkgis.json maps a canonical field to a field the layer does not have (PG0301).</exception>
    public static IReadOnlyDictionary<string, string> Map(
        LayerRole role, string inputName, IReadOnlyDictionary<string, string> configured, IReadOnlyList<string> fieldNames, bool hasFeatures)
    {
        var present = new HashSet<string>(fieldNames, StringComparer.OrdinalIgnoreCase);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, source) in configured.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            // A layer without features may list no fields at all (GeoJSON): nothing to check the mapping against.
            if ((hasFeatures || fieldNames.Count > 0) && !present.Contains(source))
            {
                throw new UnusableInputException(
                    ErrorCodes.InvalidConfiguration,
                    Localized.Format("ConfiguredFieldMissing", LayerRoles.Name(role), canonical, source, inputName),
                    ParkGisConfiguration.FileName,
                    hint: fieldNames.Count == 0
                        ? Localized.Format("LayerHasNoFields", inputName)
                        : Localized.Format("LayerFieldsAre", inputName, string.Join(", ", fieldNames)));
            }

            map[canonical] = source;
        }

        foreach (var (canonical, aliases) in FieldAliases.Of(role))
        {
            if (map.ContainsKey(canonical) || present.Contains(canonical))
            {
                continue;
            }

            foreach (var alias in aliases)
            {
                if (present.Contains(alias))
                {
                    map[canonical] = fieldNames.First(name => string.Equals(name, alias, StringComparison.OrdinalIgnoreCase));
                    break;
                }
            }
        }

        return map;
    }
}
