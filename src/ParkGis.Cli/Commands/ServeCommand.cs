using System.CommandLine;
using System.Globalization;
using System.Net;
using ParkGis.Core.Errors;
using ParkGis.PostGis;
using ParkGis.Serve;
using ParkGis.Web.Export;
using ParkGis.Web.Tiles;

namespace ParkGis.Cli.Commands;

/// <summary>
/// <c>parkgis serve DATASET|OUTPUT [--host ADDRESS] [--port N] [--as-of DATE] [--fix]</c>: a read-only local HTTP server
/// (本地发布服务) for the published layers (OGC API – Features), the vector tiles, a map page and the report. An
/// OUTPUT folder (one <c>export</c> wrote) is served as it is; a DATASET is exported first, through the same
/// <see cref="WebExport"/> as <c>export --tiles --tile-format pmtiles</c>, into a temporary folder outside it that is
/// removed when the server stops. Runs until Ctrl-C (exit 130) or SIGTERM (143).
/// </summary>
internal static class ServeCommand
{
    /// <summary>How long requests under way may take to finish once the server is told to stop.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var dataset = new Argument<string>("DATASET|OUTPUT")
        {
            Description = "An output folder of 'parkgis export' (it has .parkgis-manifest.json or a tile archive) to serve as it is, or a dataset folder or pg:… to export into a temporary folder and serve.",
        };
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on: 127.0.0.1 (this machine only, the default), an address of this machine, or 0.0.0.0 / :: for every network interface (an intranet).",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "ADDRESS",
        };
        host.Validators.Add(result =>
        {
            if (ParseHost(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--host must be an IP address (127.0.0.1, 0.0.0.0, ::1, 192.168.1.10 …) or localhost.");
            }
        });
        var port = new Option<int>("--port")
        {
            Description = "The TCP port; 0 takes a free port (printed on stdout).",
            DefaultValueFactory = _ => 8080,
            HelpName = "N",
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be a port number from 0 to 65535.");
            }
        });
        var asOf = AsOfOption.BuildOptional(
            "For a DATASET: as-of date (截至日期) of the supply and idle-land results published, as for export; ignored for an output folder.");
        var fix = CommonOptions.FixOption();
        var command = new Command(
            "serve",
            "Serve the published layers for a bureau intranet (本地发布服务), read-only: OGC API – Features (QGIS: 添加 WFS / OGC API – Features 图层), "
            + "XYZ vector tiles /tiles/{z}/{x}/{y}.pbf (QGIS, MapLibre), a map page /map and the report /report. Listens on 127.0.0.1 unless --host says "
            + "otherwise; stops with Ctrl-C (exit 130). Exit 2: usage error, 3: unusable input or the address cannot be used.\n\n"
            + "Examples:\n  parkgis export sample-geodata/ordos --out web --tiles && parkgis serve web\n"
            + "  parkgis serve sample-geodata/ordos --as-of 2026-06-30 --port 0\n  parkgis serve web --host 0.0.0.0 --port 8080")
        {
            dataset, host, port, asOf, fix,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var run = new CommandRun(parse, cancellation);
            var stdout = run.Stdout;
            var path = parse.GetRequiredValue(dataset);
            var address = ParseHost(parse.GetValue(host))!;
            using var source = ServedSource.Prepare(run, path, AsOfOption.OptionalValue(parse, asOf), parse.GetValue(fix));
            using var content = source.Load();
            await using var server = await Listen(content, address, parse.GetValue(port), cancellation).ConfigureAwait(false);
            WriteAddresses(stdout, source, content, server.Address, address);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await server.StopAsync(StopGrace).ConfigureAwait(false);
            run.Stderr.WriteLine("parkgis: 服务已停止");
            return ExitCodes.Interrupted;
        });
        return command;
    }

    private static async Task<ParkGisServer> Listen(ServedContent content, IPAddress address, int port, CancellationToken cancellation)
    {
        try
        {
            return await ParkGisServer.StartAsync(content, address, port, cancellation).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            var shown = new IPEndPoint(address, port).ToString();
            throw new UnusableInputException(ErrorCodes.CannotListen, $"Cannot listen on {shown}: {e.Message}", shown,
                hint: "Choose another --port (0 takes a free one), or an --host address of this machine; another program (or another parkgis serve) may hold the port.");
        }
    }

    private static IPAddress? ParseHost(string? text) =>
        string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(text ?? string.Empty, out var address) ? address : null;

    private static void WriteAddresses(TextWriter stdout, ServedSource source, ServedContent content, Uri address, IPAddress listening)
    {
        var root = address.ToString().TrimEnd('/');
        if (IPAddress.IsLoopback(listening) || listening.Equals(IPAddress.Any) || listening.Equals(IPAddress.IPv6Any))
        {
            // Kestrel names 0.0.0.0 as such; a browser on this machine reaches it through the loopback address.
            root = root.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal);
        }

        var invariant = CultureInfo.InvariantCulture;
        stdout.WriteLine($"ParkGis 园区数据服务：{source.Description}");
        stdout.WriteLine($"  地址：{root}/");
        stdout.WriteLine(string.Create(invariant, $"  要素集合（OGC API – Features）：{root}/collections（{content.Collections.Count} 个）"));
        stdout.WriteLine(content.Tiles is { } tiles
            ? string.Create(invariant, $"  矢量瓦片：{root}/tiles/{{z}}/{{x}}/{{y}}.pbf（{tiles.FileName}，z{tiles.MinZoom}–z{tiles.MaxZoom}；TileJSON {root}/tiles.json）")
            : "  矢量瓦片：无（文件夹里没有 tiles.pmtiles 或 tiles.mbtiles；用 export --tiles 生成）");
        stdout.WriteLine($"  地图：{root}/map");
        stdout.WriteLine(content.ReportFile is null ? "  报告：无" : $"  报告：{root}/report");
        foreach (var skipped in content.Skipped)
        {
            stdout.WriteLine($"  未作为要素集合发布：{skipped}");
        }

        if (!IPAddress.IsLoopback(listening))
        {
            stdout.WriteLine($"  注意：监听 {listening}，本机以外的计算机也能访问（只读）。");
        }

        stdout.WriteLine("按 Ctrl-C 停止。");
        stdout.Flush();
    }

    /// <summary>The folder served: an output folder as it is, or a temporary export of a dataset (removed on dispose).</summary>
    private sealed class ServedSource : IDisposable
    {
        private readonly string? _temporary;
        private readonly IReadOnlyDictionary<string, string>? _titles;

        private ServedSource(string folder, string description, string? temporary, IReadOnlyDictionary<string, string>? titles)
        {
            Folder = folder;
            Description = description;
            _temporary = temporary;
            _titles = titles;
            if (temporary is not null)
            {
                AppDomain.CurrentDomain.ProcessExit += RemoveTemporary;
            }
        }

        public string Folder { get; }

        public string Description { get; }

        public static ServedSource Prepare(CommandRun run, string path, DateOnly? asOf, bool fix)
        {
            if (!PgDatasetName.IsDatabase(path) && IsOutputFolder(path))
            {
                return new ServedSource(path, $"{path}（导出结果，原样发布）", null, null);
            }

            // What export publishes, asked of the assessment the same way.
            var assessment = run.Assess(path, fix);
            var results = assessment.Publication(asOf);
            var layers = PublishedLayers.From(assessment.Dataset, results);
            var temporary = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"parkgis-serve-{Environment.ProcessId}-{Guid.NewGuid():N}"));
            if (!PgDatasetName.IsDatabase(path) && IsUnder(temporary, path))
            {
                throw new UnusableInputException(ErrorCodes.OutputInsideInput,
                    $"The temporary folder {temporary} would lie inside the dataset {path}, and ParkGis never writes into an input.", path,
                    hint: "Set TMPDIR to a folder outside the dataset.");
            }

            // Readable by this user only: the export holds the bureau's data.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(temporary);
            }
            else
            {
                Directory.CreateDirectory(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var source = new ServedSource(temporary, $"{path}（数据集，已导出到临时文件夹 {temporary}，停止时删除）", temporary, layers.ToDictionary(l => l.Name, l => l.Title, StringComparer.Ordinal));
            try
            {
                var tiles = TileOptions.Default with { Formats = TileArchiveFormats.PmTiles };
                WebExport.Write(layers, ExportOptions.Default with { Tiles = tiles }, temporary, run.Progress);
                return source;
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }

        public ServedContent Load()
        {
            ServedFolder folder;
            try
            {
                folder = ServedFolder.Open(Folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UnusableInputException(ErrorCodes.DatasetNotFound, $"{Folder} cannot be served: {e.Message}", Folder, hint: "Check the path.");
            }

            ServedContent content;
            try
            {
                content = ServedContent.Load(folder, _titles);
            }
            catch (InvalidDataException e)
            {
                throw new UnusableInputException(ErrorCodes.UnreadableInput, e.Message, Folder, hint: "Export the tiles again (parkgis export --tiles).");
            }

            if (content.Collections.Count == 0 && content.Tiles is null && content.ReportFile is null)
            {
                content.Dispose();
                throw new UnusableInputException(ErrorCodes.NothingToServe,
                    $"{Folder} holds no GeoJSON layer in WGS84, no tiles.pmtiles or tiles.mbtiles and no report.", Folder,
                    hint: "Serve the folder 'parkgis export --out DIR --tiles' wrote, or the dataset folder itself.");
            }

            return content;
        }

        public void Dispose()
        {
            RemoveTemporary(null, EventArgs.Empty);
            AppDomain.CurrentDomain.ProcessExit -= RemoveTemporary;
        }

        private static bool IsOutputFolder(string path) =>
            File.Exists(Path.Combine(path, OutputManifestName)) || File.Exists(Path.Combine(path, "tiles.pmtiles")) || File.Exists(Path.Combine(path, "tiles.mbtiles"));

        private static bool IsUnder(string path, string folder)
        {
            var parent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            return Path.GetFullPath(path).StartsWith(parent, StringComparison.Ordinal);
        }

        private void RemoveTemporary(object? sender, EventArgs e)
        {
            if (_temporary is not null && Directory.Exists(_temporary))
            {
                try
                {
                    Directory.Delete(_temporary, recursive: true);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // Left for the system's temporary-file cleanup; nothing else depends on it.
                }
            }
        }

        private const string OutputManifestName = ".parkgis-manifest.json";
    }
}
