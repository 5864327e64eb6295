namespace ParkGis.Cli.Localization;

/// <summary>The language of what <c>parkgis</c> prints for people (界面语言): Chinese unless English is asked for.</summary>
internal enum UiLanguage
{
    /// <summary>Simplified Chinese, the default.</summary>
    Chinese,

    /// <summary>English: <c>--lang en</c>, or LC_ALL / LC_MESSAGES / LANG starting with <c>en</c>.</summary>
    English,
}
