using ParkGis.Core.Localization;

namespace ParkGis.Core.Localization;

/// <summary>The messages of ParkGis.Core (Localization/Messages.resx, Chinese; Messages.en.resx, English) in the run's UI language.</summary>
internal static class Localized
{
    /// <summary>The assembly's messages.</summary>
    public static ResourceText Resources { get; } = new("ParkGis.Core.Localization.Messages", typeof(Localized).Assembly);

    /// <summary>The message <paramref name="key"/>.</summary>
    public static string Get(string key) => Resources.Get(key);

    /// <summary>The Chinese value of <paramref name="key"/> whatever the run's language.</summary>
    public static string Chinese(string key) => Resources.GetChinese(key);

    /// <summary>The message <paramref name="key"/> with its placeholders filled in (invariant culture).</summary>
    public static string Format(string key, params object?[] args) => Resources.Format(key, args);
}
