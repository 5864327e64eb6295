namespace ParkGis.Cli.Localization;

/// <summary>
/// Which language a run speaks: <c>--lang zh|en</c> anywhere on the command line wins; otherwise the POSIX locale
/// variables in their order of precedence (the first set of LC_ALL, LC_MESSAGES, LANG) give English when they start
/// with <c>en</c>; anything else — unset, <c>C</c>, <c>C.UTF-8</c>, <c>zh_CN.UTF-8</c>, another language — gives Chinese.
/// The choice is made before the command line is parsed, because the help and the parser's own messages need it.
/// </summary>
internal static class LanguageChoice
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--lang";

    /// <summary>The values <c>--lang</c> accepts.</summary>
    public static IReadOnlyList<string> Values { get; } = ["zh", "en"];

    /// <summary>The language of a run with <paramref name="args"/> in the environment <paramref name="environment"/> describes.</summary>
    public static UiLanguage Resolve(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        if (FromArguments(args) is { } asked)
        {
            return asked;
        }

        foreach (var variable in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                return value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? UiLanguage.English : UiLanguage.Chinese;
            }
        }

        return UiLanguage.Chinese;
    }

    /// <summary>The last valid <c>--lang</c> value before <c>--</c> (<c>--lang en</c>, <c>--lang=en</c>, <c>--lang:en</c>), or null.</summary>
    private static UiLanguage? FromArguments(IReadOnlyList<string> args)
    {
        UiLanguage? found = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            string? value = null;
            if (arg == OptionName && i + 1 < args.Count)
            {
                value = args[i + 1];
            }
            else if (arg.Length > OptionName.Length + 1 && arg.StartsWith(OptionName, StringComparison.Ordinal) && arg[OptionName.Length] is '=' or ':')
            {
                value = arg[(OptionName.Length + 1)..];
            }

            found = value switch
            {
                "en" => UiLanguage.English,
                "zh" => UiLanguage.Chinese,
                _ => found,
            };
        }

        return found;
    }
}
