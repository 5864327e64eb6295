using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParkGis.Cli.Tests.Serve;

/// <summary><c>parkgis serve</c> as a command: a real process on a free port of 127.0.0.1, stopped with Ctrl-C (SIGINT).</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serving_a_dataset_exports_it_to_a_temporary_folder_serves_it_and_ctrl_c_stops_with_130_leaving_the_dataset_untouched()
    {
        var dataset = SampleCopy.Make();
        var before = FolderSnapshot.Of(dataset);

        var run = await ServeUntilInterrupted(["serve", dataset, "--port", "0", "--as-of", "2026-06-30"], async address =>
        {
            using var http = new HttpClient { BaseAddress = address };
            using var collections = JsonDocument.Parse(await http.GetStringAsync("/collections"));
            var ids = collections.RootElement.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
            Assert.Contains("parks", ids);
            Assert.Contains("conflicts", ids);
            Assert.Contains("idle", ids);
            Assert.Equal("园区", collections.RootElement.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "parks").GetProperty("title").GetString());
            using var tile = await http.GetAsync("/tiles.json");
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        });

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Contains("服务已停止", run.Stderr, StringComparison.Ordinal);
        var temporary = TemporaryFolder().Match(run.Stdout);
        Assert.True(temporary.Success, run.Stdout);
        Assert.False(Directory.Exists(temporary.Groups[1].Value), $"{temporary.Groups[1].Value} is left behind");
        Assert.Equal(FolderSnapshot.Describe(before), FolderSnapshot.Describe(FolderSnapshot.Of(dataset)));
    }

    [Fact]
    public async Task Serving_an_export_folder_changes_nothing_in_it_and_escapes_a_hostile_file_name_on_the_terminal()
    {
        var output = RepositoryPaths.NewTempFolder();
        var export = CliRun.Of("export", RepositoryPaths.OrdosSample, "--out", output, "--tiles", "--tile-format", "mbtiles", "--max-zoom", "12", "--overwrite");
        Assert.True(export.ExitCode == 1, export.ToString());
        File.WriteAllText(Path.Combine(output, "园区\u001b[2J.geojson"), "{}");
        var before = FolderSnapshot.Of(output);

        var run = await ServeUntilInterrupted(["serve", output, "--port", "0"], async address =>
        {
            using var http = new HttpClient { BaseAddress = address };
            Assert.Contains("\"numberMatched\":8", await http.GetStringAsync("/collections/parks/items"), StringComparison.Ordinal);
            using var tile = await http.GetAsync("/tiles.json");
            Assert.Contains("tiles.mbtiles", await tile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        });

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Contains("园区\\u001B[2J.geojson", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(FolderSnapshot.Describe(before), FolderSnapshot.Describe(FolderSnapshot.Of(output)));
    }

    [Fact]
    public void A_port_already_in_use_is_pg0420_exit_3()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var output = Directory.CreateDirectory(RepositoryPaths.NewTempFolder()).FullName;
        File.WriteAllText(Path.Combine(output, "parks.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        File.WriteAllText(Path.Combine(output, ".parkgis-manifest.json"), "{}");

        var run = CliRun.Of("serve", output, "--port", port.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0420", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_folder_with_nothing_to_serve_is_pg0421_exit_3()
    {
        var output = Directory.CreateDirectory(RepositoryPaths.NewTempFolder()).FullName;
        File.WriteAllText(Path.Combine(output, ".parkgis-manifest.json"), "{}");
        File.WriteAllText(Path.Combine(output, "check.json"), "{}");

        var run = CliRun.Of("serve", output, "--port", "0");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0421", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_a_tiles_pmtiles_that_is_not_pmtiles_is_pg0104_told_in_Chinese_by_default()
    {
        var output = Directory.CreateDirectory(RepositoryPaths.NewTempFolder()).FullName;
        File.WriteAllText(Path.Combine(output, ".parkgis-manifest.json"), "{}");
        File.WriteAllText(Path.Combine(output, "tiles.pmtiles"), new string('x', 200));

        var run = CliRun.Of("serve", output, "--port", "0");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("error PG0104", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  详情: 不是 PMTiles 档案（没有 PMTiles 魔数）。", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Not a PMTiles archive", run.Stderr, StringComparison.Ordinal); // the whole detail was English
    }

    [Fact]
    public void Attack_geojson_files_serve_cannot_publish_are_named_with_their_reason_in_Chinese_by_default()
    {
        var output = Directory.CreateDirectory(RepositoryPaths.NewTempFolder()).FullName;
        File.WriteAllText(Path.Combine(output, "broken.geojson"), "{ not json");
        File.WriteAllText(Path.Combine(output, "list.geojson"), """{ "type": "FeatureCollection", "features": [1] }""");
        File.WriteAllText(Path.Combine(output, "point.geojson"), """{ "type": "Feature" }""");
        File.WriteAllText(Path.Combine(output, "gcj.geojson"), """{ "type": "FeatureCollection", "coordinate_frame": "GCJ-02", "features": [] }""");
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            using var content = ParkGis.Serve.ServedContent.Load(ParkGis.Serve.ServedFolder.Open(output));

            var skipped = string.Join('\n', content.Skipped);
            Assert.Contains("broken.geojson：不是 GeoJSON 要素集合（broken.geojson 不是 JSON：", skipped, StringComparison.Ordinal); // then System.Text.Json's own words
            Assert.Contains("list.geojson：不是 GeoJSON 要素集合（list.geojson：第 1 个要素不是对象。）", skipped, StringComparison.Ordinal);
            Assert.Contains("point.geojson：不是 GeoJSON 要素集合（point.geojson 不是 GeoJSON 要素集合。）", skipped, StringComparison.Ordinal);
            Assert.Contains("gcj.geojson：坐标为 GCJ-02，不是 OGC API 要求的 WGS84 经纬度", skipped, StringComparison.Ordinal);
            Assert.DoesNotContain("is not", skipped, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("--host", "example.com")]
    [InlineData("--host", "127.0.0.1; rm -rf /")]
    [InlineData("--port", "65536")]
    [InlineData("--port", "-1")]
    public void A_host_that_is_not_an_address_or_a_port_out_of_range_is_a_usage_error(string option, string value)
    {
        var run = CliRun.Of("serve", RepositoryPaths.OrdosSample, option, value);
        Assert.True(run.ExitCode == 2, run.ToString());
    }

    /// <summary>Starts <c>parkgis serve</c>, waits for its address on stdout, runs <paramref name="use"/>, then sends SIGINT.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> ServeUntilInterrupted(string[] args, Func<Uri, Task> use)
    {
        using var process = Process.Start(ParkGisProcess.StartInfo(args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        Uri? address = null;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                stdout.AppendLine(line);
                if (address is null && Address().Match(line) is { Success: true } match)
                {
                    address = new Uri(match.Groups[1].Value);
                }

                if (line.StartsWith("按 Ctrl-C 停止", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        try
        {
            Assert.True(address is not null && address.Host == "127.0.0.1", $"no 127.0.0.1 address on stdout:\n{stdout}\n{(process.HasExited ? await stderr : string.Empty)}");
            await use(address);
        }
        finally
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
        }

        // Wait for the process, not for the end of its pipes: a process started by a test running beside this one may
        // hold a copy of them for a while, and that is not the server failing to stop.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        stdout.Append(await Rest(process.StandardOutput.ReadToEndAsync()));
        return (process.ExitCode, stdout.ToString(), await Rest(stderr));
    }

    private static async Task<string> Rest(Task<string> read) =>
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))) == read ? await read : "(the pipe stayed open)";

    [GeneratedRegex(@"地址：(http://[0-9.]+:[0-9]+/)")]
    private static partial Regex Address();

    [GeneratedRegex(@"临时文件夹 (\S+?parkgis-serve-[0-9a-f-]+)")]
    private static partial Regex TemporaryFolder();
}
