using System.Text.Json;

namespace ParkGis.Serve;

/// <summary>A string as a JSON string literal, quotes included, without reflection (the CLI is published with Native AOT).</summary>
internal static class JsonStringLiteral
{
    /// <summary>The literal for <paramref name="value"/> (<c>""</c> for null).</summary>
    public static string Of(string? value) => "\"" + JsonEncodedText.Encode(value ?? string.Empty).ToString() + "\"";
}
