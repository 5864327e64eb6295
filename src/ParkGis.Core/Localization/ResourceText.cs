using System.Collections;
using System.Globalization;
using System.Resources;

namespace ParkGis.Core.Localization;

/// <summary>
/// The messages an assembly shows people (提示文字), from its <c>Localization/Messages.resx</c> (Chinese, the neutral
/// resources) and <c>Messages.en.resx</c> (the English satellite), in the language of
/// <see cref="CultureInfo.CurrentUICulture"/>: the CLI sets it once per run from <c>--lang</c>/LANG and it flows to
/// the run's tasks and threads. Anything but an English UI culture reads Chinese.
/// </summary>
public sealed class ResourceText
{
    private readonly ResourceManager _resources;

    /// <summary>Reads the resources <paramref name="baseName"/> of <paramref name="assembly"/>.</summary>
    public ResourceText(string baseName, System.Reflection.Assembly assembly)
    {
        _resources = new ResourceManager(baseName, assembly);
    }

    /// <summary>True when the current UI culture is English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The culture whose resources a run reads for Chinese (the neutral resources) or English.</summary>
    public static CultureInfo CultureFor(bool english) => CultureInfo.GetCultureInfo(english ? "en" : "zh-Hans");

    /// <summary>The message <paramref name="key"/> in the current UI language.</summary>
    /// <exception cref="MissingManifestResourceException">No such message: a defect (a test checks every key used exists).</exception>
    public string Get(string key) =>
        _resources.GetString(key, IsEnglish ? CultureFor(english: true) : CultureInfo.InvariantCulture)
        ?? throw new MissingManifestResourceException($"No message '{key}' in {_resources.BaseName}.");

    /// <summary>The Chinese value of <paramref name="key"/> whatever the run's language (for fields named <c>*_zh</c> and the bureau's ledgers).</summary>
    /// <exception cref="MissingManifestResourceException">No such message: a defect.</exception>
    public string GetChinese(string key) =>
        _resources.GetString(key, CultureInfo.InvariantCulture)
        ?? throw new MissingManifestResourceException($"No message '{key}' in {_resources.BaseName}.");

    /// <summary>The message <paramref name="key"/> with its <c>{0}</c>… placeholders filled in, numbers in the invariant culture, English counts with their plural (<see cref="CountFormatter"/>).</summary>
    public string Format(string key, params object?[] args) => CountFormatter.Format(Get(key), args);

    /// <summary><paramref name="items"/> as a list in the current language: 甲、乙 in Chinese, a, b in English.</summary>
    public static string List(IEnumerable<string> items) => string.Join(IsEnglish ? ", " : "、", items);

    /// <summary>Every key and value of the resources in <paramref name="culture"/> alone (no fallback), for the tests.</summary>
    public IReadOnlyDictionary<string, string> All(CultureInfo culture)
    {
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"{_resources.BaseName} has no resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
