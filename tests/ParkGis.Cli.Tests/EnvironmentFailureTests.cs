using System.Diagnostics;
using System.Text;

namespace ParkGis.Cli.Tests;

/// <summary>
/// Attacks from the environment rather than the input — the staging folder deleted or replaced while results are written,
/// stdout on a full disk or a pipe whose reader has gone, stderr that cannot be written, an input that cannot be read
/// when it is needed: each is a defined exit code with one message, never exit 4 or an abort, and nothing is left in
/// the output folder.
/// </summary>
public sealed class EnvironmentFailureTests
{
    /// <summary>A writer that runs an action once, when the text written so far first contains a trigger.</summary>
    private sealed class TriggerWriter(string trigger, Action action) : TextWriter
    {
        private readonly StringBuilder _text = new();
        private bool _fired;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Append(value.ToString());

        public override void Write(string? value) => Append(value ?? string.Empty);

        public override string ToString() => _text.ToString();

        private void Append(string value)
        {
            _text.Append(value);
            if (!_fired && _text.ToString().Contains(trigger, StringComparison.Ordinal))
            {
                _fired = true;
                action();
            }
        }
    }

    /// <summary>A writer whose every write fails as a full disk does.</summary>
    private sealed class FullDiskWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }

    /// <summary>A writer that fails as a full disk does from the write that completes <paramref name="text"/> on.</summary>
    private sealed class FullDiskFromWriter(string text) : TextWriter
    {
        private readonly StringBuilder _written = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            _written.Append(value);
            if (_written.ToString().Contains(text, StringComparison.Ordinal))
            {
                throw new IOException("No space left on device");
            }
        }

        public override string ToString() => _written.ToString();
    }

    private static CliRun Run(TextWriter stdout, TextWriter stderr, params string[] args)
    {
        var code = ParkGisApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString() ?? string.Empty, stderr.ToString() ?? string.Empty);
    }

    private static string StagingIn(string parent) => Assert.Single(Directory.GetDirectories(parent, ".out.parkgis-*"));

    [Theory]
    [InlineData("check", "deleted")]
    [InlineData("check", "file")]
    [InlineData("check", "parent")]
    [InlineData("idle", "deleted")]
    [InlineData("supply", "file")]
    public void Staging_folder_deleted_or_replaced_while_results_are_written_is_PG0402_naming_the_folder_not_exit_4(string command, string attack)
    {
        // Attack: while "正在写出结果" is printed, the hidden staging folder beside --out is deleted, replaced by a file, or
        // goes with the --out parent (was: exit 4, DirectoryNotFoundException).
        var parent = RepositoryPaths.NewTempFolder();
        Directory.CreateDirectory(parent);
        var output = Path.Combine(parent, "out");
        var intruder = string.Empty;
        var stderr = new TriggerWriter("正在写出结果", () =>
        {
            var staging = StagingIn(parent);
            Directory.Delete(staging, recursive: true);
            switch (attack)
            {
                case "file":
                    File.WriteAllText(staging, "not ParkGis's");
                    intruder = staging;
                    break;
                case "parent":
                    Directory.Delete(parent, recursive: true);
                    break;
            }
        });
        string[] options = command == "check" ? [] : ["--as-of", "2026-06-30"];

        var run = Run(new StringWriter(), stderr, [command, RepositoryPaths.OrdosSample, "--out", output, .. options]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0402:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(output, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("提示:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("PG0999", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(Directory.Exists(output), run.ToString());
        if (attack == "file")
        {
            // The file put in its place is not ParkGis's: it stays, and it is all there is.
            Assert.Equal([intruder], Directory.GetFileSystemEntries(parent));
            Assert.Equal("not ParkGis's", File.ReadAllText(intruder));
        }
        else if (attack == "deleted")
        {
            Assert.Empty(Directory.GetFileSystemEntries(parent));
        }
    }

    [Fact]
    public void Stdout_that_cannot_be_written_is_PG0404_and_the_output_folder_is_not_written()
    {
        // Attack: check's printed results go to a full disk (was: the files committed, then PG0402 about --out).
        var parent = RepositoryPaths.NewTempFolder();
        var output = Path.Combine(parent, "out");

        var run = Run(new FullDiskWriter(), new StringWriter(), "check", RepositoryPaths.OrdosSample, "--out", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0404:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("No space left on device", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), run.ToString());
        Assert.True(!Directory.Exists(parent) || Directory.GetFileSystemEntries(parent).Length == 0, run.ToString());
    }

    [Theory]
    [InlineData("check", "鄂托克经济开发区")]
    [InlineData("check", "结果已写入")]
    [InlineData("idle", "结果已写入")]
    [InlineData("report", "报告已写入")]
    public void Stdout_failing_at_the_tables_or_at_the_line_naming_the_files_leaves_the_output_folder_as_it_was(string command, string failsAt)
    {
        // Attack: the disk of stdout fills while the tables are printed, or at the line naming the files, printed once
        // they are in place (was: the files stayed, the run ended with PG0402 about --out).
        var parent = RepositoryPaths.NewTempFolder();
        var output = Path.Combine(parent, "out");
        string[] options = command == "check" ? [] : ["--as-of", "2026-06-30"];

        var run = Run(new FullDiskFromWriter(failsAt), new StringWriter(), [command, RepositoryPaths.OrdosSample, "--out", output, .. options]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0404:", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), run.ToString());
        Assert.True(!Directory.Exists(parent) || Directory.GetFileSystemEntries(parent).Length == 0, run.ToString());
    }

    [Fact]
    public void Stderr_that_cannot_be_written_falls_silent_and_the_run_ends_as_it_would()
    {
        // Attack: 2>/dev/full (was: the first progress line failed the run).
        var output = Path.Combine(RepositoryPaths.NewTempFolder(), "out");
        var stdout = new StringWriter();

        var code = ParkGisApp.Run(["check", RepositoryPaths.OrdosSample, "--out", output], stdout, new FullDiskWriter());

        Assert.True(code == 1, $"exit {code}\n{stdout}");
        Assert.True(File.Exists(Path.Combine(output, "check.json")), stdout.ToString());
        Assert.Contains("鄂托克经济开发区", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_to_dev_full_is_exit_3_with_one_message_not_an_abort()
    {
        // Attack: parkgis info DATA --format json > /dev/full (was: PG0402, then an unhandled exception, exit 134).
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" info \"$1\" --format json > /dev/full");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parkgis.dll"));
        start.ArgumentList.Add(RepositoryPaths.OrdosSample);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errors = await stderr;

        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}\n{errors}");
        Assert.Contains("error PG0404:", errors, StringComparison.Ordinal);
        Assert.Contains("磁盘已满：", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdout_whose_reader_has_gone_is_exit_3_PG0404_and_nothing_is_written()
    {
        // Attack: parkgis check … | head with head gone before the first line (was: the broken pipe ignored, exit 1,
        // the files written as if the results had been read).
        var output = Path.Combine(RepositoryPaths.NewTempFolder(), "out");
        using var process = Process.Start(ParkGisProcess.StartInfo(["check", RepositoryPaths.OrdosSample, "--out", output]))!;
        process.StandardOutput.Close();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}\n{errors}");
        Assert.Contains("error PG0404:", errors, StringComparison.Ordinal);
        Assert.Contains("管道的读取端已经退出：Broken pipe", errors, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(output), errors);
    }

    [Fact]
    public async Task Closed_stdout_is_PG0404_named_as_closed_not_as_access_denied()
    {
        // Attack: parkgis check … >&- (was: PG0404 with .NET's "Access to the path is denied.", naming no path).
        var parent = RepositoryPaths.NewTempFolder();
        var output = Path.Combine(parent, "out");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" check \"$1\" --out \"$2\" >&-");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parkgis.dll"));
        start.ArgumentList.Add(RepositoryPaths.OrdosSample);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}\n{errors}");
        Assert.Contains("error PG0404:", errors, StringComparison.Ordinal);
        Assert.Contains("标准输出已关闭", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Access to the path", errors, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(parent) || Directory.GetFileSystemEntries(parent).Length == 0, errors);
    }

    [Fact]
    public void An_economics_table_that_cannot_be_read_when_needed_is_PG0104_not_exit_4()
    {
        // Attack: economics.csv of 3 GB (sparse), found when the dataset is listed but unreadable when intensity reads
        // it — as a file deleted in between would be (was: exit 4, IOException "The file is too long").
        var data = SampleCopy.Make(name => name == "economics.csv");
        using (var file = File.Create(Path.Combine(data, "economics.csv")))
        {
            file.SetLength(3L << 30);
        }

        var output = Path.Combine(RepositoryPaths.NewTempFolder(), "out");
        var run = CliRun.Of("intensity", data, "--out", output, "--year", "2025");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0104:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("economics.csv", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), run.ToString());
    }
}
