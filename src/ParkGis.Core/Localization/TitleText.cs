namespace ParkGis.Core.Localization;

/// <summary>A label standing on its own (a map legend, a layer list) rather than inside a sentence.</summary>
public static class TitleText
{
    /// <summary>
    /// <paramref name="label"/> beginning with a capital when it begins with a lower-case ASCII letter
    /// (<c>idle (not started)</c> → <c>Idle (not started)</c>); Chinese and anything else unchanged.
    /// </summary>
    public static string Of(string label) =>
        label.Length > 0 && char.IsAsciiLetterLower(label[0]) ? char.ToUpperInvariant(label[0]) + label[1..] : label;
}
