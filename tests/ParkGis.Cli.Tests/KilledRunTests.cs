using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Real <c>parkgis</c> processes killed during <c>export</c>: afterwards --out holds exactly the complete old or the
/// complete new set of files, and the next run into the same parent folder recovers (no half-commit, no staging
/// folder left behind).
/// </summary>
public sealed class KilledRunTests(ITestOutputHelper output)
{
    private const int Killed = 128 + 9;
    private const int Terminated = 128 + 15;

    private static readonly string[] OldOptions = ["--precision", "6"];
    private static readonly string[] NewOptions = ["--precision", "7", "--tiles"];

    [SlowFact]
    public async Task Kill_9_at_every_step_of_an_export_commit_leaves_the_complete_old_or_new_set_and_the_next_run_recovers()
    {
        var sets = new ReferenceSets(Dataset());
        foreach (var withUserFile in new[] { false, true })
        {
            // Only ParkGis results in --out: the commit swaps the folder whole. A file of the user's in it too (--overwrite):
            // the results are renamed one by one, and the user's file is never touched.
            var parent = RepositoryPaths.NewTempFolder();
            var outFolder = Path.Combine(parent, "web");
            string[] extra = withUserFile ? ["--overwrite"] : [];
            var steps = 0;
            for (var point = 0; ; point++)
            {
                sets.Reset(outFolder, withUserFile);
                var run = await Parkgis(sets.Arguments(outFolder, NewOptions, extra), ("PARKGIS_TEST_KILL_AFTER_RENAMES", point.ToString(CultureInfo.InvariantCulture)));
                if (run.ExitCode != Killed)
                {
                    // Past the last step: the run completed.
                    Assert.True(run.ExitCode == 1, run.ToString());
                    Assert.Equal(sets.New(withUserFile), Snapshot(outFolder));
                    break;
                }

                steps++;
                var afterKill = Snapshot(outFolder);
                if (!withUserFile)
                {
                    Assert.True(afterKill == sets.Old(false) || afterKill == sets.New(false), $"killed after {point} steps, --out is neither set:\n{afterKill}");
                }

                Recover(parent);
                Assert.True(Snapshot(outFolder) == sets.Old(withUserFile), $"killed after {point} steps and recovered, --out is not the old set:\n{Snapshot(outFolder)}");
                Assert.Empty(FolderSnapshot.StagingFolders(outFolder));
            }

            // Killed after the commit was marked done: the new set stands.
            sets.Reset(outFolder, withUserFile);
            var late = await Parkgis(sets.Arguments(outFolder, NewOptions, extra), ("PARKGIS_TEST_KILL_AFTER_RENAMES", "committed"));
            Assert.True(late.ExitCode == Killed, late.ToString());
            Recover(parent);
            Assert.Equal(sets.New(withUserFile), Snapshot(outFolder));
            Assert.Empty(FolderSnapshot.StagingFolders(outFolder));
            output.WriteLine($"{(withUserFile ? "renames one by one" : "folder swap")}: killed at each of {steps} steps");
            Assert.True(steps >= (withUserFile ? 8 : 2), $"only {steps} kill points");
        }
    }

