using System.Globalization;
using ParkGis.Core.Data;

namespace ParkGis.Core.Parks;

/// <summary>
/// Reads <see cref="ParkProfile"/>s from the parks layer (canonical fields <c>leading_industries</c>, a text list
/// separated by <c>、</c> <c>,</c> <c>，</c> <c>;</c> <c>；</c> or <c>/</c>, and <c>levelled</c>) and merges the
/// settings of parkgis.json over them.
/// </summary>
public static class ParkProfiles
{
    private static readonly char[] Separators = ['、', ',', '，', ';', '；', '/', '|'];

    /// <summary>The profile of every park of the layer, keyed by park id (ordinal).</summary>
    public static IReadOnlyDictionary<string, ParkProfile> FromLayer(Layer parks)
    {
        ArgumentNullException.ThrowIfNull(parks);
        var result = new Dictionary<string, ParkProfile>(StringComparer.Ordinal);
        foreach (var feature in parks.Features)
        {
            var industries = Split(parks.Text(feature, "leading_industries"));
            result[feature.Id] = new ParkProfile(feature.Id, industries, new Dictionary<int, IReadOnlyList<string>>(), ParseFlag(parks.Value(feature, "levelled")));
        }

        return result;
    }

    /// <summary>
    /// Layer profiles with configured ones laid over them: a configured list or flag replaces the layer's; what
    /// the configuration leaves out is kept. Configured parks the layer does not have are ignored.
    /// </summary>
    public static IReadOnlyDictionary<string, ParkProfile> Merge(IReadOnlyDictionary<string, ParkProfile> fromLayer, IReadOnlyDictionary<string, ParkProfile>? configured)
    {
        ArgumentNullException.ThrowIfNull(fromLayer);
        if (configured is null || configured.Count == 0)
        {
            return fromLayer;
        }

        var result = new Dictionary<string, ParkProfile>(StringComparer.Ordinal);
        foreach (var (id, layer) in fromLayer)
        {
            if (!configured.TryGetValue(id, out var over))
            {
                result[id] = layer;
                continue;
            }

            var blocks = new Dictionary<int, IReadOnlyList<string>>(layer.BlockLeadingIndustries);
            foreach (var (block, list) in over.BlockLeadingIndustries)
            {
                blocks[block] = list;
            }

            result[id] = new ParkProfile(
                id,
                over.LeadingIndustries.Count > 0 ? over.LeadingIndustries : layer.LeadingIndustries,
                blocks,
                over.Levelled ?? layer.Levelled);
        }

        return result;
    }

    /// <summary>Splits a text list of industries, trimming blanks and dropping duplicates (first kept).</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads a yes/no value: booleans, 1/0, true/false, yes/no, 是/否; null when absent or unreadable.</summary>
    public static bool? ParseFlag(object? value) => value switch
    {
        null => null,
        bool flag => flag,
        IConvertible number when value is int or long or double or float or decimal or short => number.ToDouble(CultureInfo.InvariantCulture) != 0,
        _ => value.ToString()?.Trim().ToUpperInvariant() switch
        {
            "1" or "TRUE" or "YES" or "Y" or "是" or "已平整" => true,
            "0" or "FALSE" or "NO" or "N" or "否" or "未平整" => false,
            _ => null,
        },
    };
}
