using System.Globalization;

namespace ParkGis.Core.Localization;

/// <summary>
/// Formats messages in the invariant culture and gives English counts their plural (复数): a placeholder
/// <c>{0:N0|feature|features}</c> writes the number in its numeric format (<c>N0</c>; empty for the default) and the
/// singular noun after exactly 1, the plural after any other number — <c>1 feature</c>, <c>2 features</c>,
/// <c>1,234 features</c>. Chinese messages, which need no plural, simply do not use the form.
/// </summary>
public sealed class CountFormatter : IFormatProvider, ICustomFormatter
{
    private CountFormatter()
    {
    }

    /// <summary>The one instance.</summary>
    public static CountFormatter Instance { get; } = new();

    /// <summary><paramref name="format"/> filled in with <paramref name="args"/> (see the class summary).</summary>
    public static string Format(string format, params object?[] args) => string.Format(Instance, format, args);

    /// <inheritdoc />
    public object? GetFormat(Type? formatType) =>
        formatType == typeof(ICustomFormatter) ? this : CultureInfo.InvariantCulture.GetFormat(formatType);

    /// <inheritdoc />
    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        var bar = format?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (format is null || bar < 0)
        {
            return arg is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : arg?.ToString() ?? string.Empty;
        }

        var nouns = format[(bar + 1)..].Split('|');
        var numberFormat = bar == 0 ? null : format[..bar];
        var number = arg is IFormattable value ? value.ToString(numberFormat, CultureInfo.InvariantCulture) : arg?.ToString() ?? string.Empty;
        var noun = IsOne(arg) || nouns.Length == 1 ? nouns[0] : nouns[1];
        return number + " " + noun;
    }

    private static bool IsOne(object? arg) => arg switch
    {
        int i => i == 1,
        long l => l == 1,
        double d => d == 1,
        decimal m => m == 1,
        float f => f == 1,
        short s => s == 1,
        uint u => u == 1,
        ulong u => u == 1,
        string text => text == "1",
        _ => false,
    };
}
