using System.Diagnostics;
using System.Net;
using ParkGis.Serve;

namespace ParkGis.Cli.Tests.Serve;

/// <summary>
/// Requests for anything outside the served folder are refused, whatever the spelling: <c>..</c>, percent-encoded
/// dots and slashes, backslashes, absolute paths, absolute-form request targets, NUL, hidden files, symbolic links
/// to files and folders outside, and a named pipe. Each request goes over a raw socket so the target reaches the
/// server exactly as an attacker writes it; the secret beside the folder must never appear in an answer.
/// </summary>
public sealed class ServePathTraversalTests : IAsyncLifetime
{
    private const string Secret = "SECRET-parkgis-outside-the-served-folder";
    private readonly string _root = RepositoryPaths.NewTempFolder();
    private ServedContent _content = null!;
    private ParkGisServer _server = null!;

    private string Served => Path.Combine(_root, "served");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Served);
        Directory.CreateDirectory(Path.Combine(_root, "outside"));
        Directory.CreateDirectory(Path.Combine(Served, "sub"));
        File.WriteAllText(Path.Combine(_root, "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(_root, "outside", "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Served, "report.html"), "<!DOCTYPE html><title>报告</title><p>inside</p>");
        File.WriteAllText(Path.Combine(Served, "sub", "note.txt"), "inside note");
        File.WriteAllText(Path.Combine(Served, ".parkgis-manifest.json"), "{\"hidden\":\"" + Secret + "\"}");
        File.WriteAllText(Path.Combine(Served, "parks.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"园区\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[109.5,39.5]}}]}");
        File.CreateSymbolicLink(Path.Combine(Served, "link-to-secret.txt"), Path.Combine(_root, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(Served, "relative-link.txt"), "../secret.txt");
        File.CreateSymbolicLink(Path.Combine(Served, "etc-passwd"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(Served, "outside-folder"), Path.Combine(_root, "outside"));
        File.CreateSymbolicLink(Path.Combine(Served, "inside-link.html"), "report.html");
        // Two named pipes: one a request names, one that loading the collections meets (neither may block).
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(Served, "pipe.geojson.txt"), Path.Combine(Served, "fifo.geojson")])!)
        {
            mkfifo.WaitForExit();
        }

        _content = await Task.Run(() => ServedContent.Load(ServedFolder.Open(Served))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(_content.Skipped, s => s.StartsWith("fifo.geojson", StringComparison.Ordinal));
        _server = await ParkGisServer.StartAsync(_content, IPAddress.Loopback, 0);
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync(TimeSpan.FromSeconds(1));
        await _server.DisposeAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task Files_inside_the_folder_are_served_including_through_a_symlink_that_stays_inside()
    {
        Assert.Contains("inside", (await RawHttp.Get(_server.Address, "/files/report.html")).Text, StringComparison.Ordinal);
        Assert.Contains("inside note", (await RawHttp.Get(_server.Address, "/files/sub/note.txt")).Text, StringComparison.Ordinal);
        var linked = await RawHttp.Get(_server.Address, "/files/inside-link.html");
        Assert.True(linked.Status == 200 && linked.Text.Contains("inside", StringComparison.Ordinal), linked.Text);
        var report = await RawHttp.Get(_server.Address, "/report");
        Assert.True(report.Status == 302 && report.Text.Contains("Location: /files/report.html", StringComparison.Ordinal), report.Text);
    }

    [Theory]
    [InlineData("/files/../secret.txt")]
    [InlineData("/files/../../../../../../etc/passwd")]
    [InlineData("/files/sub/../../secret.txt")]
    [InlineData("/../secret.txt")]
    [InlineData("/files/./../secret.txt")]
    public async Task Dot_dot_segments_are_refused(string target) => await AssertRefused(target);

    [Theory]
    [InlineData("/files/%2e%2e/secret.txt")]
    [InlineData("/files/%2E%2E/%2E%2E/etc/passwd")]
    [InlineData("/files/.%2e/secret.txt")]
    [InlineData("/files/%252e%252e/secret.txt")]
    [InlineData("/files/sub/%2e%2e/%2e%2e/secret.txt")]
    public async Task Percent_encoded_dot_dot_is_refused(string target) => await AssertRefused(target);

    [Theory]
    [InlineData("/files/..%2fsecret.txt")]
    [InlineData("/files/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/files/sub%2f..%2f..%2fsecret.txt")]
    public async Task Percent_encoded_slashes_are_refused(string target) => await AssertRefused(target);

    [Theory]
    [InlineData("/files/..\\secret.txt")]
    [InlineData("/files/..%5csecret.txt")]
    [InlineData("/files/sub\\..\\..\\secret.txt")]
    public async Task Backslash_separators_are_refused(string target) => await AssertRefused(target);

    [Theory]
    [InlineData("/files//etc/passwd")]
    [InlineData("/files/%2fetc%2fpasswd")]
    [InlineData("/files/%2Ftmp")]
    [InlineData("//etc/passwd")]
    [InlineData("http://127.0.0.1/../secret.txt")]
    [InlineData("/files/C:/Windows/win.ini")]
    public async Task Absolute_paths_are_refused(string target) => await AssertRefused(target);

    [Theory]
    [InlineData("/files/link-to-secret.txt")]
    [InlineData("/files/relative-link.txt")]
    [InlineData("/files/etc-passwd")]
    [InlineData("/files/outside-folder/secret.txt")]
    public async Task Symlinks_out_of_the_folder_are_refused(string target) => await AssertRefused(target);

    [Fact]
    public async Task A_symlink_swapped_in_after_start_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(Served, "late-link.txt"), Path.Combine(_root, "secret.txt"));
        await AssertRefused("/files/late-link.txt");
    }

    [Theory]
    [InlineData("/files/.parkgis-manifest.json")]
    [InlineData("/files/%2eparkgis-manifest.json")]
    [InlineData("/files/report.html%00.txt")]
    [InlineData("/files/sub")]
    [InlineData("/files/")]
    public async Task Hidden_files_nul_bytes_and_folders_are_refused(string target) => await AssertRefused(target);

    [Fact]
    public async Task A_named_pipe_in_the_folder_is_refused_at_once_instead_of_blocking_the_server()
    {
        var timer = Stopwatch.StartNew();
        var (status, _) = await RawHttp.Get(_server.Address, "/files/pipe.geojson.txt").WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(status is 403 or 404, $"status {status}");
        Assert.Contains("inside", (await RawHttp.Get(_server.Address, "/files/report.html")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/collections/..%2f..%2fsecret/items")]
    [InlineData("/collections/../secret.txt")]
    [InlineData("/assets/..%2f..%2fsecret.txt")]
    [InlineData("/assets/../files/../secret.txt")]
    [InlineData("/tiles/..%2f..%2f/0/0.pbf")]
    public async Task Traversal_through_the_api_routes_is_refused(string target) => await AssertRefused(target);

    [Fact]
    public void File_names_are_checked_segment_by_segment_before_anything_is_opened()
    {
        Assert.Null(ServedFolder.CheckName("sub/note.txt"));
        foreach (var bad in new[] { "..", "../x", "a/../b", "/etc/passwd", "a//b", ".hidden", "a\\b", "C:x", "a%2fb", "a\u0000b", "" })
        {
            Assert.NotNull(ServedFolder.CheckName(bad));
        }
    }

    private async Task AssertRefused(string target)
    {
        var (status, text) = await RawHttp.Get(_server.Address, target);
        Assert.True(status is 400 or 403 or 404, $"{target}: status {status}\n{text}");
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:0:0", text, StringComparison.Ordinal);
    }
}
