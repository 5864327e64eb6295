using System.Text.RegularExpressions;

namespace ParkGis.Cli.Localization;

/// <summary>
/// System.CommandLine's own words — its help headings and its parse errors — in the run's language. The parser has
/// only English (its Chinese satellite is not shipped: <c>SatelliteResourceLanguages</c>), so its fixed phrases are
/// mapped here, each to a message of Messages.resx; a phrase not listed stays as the parser wrote it.
/// </summary>
internal static partial class UsageText
{
    /// <summary>The parser's messages with placeholders, each with the key of its translation (same placeholders, same order).</summary>
    private static readonly (Regex Pattern, string Key)[] Messages =
    [
        (OptionRequired(), "ParserOptionRequired"),
        (CommandArgumentMissing(), "ParserCommandArgumentMissing"),
        (OptionArgumentMissing(), "ParserOptionArgumentMissing"),
        (Unrecognized(), "ParserUnrecognized"),
        (NotAmong(), "ParserNotAmong"),
        (CannotParseForOption(), "ParserCannotParseForOption"),
        (CannotParseForCommand(), "ParserCannotParseForCommand"),
        (CannotParse(), "ParserCannotParse"),
        (SingleArgument(), "ParserSingleArgument"),
        (CommandRequired(), "ParserCommandRequired"),
    ];

    /// <summary>A parse error's message in the run's language.</summary>
    public static string Message(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Text.IsEnglish)
        {
            return message;
        }

        foreach (var (pattern, key) in Messages)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return Text.Format(key, [.. match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value)]);
            }
        }

        return message;
    }

    /// <summary>
    /// A help text (written unwrapped) with the parser's headings and fixed phrases in the run's language, wrapped to
    /// <paramref name="width"/> display columns with wide (CJK) characters counted as two (<see cref="Wrap"/>).
    /// </summary>
    public static string Help(string help, int width)
    {
        ArgumentNullException.ThrowIfNull(help);
        var lines = help.ReplaceLineEndings("\n").Split('\n');
        if (!Text.IsEnglish)
        {
            Translate(lines);
        }

        return string.Join('\n', lines.SelectMany(l => Wrap(l, width)));
    }

    /// <summary>
    /// A help line cut into lines of at most <paramref name="width"/> display columns: between words, or between two
    /// wide characters (Chinese needs no space to break); continuation lines are indented to the description column
    /// (after the first run of two or more spaces), or to the line's own indentation.
    /// </summary>
    public static IEnumerable<string> Wrap(string line, int width)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Rendering.TextWidth.Of(line) <= width)
        {
            yield return line;
            yield break;
        }

        var column = ColumnStart().Match(line);
        var indent = column.Success ? Rendering.TextWidth.Of(column.Value) : line.Length - line.TrimStart(' ').Length;
        if (indent > width / 2)
        {
            indent = line.Length - line.TrimStart(' ').Length;
        }

        var rest = line;
        var prefix = string.Empty;
        while (true)
        {
            var room = width - prefix.Length;
            if (Rendering.TextWidth.Of(rest) <= room)
            {
                yield return prefix + rest;
                yield break;
            }

            var cut = Rendering.TextWidth.Cut(rest, room);
            yield return prefix + rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart(' ');
            prefix = new string(' ', indent);
            if (rest.Length == 0)
            {
                yield break;
            }
        }
    }


    private static void Translate(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var heading = line switch
            {
                "Description:" => "HelpDescription",
                "Usage:" => "HelpUsage",
                "Arguments:" => "HelpArguments",
                "Options:" => "HelpOptions",
                "Commands:" => "HelpCommands",
                "Additional Arguments:" => "HelpAdditionalArguments",
                _ => null,
            };
            if (heading is not null)
            {
                lines[i] = lines[i].Replace(line, Text.Get(heading), StringComparison.Ordinal);
                continue;
            }

            lines[i] = lines[i]
                .Replace("Show help and usage information", Text.Get("HelpShowHelp"), StringComparison.Ordinal)
                .Replace("Show version information", Text.Get("HelpShowVersion"), StringComparison.Ordinal)
                .Replace("(REQUIRED)", Rendering.TextWidth.PadRight(Text.Get("HelpRequired"), "(REQUIRED)".Length), StringComparison.Ordinal); // keeps the columns
            lines[i] = DefaultValue().Replace(lines[i], m => Text.Format("HelpDefault", m.Groups[1].Value))
                .Replace(" [options]", Text.Get("HelpUsageOptions"), StringComparison.Ordinal)
                .Replace(" [command]", Text.Get("HelpUsageCommand"), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^Option '(.+)' is required\.$")]
    private static partial Regex OptionRequired();

    [GeneratedRegex(@"^Required argument missing for command: '(.+)'\.$")]
    private static partial Regex CommandArgumentMissing();

    [GeneratedRegex(@"^Required argument missing for option: '(.+)'\.$")]
    private static partial Regex OptionArgumentMissing();

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.+)' as expected type '(.+)'\.", RegexOptions.Singleline)]
    private static partial Regex CannotParseForOption();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for command '(.+)' as expected type '(.+)'\.", RegexOptions.Singleline)]
    private static partial Regex CannotParseForCommand();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' as expected type '(.+)'\.$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Option '(.+)' expects a single argument but (\d+) were provided\.$")]
    private static partial Regex SingleArgument();

    [GeneratedRegex(@"^Required command was not provided\.$")]
    private static partial Regex CommandRequired();

    [GeneratedRegex(@"^ +\S.*?  +(?=\S)")]
    private static partial Regex ColumnStart();

    [GeneratedRegex(@"\[default: (.*?)\]")]
    private static partial Regex DefaultValue();
}
