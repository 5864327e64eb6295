using System.CommandLine;
using System.Globalization;
using System.Net;
using ParkGis.Cli.Localization;
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
            Description = Text.Get("ServeSourceArgument"),
        };
        var host = new Option<string>("--host")
        {
            Description = Text.Get("HostOption"),
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "ADDRESS",
        };
        host.Validators.Add(result =>
        {
            if (ParseHost(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError(Text.Get("HostInvalid"));
            }
        });
        var port = new Option<int>("--port")
        {
            Description = Text.Get("PortOption"),
            DefaultValueFactory = _ => 8080,
            HelpName = "N",
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError(Text.Get("PortInvalid"));
            }
        });
        var asOf = AsOfOption.BuildOptional(
            Text.Get("ServeAsOfOption"));
        var fix = CommonOptions.FixOption();
        var command = new Command(
            "serve",
            Text.Get("ServeCommand"))
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
            run.Stderr.WriteLine(Text.Get("ServeStopped"));
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
            throw new UnusableInputException(ErrorCodes.CannotListen, Text.Format("ServeCannotListen", shown, e.Message), shown,
                hint: Text.Get("ServeCannotListenHint"));
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

        stdout.WriteLine(Text.Format("ServeTitle", source.Description));
        stdout.WriteLine(Text.Format("ServeAddress", root));
        stdout.WriteLine(Text.Format("ServeCollections", root, content.Collections.Count));
        stdout.WriteLine(content.Tiles is { } tiles
            ? Text.Format("ServeTiles", root, tiles.FileName, tiles.MinZoom, tiles.MaxZoom, root)
            : Text.Get("ServeNoTiles"));
        stdout.WriteLine(Text.Format("ServeMap", root));
        stdout.WriteLine(content.ReportFile is null ? Text.Get("ServeNoReport") : Text.Format("ServeReport", root));
        foreach (var skipped in content.Skipped)
        {
            stdout.WriteLine(Text.Format("ServeSkipped", skipped));
        }

        if (!IPAddress.IsLoopback(listening))
        {
            stdout.WriteLine(Text.Format("ServePublic", listening));
        }

        stdout.WriteLine(Text.Get("ServeStopHint"));
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
                return new ServedSource(path, Text.Format("ServeSourceOutput", path), null, null);
            }

            // What export publishes, asked of the assessment the same way.
            var assessment = run.Assess(path, fix);
            var results = assessment.Publication(asOf);
            var layers = PublishedLayers.From(assessment.Dataset, results);
            var temporary = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"parkgis-serve-{Environment.ProcessId}-{Guid.NewGuid():N}"));
            if (!PgDatasetName.IsDatabase(path) && IsUnder(temporary, path))
            {
                throw new UnusableInputException(ErrorCodes.OutputInsideInput,
                    Text.Format("ServeTempInsideDataset", temporary, path), path,
                    hint: Text.Get("ServeTempInsideDatasetHint"));
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
            var source = new ServedSource(temporary, Text.Format("ServeSourceDataset", path, temporary), temporary, layers.ToDictionary(l => l.Name, l => l.Title, StringComparer.Ordinal));
            try
            {
                var tiles = TileOptions.Default with { Formats = TileArchiveFormats.PmTiles };
                WebExport.Write(layers, ExportOptions.Default with { Tiles = tiles }, temporary, run.Progress, run.Cancellation);
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
                throw new UnusableInputException(ErrorCodes.DatasetNotFound, Text.Format("ServeFolderUnreadable", Folder, e.Message), Folder, hint: Text.Get("ServeFolderUnreadableHint"));
            }

            ServedContent content;
            try
            {
                content = ServedContent.Load(folder, _titles);
            }
            catch (InvalidDataException e)
            {
                throw new UnusableInputException(ErrorCodes.UnreadableInput, e.Message, Folder, hint: Text.Get("ServeTilesUnreadableHint"));
            }

            if (content.Collections.Count == 0 && content.Tiles is null && content.ReportFile is null)
            {
                content.Dispose();
                throw new UnusableInputException(ErrorCodes.NothingToServe,
                    Text.Format("ServeNothing", Folder), Folder,
                    hint: Text.Get("ServeNothingHint"));
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
