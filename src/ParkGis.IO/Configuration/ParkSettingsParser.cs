using System.Globalization;
using System.Text.Json;
using ParkGis.Core.Errors;
using ParkGis.Core.Parks;
using ParkGis.IO.Localization;

namespace ParkGis.IO.Configuration;

/// <summary>
/// Parses the <c>parks</c> member of parkgis.json: per park id, <c>leading_industries</c> (a list, or a text list
/// separated by 、 or commas), <c>levelled</c> (true/false) and <c>blocks</c> (1-based block number →
/// <c>{ "leading_industries": [...] }</c>).
/// </summary>
internal static class ParkSettingsParser
{
    public static IReadOnlyDictionary<string, ParkProfile> Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(Localized.Get("ParksNotObject"));
        }

        var result = new Dictionary<string, ParkProfile>(StringComparer.Ordinal);
        foreach (var park in element.EnumerateObject())
        {
            if (park.Value.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(Localized.Format("ParkNotObject", park.Name));
            }

            IReadOnlyList<string> leading = [];
            bool? levelled = null;
            var blocks = new Dictionary<int, IReadOnlyList<string>>();
            foreach (var member in park.Value.EnumerateObject())
            {
                var where = $"parks.{park.Name}.{member.Name}";
                switch (member.Name)
                {
                    case "leading_industries":
                        leading = Industries(member.Value, where);
                        break;
                    case "levelled":
                        levelled = member.Value.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw Invalid(Localized.Format("MustBeBoolean", where)),
                        };
                        break;
                    case "blocks":
                        if (member.Value.ValueKind != JsonValueKind.Object)
                        {
                            throw Invalid(Localized.Format("BlocksNotObject", where));
                        }

                        foreach (var block in member.Value.EnumerateObject())
                        {
                            if (!int.TryParse(block.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1
                                || block.Value.ValueKind != JsonValueKind.Object)
                            {
                                throw Invalid(Localized.Format("BlockKeyInvalid", where, block.Name));
                            }

                            foreach (var blockMember in block.Value.EnumerateObject())
                            {
                                if (blockMember.Name != "leading_industries")
                                {
                                    throw Invalid(Localized.Format("BlockUnknownMember", where, block.Name, blockMember.Name));
                                }

                                blocks[number] = Industries(blockMember.Value, $"{where}.{block.Name}.leading_industries");
                            }
                        }

                        break;
                    default:
                        throw Invalid(Localized.Format("ParkUnknownMember", where));
                }
            }

            result[park.Name] = new ParkProfile(park.Name, leading, blocks, levelled);
        }

        return result;
    }

    private static IReadOnlyList<string> Industries(JsonElement element, string where) => element.ValueKind switch
    {
        JsonValueKind.String => ParkProfiles.Split(element.GetString()),
        JsonValueKind.Array => element.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()) ? e.GetString()!.Trim() : throw Invalid(Localized.Format("IndustriesNotStrings", where)))
            .Distinct(StringComparer.Ordinal).ToList(),
        _ => throw Invalid(Localized.Format("IndustriesNotList", where)),
    };

    private static UnusableInputException Invalid(string message) =>
        new(ErrorCodes.InvalidConfiguration, $"{ParkGisConfiguration.FileName}: {message}", ParkGisConfiguration.FileName,
            hint: Localized.Get("ParkSettingsExample"));
}
