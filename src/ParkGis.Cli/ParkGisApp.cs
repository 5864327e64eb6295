using System.CommandLine;
using System.CommandLine.Help;
using ParkGis.Cli.Commands;
using ParkGis.Cli.Localization;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Errors;

namespace ParkGis.Cli;

/// <summary>
/// The command tree of <c>parkgis</c>, runnable in-process with captured writers (the tests use this).
/// Usage errors exit 2; unusable input exits 3 with one message and no stack trace. Everything printed has its
/// control characters escaped (<see cref="TerminalWriter"/>). Everything printed for people is in the run's language
/// (<see cref="LanguageChoice"/>: Chinese unless <c>--lang en</c> or an English locale), the parser's own help headings and
/// messages included (<see cref="UsageText"/>).
/// </summary>
internal static class ParkGisApp
{
    /// <summary>The display columns help is wrapped to, the same in a terminal, a pipe and the golden tests.</summary>
    private const int HelpWidth = 100;

    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(Text.Get("RootDescription"));
        root.Options.Add(LanguageOption());
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                action.MaxWidth = int.MaxValue; // unwrapped: UsageText.Help wraps it, counting wide characters as two
            }
        }
        root.Subcommands.Add(CheckCommand.Build());
        root.Subcommands.Add(InfoCommand.Build());
        root.Subcommands.Add(SupplyCommand.Build());
        root.Subcommands.Add(IdleCommand.Build());
        root.Subcommands.Add(InfrastructureCommand.Build());
        root.Subcommands.Add(ScorecardCommand.Build());
        root.Subcommands.Add(IntensityCommand.Build());
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(BoundaryPointsCommand.Build());
        return root;
    }

    /// <summary><c>--lang zh|en</c>, on every command; read before parsing (<see cref="LanguageChoice"/>), accepted here so the parser knows it.</summary>
    private static Option<string> LanguageOption()
    {
        var option = new Option<string>(LanguageChoice.OptionName)
        {
            Description = Text.Get("LangOption"),
            HelpName = "zh|en",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong([.. LanguageChoice.Values]);
        return option;
    }

    /// <summary>
    /// Parses and runs a command line in-process, writing to the given writers; returns the exit code. The locale
    /// variables are not consulted: the language is Chinese unless the arguments hold <c>--lang en</c>.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, static _ => null, CancellationToken.None);

    /// <summary>Runs a command line as <c>parkgis</c> does: the language also follows LC_ALL / LC_MESSAGES / LANG.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation) =>
        Run(args, stdout, stderr, Environment.GetEnvironmentVariable, cancellation);

    /// <summary>
    /// Parses and runs a command line, writing to the given writers with every <c>pg:</c> credential masked
    /// (<see cref="CredentialRedaction"/>); <paramref name="cancellation"/> stops the command wherever it is, its staged
    /// output is removed and the exit code is <see cref="ExitCodes.Interrupted"/>; <paramref name="environment"/> supplies
    /// the locale variables that choose the language when <c>--lang</c> is not given.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);
        Text.Language = LanguageChoice.Resolve(args, environment);

        // Every text printed passes through two rules: control characters in names and messages are escaped (only
        // WriteLine's own line ends stay newlines), then pg: credentials are masked. A stream that cannot be written
        // has a defined outcome (StandardStreamWriter): stdout is PG0404, exit 3; stderr falls silent.
        var redaction = CredentialRedaction.For(args);
        var output = new TerminalWriter(redaction.Wrap(StandardStreamWriter.ForResults(stdout)));
        var error = new TerminalWriter(redaction.Wrap(StandardStreamWriter.ForMessages(stderr)));
        try
        {
            var code = Invoke(args, output, error, cancellation);
            output.Flush();
            return code;
        }
        catch (UnusableInputException e) when (e.Code == ErrorCodes.StdoutNotWritable)
        {
            // The last, unfinished line of stdout could not be written.
            ErrorReport.Write(error, e);
            return ExitCodes.UnusableInput;
        }
        finally
        {
            error.Flush();
        }
    }

    private static int Invoke(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // the signals are handled by Program, which cancels the token
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine(Text.Format("UsageError", UsageText.Message(error.Message)));
            }

            stderr.WriteLine(Text.Get("UsageErrorHint"));
            return ExitCodes.Usage;
        }

        try
        {
            if (parse.Action is HelpAction)
            {
                // The help is rendered whole, then its headings and the parser's own phrases put in the run's language.
                using var help = new StringWriter();
                var helpConfiguration = new InvocationConfiguration { Output = help, Error = stderr, EnableDefaultExceptionHandler = false };
                var code = parse.Invoke(helpConfiguration);
                foreach (var line in UsageText.Help(help.ToString(), HelpWidth).TrimEnd('\n').Split('\n'))
                {
                    stdout.WriteLine(line);
                }

                return code;
            }

            return parse.InvokeAsync(configuration, cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine(Text.Get("Cancelled"));
            return ExitCodes.Interrupted;
        }
        catch (UnusableInputException e)
        {
            ErrorReport.Write(stderr, e);
            return ExitCodes.UnusableInput;
        }
        catch (IOException e) when (OutputSpace.IsExhausted(e))
        {
            ErrorReport.Write(stderr, OutputSpace.Error(e));
            return ExitCodes.UnusableInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect in ParkGis, not in the input: say so in one message; the trace only on request.
            stderr.WriteLine(Text.Format("InternalError", ErrorCodes.InternalError, e.GetType().Name, e.Message));
            stderr.WriteLine(Text.Get("InternalErrorHint"));
            if (Environment.GetEnvironmentVariable("PARKGIS_DEBUG") == "1")
            {
                stderr.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }
}
