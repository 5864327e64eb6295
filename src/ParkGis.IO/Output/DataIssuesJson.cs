using System.Text.Json;
using ParkGis.Core.Data;

namespace ParkGis.IO.Output;

/// <summary>Writes data issues as the JSON array every ParkGis output uses: <c>[{"layer","feature","code","message"}]</c>.</summary>
public static class DataIssuesJson
{
    /// <summary>Writes <paramref name="issues"/> as the array property <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter writer, string name, IEnumerable<DataIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(issues);
        writer.WriteStartArray(name);
        foreach (var issue in issues)
        {
            writer.WriteStartObject();
            writer.WriteString("layer", issue.Layer);
            writer.WriteString("feature", issue.Feature);
            writer.WriteString("code", issue.Code);
            writer.WriteString("message", issue.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
