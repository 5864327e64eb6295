using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ParkGis.Cli.Tests;

/// <summary>
/// A real <c>parkgis</c> process sent SIGINT or SIGTERM at several stages of a run stops promptly, exits 130 / 143,
/// and leaves nothing behind: no output folder, no staging folder beside it.
/// </summary>
public sealed class CancellationTests : IClassFixture<CancellationTests.LargeDataset>
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private readonly LargeDataset _data;

    public CancellationTests(LargeDataset data) => _data = data;

    [Theory]
    [InlineData("check", "", SigInt)] // while starting up and reading
    [InlineData("check", "read parcels", SigTerm)]
    [InlineData("check", "screening parcels", SigInt)]
    [InlineData("check", "checking 30000 parcels", SigTerm)] // the first line of the stage: it lasts about a second
    [InlineData("idle", "placing parcels in parks", SigInt)]
    [InlineData("idle", "writing results", SigTerm)] // idle.json and the layer (GeoJSON and GeoPackage) are written at the same time
    [InlineData("scorecard", "measuring 九通一平", SigTerm)]
    [InlineData("export", "checking parcels", SigInt)]
    public async Task A_signal_stops_the_run_at_any_stage_and_leaves_nothing_behind(string command, string stage, int signal)
    {
        var parent = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(parent);
        var output = Path.Combine(parent, "out");
        string[] args = command switch
        {
            // GeoPackage too while idle.json is written: GeoJSON alone is written faster than a loaded machine delivers the signal.
            "idle" when stage == "writing results" => ["idle", _data.Folder, "--as-of", "2026-06-30", "--format", "gpkg", "--out", output],
            "idle" => ["idle", _data.Folder, "--as-of", "2026-06-30", "--out", output],
            "scorecard" => ["scorecard", _data.Folder, "--year", "2025", "--out", output],
            _ => [command, _data.Folder, "--out", output],
        };

        // The stages are matched by their English progress lines, whatever the machine's locale.
        var (exit, stderr, sinceSignal) = await RunAndSignal([.. args, "--lang", "en"], stage, signal);

        Assert.True(exit == (signal == SigInt ? 130 : 143), $"exit {exit} after the signal at '{stage}'\n{stderr}");
        if (stage.Length > 0 || stderr.Length > 0)
        {
            // A signal that arrives before the runtime has installed the handlers ends the process by the default
            // action (same exit code, no message); nothing was begun then.
            Assert.Contains("cancelled; nothing was written", stderr, StringComparison.Ordinal); // the run is in English (--lang en)
        }

        Assert.False(Directory.Exists(output), $"{output} was left behind\n{stderr}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
        Assert.True(sinceSignal < TimeSpan.FromSeconds(10), $"took {sinceSignal.TotalSeconds:0.0} s to stop after the signal\n{stderr}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>
    /// Starts parkgis, sends <paramref name="signal"/> when a stderr line contains <paramref name="stage"/> (at once for ""), waits for the exit.
    /// stderr is read by a thread of its own: a read through the thread pool (<c>BeginErrorReadLine</c>) was seen to deliver
    /// every line only after the process had ended in 2 runs of 6 (a parkgis run here lasts about a second), so the signal came too late.
    /// </summary>
    private static async Task<(int Exit, string Stderr, TimeSpan SinceSignal)> RunAndSignal(string[] args, string stage, int signal)
    {
        using var process = Process.Start(ParkGisProcess.StartInfo(args))!;
        var stderr = new StringBuilder();
        var signalled = new TaskCompletionSource<Stopwatch>();
        void Signal()
        {
            if (!signalled.Task.IsCompleted && !process.HasExited && kill(process.Id, signal) == 0)
            {
                signalled.TrySetResult(Stopwatch.StartNew());
            }
        }

        var reader = new Thread(() =>
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }

                if (stage.Length > 0 && line.Contains(stage, StringComparison.Ordinal))
                {
                    Signal();
                }
            }
        })
        {
            IsBackground = true,
            Name = "parkgis stderr",
        };
        reader.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (stage.Length == 0)
        {
            await Task.Delay(300);
            Signal();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        reader.Join();
        var since = signalled.Task.IsCompleted ? (await signalled.Task).Elapsed : TimeSpan.MaxValue;
        lock (stderr)
        {
            return (process.ExitCode, stderr.ToString(), since);
        }
    }

    /// <summary>
    /// A dataset big enough for each stage to last a while (EPSG:4545): one park, a red-line
    /// polygon, farmland patches, an urban boundary and 30 000 parcels, some supplied, with an economics table.
    /// </summary>
    public sealed class LargeDataset : IDisposable
    {
        public LargeDataset()
        {
            Folder = RepositoryPaths.NewTempFolder();
            Directory.CreateDirectory(Folder);
            const double X = 500_000, Y = 4_400_000;
            Write("parks", [Feature("park_id", "P01", "name", "大园区", Square(X, Y, 9_000))]);
            Write("urban_boundary", [Feature("id", "U1", "name", "城镇", Square(X - 100, Y - 100, 8_000))]);
            Write("ecological_redline", [Feature("id", "R1", "name", "红线", Square(X + 4_000, Y + 4_000, 2_000))]);
            Write("permanent_farmland", Enumerable.Range(0, 200).Select(i => Feature("id", $"F{i}", "name", "农田", Square(X + (i % 20 * 400), Y + 8_200 + (i / 20 * 60), 50))).ToList());
            var parcels = new List<string>();
            var economics = new StringBuilder("parcel_id,year,output_wan,tax_wan\n");
            for (var i = 0; i < 30_000; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"L{i:00000}");
                var supplied = i % 3 == 0 ? "2020-01-01" : string.Empty;
                parcels.Add(Feature("parcel_id", id, "supplied_on", supplied, Square(X + (i % 170 * 50), Y + (i / 170 * 50), 48), ("agreed_start", "2020-06-01")));
                economics.Append(CultureInfo.InvariantCulture, $"{id},2025,{100 + (i % 50)},{5 + (i % 7)}\n");
            }

            Write("parcels", parcels);
            File.WriteAllText(Path.Combine(Folder, "economics.csv"), economics.ToString());
        }

        public string Folder { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        private static string Square(double x, double y, double size) =>
            string.Create(CultureInfo.InvariantCulture, $"[[[{x},{y}],[{x + size},{y}],[{x + size},{y + size}],[{x},{y + size}],[{x},{y}]]]");

        private static string Feature(string idField, string id, string field, string value, string ring, params (string Name, string Value)[] more)
        {
            var properties = new StringBuilder($"\"{idField}\":\"{id}\",\"{field}\":\"{value}\"");
            foreach (var (name, text) in more)
            {
                properties.Append(CultureInfo.InvariantCulture, $",\"{name}\":\"{text}\"");
            }

            return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring + "}}";
        }

        private void Write(string role, List<string> features) =>
            File.WriteAllText(
                Path.Combine(Folder, role + ".geojson"),
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},\"features\":[\n"
                + string.Join(",\n", features) + "]}");
    }
}
