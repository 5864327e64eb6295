using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using ParkGis.Cli.Localization;
using ParkGis.IO.Output;

namespace ParkGis.Cli;

/// <summary>Entry point of the <c>parkgis</c> command.</summary>
internal static class Program
{
    /// <summary>
    /// How long a cancelled command may take to stop on its own (its loops see the cancellation within milliseconds;
    /// a file being parsed or one long overlay cannot); then its staged output is removed and the process ends.
    /// </summary>
    private static readonly TimeSpan StopWithin = TimeSpan.FromMilliseconds(800);

    /// <summary>A thread of its own for the command, with room for deep geometry recursion; not a pool thread (see ProjectedLayer).</summary>
    private const int StackBytes = 16 << 20;

    /// <summary>How long a signal then waits for a commit in progress before the process exits anyway (the next run recovers it).</summary>
    private static readonly TimeSpan CommitGrace = TimeSpan.FromSeconds(10);

    private static int Main(string[] args)
    {
        GcHeapHugePages.Advise();
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Text.Language = LanguageChoice.Resolve(args, Environment.GetEnvironmentVariable);
        using var cancellation = new CancellationTokenSource();
        var exitOnSignal = ExitCodes.Interrupted;
        var signalled = Stopwatch.StartNew();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // stop cleanly instead of the runtime's immediate exit
            lock (cancellation)
            {
                if (!cancellation.IsCancellationRequested)
                {
                    exitOnSignal = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
                    signalled.Restart();
                    cancellation.Cancel();
                }
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var exit = ExitCodes.InternalError;
        var stdout = StandardStreamWriter.ProcessStdout();
        var command = new Thread(() => exit = ParkGisApp.Run(args, stdout, Console.Error, cancellation.Token), StackBytes)
        {
            Name = "parkgis",
            IsBackground = true,
        };
        command.Start();
        while (!command.Join(20))
        {
            if (cancellation.IsCancellationRequested && signalled.Elapsed > StopWithin)
            {
                var clean = OutputFolder.Abandon(CommitGrace);
                StandardStreamWriter.ForMessages(Console.Error).WriteLine(Text.Get(clean ? "Cancelled" : "CancelledDuringCommit"));
                return exitOnSignal;
            }
        }

        return exit == ExitCodes.Interrupted && cancellation.IsCancellationRequested ? exitOnSignal : exit;
    }
}
