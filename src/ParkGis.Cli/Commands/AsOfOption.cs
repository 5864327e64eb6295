using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ParkGis.Cli.Localization;
using ParkGis.Core.Dates;

namespace ParkGis.Cli.Commands;

/// <summary><c>--as-of DATE</c>, required by the supply and idle commands: "today" is always explicit.</summary>
internal static class AsOfOption
{
    /// <summary>Builds the option; a value that is not a date is a usage error (exit 2).</summary>
    public static Option<string> Build()
    {
        // Validators run only on values given, so the optional variant shares this one.
        var option = new Option<string>("--as-of")
        {
            Description = Text.Get("AsOfOption"),
            Required = true,
            HelpName = "DATE",
        };
        option.Validators.Add(result =>
        {
            if (!LenientDateParser.TryParseText(result.GetValueOrDefault<string>(), out var date))
            {
                result.AddError(Text.Format("AsOfNotDate", result.GetValueOrDefault<string>()));
            }
            else if (!CalendarYears.IsAnalysable(date.Year))
            {
                result.AddError(Text.Format("AsOfOutOfRange", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CalendarYears.FirstYear, CalendarYears.LastYear));
            }
        });
        return option;
    }

    /// <summary>Makes <paramref name="option"/> (<c>--year</c>, <c>--baseline-year</c>) accept only the years ParkGis analyses; others are usage errors.</summary>
    public static T AcceptOnlyAnalysableYears<T>(T option)
        where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var year = result.Tokens.Count == 0 ? (int?)null : int.TryParse(result.Tokens[^1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y) ? y : null;
            if (year is { } value && !CalendarYears.IsAnalysable(value))
            {
                result.AddError(Text.Format("YearOutOfRange", option.Name, value, CalendarYears.FirstYear, CalendarYears.LastYear));
            }
        });
        return option;
    }

    /// <summary>An optional <c>--as-of</c> for commands that can do without supply and idle results.</summary>
    public static Option<string> BuildOptional(string description)
    {
        var option = Build();
        option.Required = false;
        option.Description = description;
        return option;
    }

    /// <summary>
    /// Says on stderr when the command's <c>--as-of</c> is after <paramref name="today"/>: allowed (a planner may project),
    /// but the data records only what has happened, so the figures assume nothing is supplied, started or halted after today.
    /// </summary>
    public static void WarnIfAfterToday(ParseResult parse, IProgress<string> progress, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(progress);
        var given = parse.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o.Option.Name == "--as-of" && !o.Implicit);
        if (given?.Tokens is [.., var last] && LenientDateParser.TryParseText(last.Value, out var date) && date > today)
        {
            progress.Report(Text.Format("AsOfAfterToday", Iso(date), Iso(today)));
        }

        static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The parsed value of an optional <c>--as-of</c>, or null when not given.</summary>
    public static DateOnly? OptionalValue(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is null ? null : Value(parse, option);

    /// <summary>The parsed value (validated before the action runs).</summary>
    public static DateOnly Value(ParseResult parse, Option<string> option) =>
        LenientDateParser.TryParseText(parse.GetRequiredValue(option), out var date) ? date : throw new InvalidOperationException("--as-of was not validated.");
}
