using System.Globalization;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Entry point of the test assembly, used only as the child process of <see cref="ReaderFuzzTests"/>:
/// <c>dotnet ParkGis.Cli.Tests.dll fuzz-host LIST</c> runs <c>parkgis check DATASET --out DATASET.out</c> in-process
/// for every dataset folder listed in LIST, printing <c>start N</c> before and <c>exit N CODE FIRST-STDERR-LINE</c>
/// after each, flushed, so that the parent knows which case was running if the process dies. (The test runner
/// loads the assembly as a library and never calls this.)
/// </summary>
internal static class ReaderFuzzHost
{
    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != "fuzz-host")
        {
            Console.Error.WriteLine("ParkGis.Cli.Tests is a test assembly; run it with dotnet test (or 'fuzz-host LIST' as the fuzz test's child).");
            return 2;
        }

        var folders = File.ReadAllLines(args[1]);
        var stdout = Console.Out;
        for (var i = 0; i < folders.Length; i++)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {i}"));
            stdout.Flush();
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = ParkGisApp.Run(["check", folders[i], "--out", folders[i] + ".out"], output, error);
            var firstLine = error.ToString().Split('\n').FirstOrDefault(line => line.StartsWith("error ", StringComparison.Ordinal)) ?? string.Empty;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exit {i} {code} {firstLine.ReplaceLineEndings(" ")}"));
            stdout.Flush();
            if (Directory.Exists(folders[i] + ".out"))
            {
                Directory.Delete(folders[i] + ".out", recursive: true);
            }
        }

        return 0;
    }
}
