using System.Runtime.InteropServices;
using System.Text;
using ParkGis.IO.Output;

namespace ParkGis.Cli;

/// <summary>Entry point of the <c>parkgis</c> command.</summary>
internal static class Program
{
    /// <summary>How long a signal waits for a commit in progress before the process exits anyway (the next run recovers it).</summary>
    private static readonly TimeSpan CommitGrace = TimeSpan.FromSeconds(10);

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, "SIGINT", 130));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, "SIGTERM", 143));
        return ParkGisApp.Run(args, Console.Out, Console.Error);
    }

    /// <summary>
    /// Ctrl-C or SIGTERM: lets a commit in progress finish, discards every staged result that is not committed, and
    /// exits 128 + the signal number, leaving the output folders as they were before the run.
    /// </summary>
    private static void Stop(PosixSignalContext context, string signal, int exitCode)
    {
        context.Cancel = true;
        var clean = OutputFolder.Abandon(CommitGrace);
        Console.Error.WriteLine(clean
            ? $"parkgis: stopped by {signal}; results not yet committed were discarded"
            : $"parkgis: stopped by {signal} during a commit; the next run into the same folder undoes it");
        Environment.Exit(exitCode);
    }
}