    [SlowFact]
    public async Task Runs_killed_after_random_delays_leave_the_complete_old_or_new_set_and_the_next_run_recovers()
    {
        var sets = new ReferenceSets(Dataset());
        var parent = RepositoryPaths.NewTempFolder();
        var outFolder = Path.Combine(parent, "web");
        sets.Reset(outFolder, withUserFile: false);
        var pause = ("PARKGIS_TEST_COMMIT_STEP_MS", "150");
        var clock = Stopwatch.StartNew();
        Assert.Equal(1, (await Parkgis(sets.Arguments(outFolder, NewOptions, []), pause)).ExitCode);
        var full = clock.Elapsed;
        var random = new Random(20260615);
        var current = sets.New(false);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 16; i++)
        {
            var toNew = current == sets.Old(false);
            var signal = i % 3 == 2 ? "TERM" : "KILL";

            // Even runs: a random moment of the whole run; odd runs: a random moment of the commit (after its journal appears).
            var delay = i % 2 == 0 ? full * (0.1 + (0.9 * random.NextDouble())) : TimeSpan.FromMilliseconds(400 * random.NextDouble());
            Func<Task> trigger = i % 2 == 0 ? () => Task.Delay(delay) : async () =>
            {
                await JournalAppears(parent);
                await Task.Delay(delay);
            };
            var run = await Parkgis(sets.Arguments(outFolder, toNew ? NewOptions : OldOptions, []), trigger, signal, pause);

            var afterKill = Snapshot(outFolder);
            var inCommit = Directory.GetDirectories(parent, ".web.parkgis-*").Any(s => File.Exists(Path.Combine(s, "journal.json")));
            Assert.True(afterKill == sets.Old(false) || afterKill == sets.New(false), $"run {i} ({signal} after {delay.TotalMilliseconds:0} ms, exit {run.ExitCode}): --out is neither set:\n{afterKill}");
            Recover(parent);
            current = Snapshot(outFolder);
            Assert.True(current == sets.Old(false) || current == sets.New(false), $"run {i}: after recovery --out is neither set:\n{current}");
            Assert.Empty(FolderSnapshot.StagingFolders(outFolder));
            var outcome = $"{(i % 2 == 0 ? "during the run" : "during the commit")} {signal} exit {run.ExitCode}{(inCommit ? " journal left" : string.Empty)}";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(string.Join("; ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
    }

    [SlowFact]
    public async Task Concurrent_processes_into_one_folder_never_mix_their_files()
    {
        var sets = new ReferenceSets(Dataset());
        var parent = RepositoryPaths.NewTempFolder();
        var outFolder = Path.Combine(parent, "web");
        for (var round = 0; round < 3; round++)
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Parkgis(sets.Arguments(outFolder, i % 2 == 0 ? OldOptions : NewOptions, []))));

            Assert.All(runs, r => Assert.True(r.ExitCode == 1, r.ToString()));
            var now = Snapshot(outFolder);
            Assert.True(now == sets.Old(false) || now == sets.New(false), $"round {round}: --out mixes the runs:\n{now}");
            Assert.Empty(FolderSnapshot.StagingFolders(outFolder));
        }
    }

    private static string Dataset() => TinyDataset.Write(
        parks: TinyDataset.Square("P1", "一号园区", 500_000, 4_400_000, 100),
        urban: TinyDataset.Square("U1", "边界", 499_000, 4_399_000, 3000),
        redline: TinyDataset.Rectangle("R1", "红线", 500_050, 4_400_000, 500_150, 4_400_100));

    private static string Snapshot(string folder) => FolderSnapshot.Describe(FolderSnapshot.Of(folder));

    /// <summary>The next run into the same parent folder (in-process, into a sibling folder) recovers what the killed one left.</summary>
    private static void Recover(string parent)
    {
        var next = CliRun.Of("check", Path.Combine(parent, "no-such-dataset"), "--out", Path.Combine(parent, "next"));
        Assert.True(next.ExitCode == 3, next.ToString());
    }

    private static Task<ProcessRun> Parkgis(string[] args, params (string Name, string Value)[] environment) =>
        Parkgis(args, null, null, environment);

    /// <summary>Waits until a staging folder in <paramref name="parent"/> holds a commit journal (polling every 2 ms, at most 60 s).</summary>
    private static async Task JournalAppears(string parent)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !Directory.GetDirectories(parent, ".web.parkgis-*").Any(s => File.Exists(Path.Combine(s, "journal.json"))))
        {
            await Task.Delay(2);
        }
    }

    /// <summary>Runs parkgis as a process; when <paramref name="trigger"/> completes first, sends it SIGKILL or SIGTERM.</summary>
    private static async Task<ProcessRun> Parkgis(string[] args, Func<Task>? trigger, string? signal, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parkgis.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (trigger is not null)
        {
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, trigger()) != exited)
            {
                using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    /// <summary>The complete old and new sets of files, made by clean runs, and a way to put --out back to the old set.</summary>
    private sealed class ReferenceSets
    {
        private const string UserFile = "readme-mine.txt";
        private readonly string _dataset;
        private readonly string _old;
        private readonly string _new;

        public ReferenceSets(string dataset)
        {
            _dataset = dataset;
            _old = Make(OldOptions);
            _new = Make(NewOptions);
            Assert.NotEqual(Snapshot(_old), Snapshot(_new));
        }

        public string Old(bool withUserFile) => With(_old, withUserFile);

        public string New(bool withUserFile) => With(_new, withUserFile);

        private static string With(string folder, bool withUserFile)
        {
            var files = FolderSnapshot.Of(folder);
            if (withUserFile)
            {
                files[UserFile] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("mine"u8));
            }

            return FolderSnapshot.Describe(files);
        }

        public string[] Arguments(string outFolder, string[] options, string[] extra) => ["export", _dataset, "--out", outFolder, .. options, .. extra];

        /// <summary>Puts the old set (and the user's file) into <paramref name="outFolder"/>.</summary>
        public void Reset(string outFolder, bool withUserFile)
        {
            if (Directory.Exists(outFolder))
            {
                Directory.Delete(outFolder, recursive: true);
            }

            Directory.CreateDirectory(outFolder);
            if (withUserFile)
            {
                File.WriteAllText(Path.Combine(outFolder, UserFile), "mine");
            }

            var run = CliRun.Of([.. Arguments(outFolder, OldOptions, []), "--overwrite"]);
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal(Old(withUserFile), Snapshot(outFolder));
        }

        private string Make(string[] options)
        {
            var folder = RepositoryPaths.NewTempFolder();
            var run = CliRun.Of(["export", _dataset, "--out", folder, .. options]);
            Assert.True(run.ExitCode == 1, run.ToString());
            return folder;
        }
    }
}
