using System.CommandLine;
using ParkGis.Cli.Commands;
using ParkGis.Cli.Rendering;
using ParkGis.Core.Errors;

namespace ParkGis.Cli;

/// <summary>
/// The command tree of <c>parkgis</c>, runnable in-process with captured writers (the tests use this).
/// Usage errors exit 2; unusable input exits 3 with one message and no stack trace. Everything printed has its
/// control characters escaped (<see cref="TerminalWriter"/>).
/// </summary>
internal static class ParkGisApp
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "ParkGis — boundary conflicts, land supply and land-use efficiency for industrial parks (园区四至、三区三线、供地、亩均效益).");
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

    /// <summary>Parses and runs a command line, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

    /// <summary>
    /// Parses and runs a command line, writing to the given writers with every <c>pg:</c> credential masked
    /// (<see cref="CredentialRedaction"/>); <paramref name="cancellation"/> stops the command wherever it is, its staged
    /// output is removed and the exit code is <see cref="ExitCodes.Interrupted"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // Every text printed passes through two rules: control characters in names and messages are escaped (only
        // WriteLine's own line ends stay newlines), then pg: credentials are masked.
        var redaction = CredentialRedaction.For(args);
        var output = new TerminalWriter(redaction.Wrap(stdout));
        var error = new TerminalWriter(redaction.Wrap(stderr));
        try
        {
            return Invoke(args, output, error, cancellation);
        }
        finally
        {
            output.Flush();
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
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'parkgis --help' or 'parkgis COMMAND --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.InvokeAsync(configuration, cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("parkgis: cancelled; nothing was written.");
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
            stderr.WriteLine($"error {ErrorCodes.InternalError}: internal error ({e.GetType().Name}): {e.Message}");
            stderr.WriteLine("  hint: this is a ParkGis defect; please report it with the command line. Set PARKGIS_DEBUG=1 to print the stack trace.");
            if (Environment.GetEnvironmentVariable("PARKGIS_DEBUG") == "1")
            {
                stderr.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }
}
