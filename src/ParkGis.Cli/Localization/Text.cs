using System.Globalization;
using System.Resources;

namespace ParkGis.Cli.Localization;

/// <summary>
/// The messages <c>parkgis</c> prints for people, from <c>Messages.resx</c> (Chinese, the neutral resources) and
/// <c>Messages.en.resx</c> (the English satellite, which Native AOT compiles into the executable), in the language of
/// the running command (<see cref="Language"/>, set once per run and flowing to its tasks).
/// </summary>
internal static class Text
{
    private static readonly ResourceManager Resources = new("ParkGis.Cli.Localization.Messages", typeof(Text).Assembly);
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");
    private static readonly AsyncLocal<UiLanguage> Current = new();

    /// <summary>
    /// The language of the command running on this flow; Chinese unless set. Setting it also sets
    /// <see cref="CultureInfo.CurrentUICulture"/> (which flows the same way), the language the engine's and adapters'
    /// messages are read in (<see cref="ParkGis.Core.Localization.ResourceText"/>).
    /// </summary>
    public static UiLanguage Language
    {
        get => Current.Value;
        set
        {
            Current.Value = value;
            CultureInfo.CurrentUICulture = ParkGis.Core.Localization.ResourceText.CultureFor(value == UiLanguage.English);
        }
    }

    /// <summary>True when the command speaks English.</summary>
    public static bool IsEnglish => Language == UiLanguage.English;

    /// <summary>The message <paramref name="key"/> in the current language.</summary>
    /// <exception cref="MissingManifestResourceException">No such message: a defect (a test checks every key exists).</exception>
    public static string Get(string key) => Get(key, Language);

    /// <summary>The message <paramref name="key"/> in <paramref name="language"/>.</summary>
    public static string Get(string key, UiLanguage language) =>
        Resources.GetString(key, language == UiLanguage.English ? EnglishCulture : CultureInfo.InvariantCulture)
        ?? throw new MissingManifestResourceException($"No message '{key}' in Messages.resx.");

    /// <summary>The message <paramref name="key"/> with its <c>{0}</c>… placeholders filled in, numbers in the invariant culture.</summary>
    public static string Format(string key, params object?[] args) => ParkGis.Core.Localization.CountFormatter.Format(Get(key), args);

    /// <summary><paramref name="items"/> as a list in the current language: 甲、乙 in Chinese, a, b in English.</summary>
    public static string List(params IEnumerable<string> items) => string.Join(Get("ListSeparator"), items);

    /// <summary>Every message key (for the test that both languages have each one).</summary>
    public static IReadOnlyList<string> Keys(UiLanguage language)
    {
        var culture = language == UiLanguage.English ? EnglishCulture : CultureInfo.InvariantCulture;
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException("Messages resources are missing.");
        return [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
    }
}
