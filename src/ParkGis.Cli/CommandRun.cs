using System.CommandLine;
using NetTopologySuite.Geometries;
using ParkGis.Cli.Commands;
using ParkGis.Cli.Localization;
using ParkGis.Core.Assessment;
using ParkGis.Core.Crs;
using ParkGis.Core.Data;
using ParkGis.Core.Errors;
using ParkGis.Core.Publishing;
using ParkGis.IO.Datasets;
using ParkGis.IO.Excel;
using ParkGis.IO.Output;
using ParkGis.Web.Export;

namespace ParkGis.Cli;

/// <summary>
/// One invocation of a command: its writers, its progress lines, its cancellation, the output folders it writes and
/// the dataset it reads — the wiring every command shares, so that a command only parses options, asks the
/// assessment for results and renders them. Disposing it lets go of what its reading still holds open (the parcels'
/// snapshot of a check that stopped before its last chunk, <see cref="DatasetContent.ParcelChunks"/>; the reading's
/// no-GC region kept for the command's work, <see cref="DatasetScope.WorkInReadingRegion"/>).
/// </summary>
internal sealed class CommandRun(ParseResult parse, CancellationToken cancellation) : IDisposable
{
    private readonly List<ParcelChunks> _held = [];
    private readonly List<IDisposable> _regions = [];
    private readonly List<CommandOutput> _outputs = [];

    /// <summary>
    /// Sets <paramref name="command"/>'s action: <paramref name="action"/> with a run of its own, disposed on every path.
    /// A file-system failure of one of the run's output folders (<see cref="BeginOutput"/>) — its staging folder deleted
    /// or replaced, its disk full, its mount read-only — becomes PG0402 naming the folder (exit 3), never a defect.
    /// </summary>
    public static void SetAction(Command command, Func<ParseResult, CommandRun, int> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction((parse, cancellation) =>
        {
            using var run = new CommandRun(parse, cancellation);
            try
            {
                AsOfOption.WarnIfAfterToday(parse, run.Progress, BeijingClock.Today);
                return Task.FromResult(action(parse, run));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or AggregateException)
            {
                if (run.OutputFailure(e) is { } failure)
                {
                    throw failure;
                }

                throw;
            }
        });
    }

    /// <summary>The output-folder error <paramref name="exception"/> stands for, or null when it is not one of this run's output folders'.</summary>
    public UnusableInputException? OutputFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var first, ..] ? first : exception;
        return cause is IOException or UnauthorizedAccessException
            ? _outputs.Select(output => output.Explain(cause)).FirstOrDefault(error => error is not null)
            : null;
    }

    /// <summary>Where results are printed.</summary>
    public TextWriter Stdout { get; } = parse.InvocationConfiguration.Output;

    /// <summary>Where progress and warnings go.</summary>
    public TextWriter Stderr { get; } = parse.InvocationConfiguration.Error;

    /// <summary>Progress lines on stderr.</summary>
    public IProgress<string> Progress { get; } = new StderrProgress(parse.InvocationConfiguration.Error);

    /// <summary>Cancelled on SIGINT / SIGTERM.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>
    /// Starts writing results to <paramref name="destination"/> (see <see cref="OutputFolder.Begin"/>), which must not be,
    /// lie under or replace any of <paramref name="inputs"/> (<see cref="DatasetSource.Inputs"/>).
    /// </summary>
    public CommandOutput BeginOutput(string destination, IEnumerable<string> ownedNames, bool overwrite, IEnumerable<string> inputs)
    {
        Cancellation.ThrowIfCancellationRequested();
        var output = new CommandOutput(OutputFolder.Begin(destination, WithGisFiles(ownedNames), overwrite, inputs));
        _outputs.Add(output);
        return output;
    }

    /// <summary>The GIS format (<c>--format</c>) layers are written in besides GeoJSON.</summary>
    public GisFormat Format { get; private set; } = GisFormat.GeoJson;

    /// <summary>Sets <see cref="Format"/> from the <c>--format</c> value.</summary>
    /// <exception cref="UnusableInputException">PG0107: a GIS format needs libgdal and it cannot be loaded.</exception>
    public void UseFormat(string? value)
    {
        Format = value is null ? GisFormat.GeoJson : GisFormats.Parse(value);
        if (Format != GisFormat.GeoJson && !ParkGis.Gdal.GdalLibrary.IsAvailable)
        {
            throw new UnusableInputException(
                ErrorCodes.GdalMissing,
                Text.Format("FormatNeedsGdal", value),
                "--format",
                hint: Text.Format("FormatNeedsGdalHint", ParkGis.Gdal.GdalLibrary.DebianPackage, ParkGis.Gdal.GdalLibrary.PathVariable));
        }
    }

    /// <summary>
    /// The owned names with, for every <c>NAME.geojson</c>, the files of NAME in every GIS format: a run in one format
    /// replaces the files an earlier run wrote in another (they are ParkGis's own, and stale).
    /// </summary>
    private static List<string> WithGisFiles(IEnumerable<string> ownedNames)
    {
        var names = ownedNames.ToList();
        foreach (var name in names.Where(n => n.EndsWith(".geojson", StringComparison.Ordinal)).ToList())
        {
            var stem = name[..^".geojson".Length];
            foreach (var format in Enum.GetValues<GisFormat>())
            {
                names.AddRange(GisFormats.FilesOf(format, stem));
            }
        }

        return names;
    }

    /// <summary>
    /// Moves the results into place, then runs <paramref name="afterSwitch"/> (a database COMMIT that must stand or fall
    /// with the files: see <see cref="OutputFolder.Commit(Action?)"/>), unless the run was cancelled; once a signal has
    /// abandoned the outputs (<see cref="OutputFolder.Abandon"/>) no commit starts.
    /// </summary>
    public void Commit(CommandOutput output, Action? afterSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Cancellation.ThrowIfCancellationRequested();
        output.Folder.Commit(afterSwitch);
    }

    /// <summary>
    /// Ends a run that writes files, so that a stdout that cannot be written (PG0404: a full disk, a pipe whose reader has
    /// gone) leaves the output folder as it was: prints <paramref name="results"/> (the tables) and flushes stdout, then
    /// commits <paramref name="output"/> (<see cref="Commit"/>) and, once the files are in place and before
    /// <paramref name="afterSwitch"/>, prints <paramref name="conclusion"/> — the lines saying where the results are, and
    /// the end — which returns the exit code. When the conclusion cannot be printed the files are moved back; when the
    /// commit fails it is not printed, so no line claims files that were not written. Only the conclusion's few lines
    /// are printed while the parent folder is locked.
    /// </summary>
    public int PrintAndCommit(CommandOutput output, Action<TextWriter> results, Func<TextWriter, int> conclusion, Action? afterSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(conclusion);
        Cancellation.ThrowIfCancellationRequested();
        results(Stdout);
        Stdout.Flush();
        var code = ExitCodes.InternalError;
        Commit(output, () =>
        {
            code = conclusion(Stdout);
            Stdout.Flush();
            afterSwitch?.Invoke();
        });
        return code;
    }

    /// <summary>
    /// Writes a result layer as <c>NAME.geojson</c> into the output, from the published layer every command, export and
    /// the report share (<see cref="PublishedLayers.Of"/>), through the one RFC 7946 writer.
    /// </summary>
    public void WriteLayer(CommandOutput output, ResultLayer layer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(layer);
        Cancellation.ThrowIfCancellationRequested();
        var tally = WebExport.WriteLayer(PublishedLayers.Of(layer), output.PathOf(layer.Name + ".geojson"));
        ReportTally(layer.Name + ".geojson", tally, 1e-7);
        WriteGisLayer(output, layer);
    }

    /// <summary>
    /// <see cref="WriteLayer"/> for a layer known before the command's other results: its GeoJSON is written on the thread
    /// pool meanwhile; <see cref="PendingLayerWrite.Finish"/> then reports and writes what WriteLayer does after it.
    /// </summary>
    public PendingLayerWrite BeginWriteLayer(CommandOutput output, ResultLayer layer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(layer);
        Cancellation.ThrowIfCancellationRequested();
        var path = output.PathOf(layer.Name + ".geojson");
        OutputGeometryTally? tally = null;
        var writing = Task.Run(() => tally = WebExport.WriteLayer(PublishedLayers.Of(layer), path), Cancellation);
        return new PendingLayerWrite(writing, () =>
        {
            ReportTally(layer.Name + ".geojson", tally!, 1e-7);
            WriteGisLayer(output, layer);
        });
    }

    /// <summary>Writes a result layer in <see cref="Format"/>, with the properties its GeoJSON has; nothing for GeoJSON.</summary>
    public void WriteGisLayer(CommandOutput output, ResultLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (Format != GisFormat.GeoJson)
        {
            WriteGisLayer(output, layer.Name, layer.Features.Select(f => (f.Geometry, f.Crs, PublishedLayers.PropertiesOf(f))).ToList());
        }
    }

    /// <summary>
    /// Writes a layer in <see cref="Format"/> (<see cref="GisLayerWriter"/>) in the dataset's CRS (<see cref="OutputCrs"/>;
    /// else the first feature's), each geometry transformed from its own CRS.
    /// </summary>
    public void WriteGisLayer(CommandOutput output, string name, IReadOnlyList<(Geometry Geometry, CrsDefinition Crs, IReadOnlyList<KeyValuePair<string, object?>> Properties)> features)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(features);
        Cancellation.ThrowIfCancellationRequested();
        var target = OutputCrs ?? (features.Count > 0 ? features[0].Crs : PublishedLayers.LonLat());
        var transforms = new Dictionary<int, CrsTransform>();
        var inTarget = features.Select(f =>
        {
            if (!transforms.TryGetValue(f.Crs.Epsg, out var transform))
            {
                transforms[f.Crs.Epsg] = transform = CrsTransform.Create(f.Crs, target);
            }

            return new GeoJsonFeature(f.Crs.Epsg == target.Epsg ? f.Geometry : transform.Apply(f.Geometry), f.Properties);
        }).ToList();
        var files = GisFormats.FilesOf(Format, name);
        GisLayerWriteResult written;
        try
        {
            written = GisLayerWriter.Write(output.Staging, Format, name, target, inTarget);
        }
        catch (ParkGis.Gdal.OgrException exception)
        {
            throw new UnusableInputException(
                ErrorCodes.OutputNotWritable, Text.Format("GisFileNotWritable", files[0], exception.Message), files[0],
                hint: Text.Get("GisFileNotWritableHint"), inner: exception);
        }

        output.Wrote(files[0]);
        ReportTally(files[0], written.Tally, target.IsGeographic ? 1e-9 : 1e-3);
        if (written.TextsCut > 0)
        {
            Progress.Report(Text.Format("ShapefileTextsCut", files[0], written.TextsCut, GisLayerWriter.DbfTextBytes));
        }
    }

    /// <summary>
    /// Writes the command's ledgers as <c>NAME.xlsx</c> into the output (<see cref="LedgerWorkbookWriter"/>), with the
    /// 说明 sheet naming <paramref name="dataset"/> (credentials masked), the as-of date and <paramref name="rulesFile"/>.
    /// </summary>
    public void WriteWorkbook(CommandOutput output, string fileName, string title, string dataset, DateOnly? asOf, string? rulesFile,
        IReadOnlyList<LedgerSheet> sheets, IReadOnlyList<DataIssue> issues, IReadOnlyList<(string Item, string Value)>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Cancellation.ThrowIfCancellationRequested();
        Progress.Report(Text.Format("ProgressWritingFile", fileName));
        var shownDataset = CredentialRedaction.For([dataset]).Apply(dataset);
        LedgerWorkbookWriter.Write(output.PathOf(fileName), new LedgerWorkbook(title, shownDataset, asOf, rulesFile, sheets, issues) { Notes = notes ?? [] });
    }

    /// <summary>The CRS GIS files are written in: the dataset's (its parks layer's), once the command has read it.</summary>
    public CrsDefinition? OutputCrs { get; set; }

    private void ReportTally(string file, OutputGeometryTally tally, double gridSize)
    {
        if (tally.IsWorthReporting)
        {
            Progress.Report(tally.Describe(file, gridSize));
        }
    }

    /// <summary>Reads the dataset the DATASET argument names (a folder or <c>pg:</c>).</summary>
    public DatasetContent Read(string dataset, DatasetScope? scope = null)
    {
        var content = DatasetSource.Read(dataset, scope ?? DatasetScope.Whole, Progress, Cancellation, out var openRegion);
        if (openRegion is not null)
        {
            _regions.Add(openRegion);
        }

        if (content.ParcelChunks is { } chunks)
        {
            _held.Add(chunks);
        }

        return content;
    }

    /// <summary>
    /// Lets go of the parcels' sources still held and ends a reading's no-GC region kept open for the command's work
    /// (on every path: results, failure, Ctrl-C).
    /// </summary>
    public void Dispose()
    {
        foreach (var chunks in _held)
        {
            chunks.Dispose();
        }

        foreach (var region in _regions)
        {
            region.Dispose();
        }
    }

    /// <summary>Reads the dataset and builds the run's assessment of it.</summary>
    /// <param name="dataset">The DATASET argument.</param>
    /// <param name="repairInvalidGeometry">The <c>--fix</c> option.</param>
    /// <param name="scope">What the command reads of the dataset; null for everything.</param>
    /// <param name="rules">The rules file of the run (<c>--rules</c>); null for the defaults.</param>
    public ParkAssessment Assess(string dataset, bool repairInvalidGeometry, DatasetScope? scope = null, RuleSet? rules = null)
    {
        var assessment = new ParkAssessment(Read(dataset, scope).ToAssessmentInputs(), new AssessmentOptions(repairInvalidGeometry, rules), Progress, Cancellation);
        OutputCrs ??= assessment.Layer(LayerRole.Parks)?.Crs ?? assessment.Dataset.Layers.Values.FirstOrDefault()?.Crs;
        return assessment;
    }
}

/// <summary>An output folder of a running command: staged until committed, removed when disposed without a commit.</summary>
internal sealed class CommandOutput : IDisposable
{
    private readonly List<string> _written = [];
    private bool? _stagingLost;

    /// <summary>Wraps a folder just begun.</summary>
    public CommandOutput(OutputFolder folder)
    {
        Folder = folder;
    }

    /// <summary>The folder.</summary>
    public OutputFolder Folder { get; }

    /// <summary>The final folder.</summary>
    public string Destination => Folder.Destination;

    /// <summary>The staging folder files are written to until the commit.</summary>
    public string Staging => Folder.Staging;

    /// <summary>The files written so far, in the order they were begun (a shapefile by its <c>.shp</c>).</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>The staging path of an output file, which is then counted as written.</summary>
    public string PathOf(string fileName)
    {
        Wrote(fileName);
        return Folder.PathOf(fileName);
    }

    /// <summary>
    /// The files to name in the run's last line: <paramref name="primary"/> (the command's own, in its order), then
    /// whatever else was written (<c>--format</c>, <c>--xlsx</c>) in the order written.
    /// </summary>
    public IReadOnlyList<string> Listed(params string[] primary) => [.. primary, .. _written.Where(name => !primary.Contains(name, StringComparer.Ordinal))];

    /// <summary>The line naming the files written (<c>结果已写入 DIR（check.json、…）</c>): <paramref name="primary"/>, then the others (<see cref="Listed"/>).</summary>
    public void WriteResultsLine(TextWriter stdout, params string[] primary)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        stdout.WriteLine(Text.Format("ResultsWrittenTo", Destination, Text.List(Listed(primary))));
    }

    /// <summary>Counts <paramref name="fileName"/> as written (once).</summary>
    public void Wrote(string fileName)
    {
        if (!_written.Contains(fileName, StringComparer.Ordinal))
        {
            _written.Add(fileName);
        }
    }

    /// <summary>Deletes what was staged unless committed.</summary>
    public void Dispose()
    {
        // Whether the staging folder was still this run's when the run ended, for Explain after the deletion.
        _stagingLost ??= !Folder.IsStagingIntact;
        Folder.Dispose();
    }

    /// <summary>
    /// The error a file-system failure <paramref name="exception"/> stands for when it concerns this output folder:
    /// its staging folder deleted or replaced during the run (whatever the failure then was), its disk full, or a
    /// failure naming the staging or output folder (read-only mount, permissions); null otherwise.
    /// </summary>
    public UnusableInputException? Explain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not (IOException or UnauthorizedAccessException))
        {
            return null;
        }

        var parent = Path.GetDirectoryName(Folder.StagingRoot) ?? Destination;
        if (_stagingLost ?? !Folder.IsStagingIntact)
        {
            return new UnusableInputException(ErrorCodes.OutputNotWritable,
                Text.Format("OutputStagingGone", Destination, Folder.StagingRoot, exception.Message), Destination,
                hint: Text.Format("OutputStagingGoneHint", parent), inner: exception);
        }

        if (exception is IOException io && OutputSpace.IsExhausted(io))
        {
            return OutputSpace.Error(io);
        }

        var message = exception.Message;
        return message.Contains(Folder.StagingRoot, StringComparison.Ordinal)
            || message.Contains(Destination + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || message.Contains($"'{Destination}'", StringComparison.Ordinal)
            ? new UnusableInputException(ErrorCodes.OutputNotWritable, Text.Format("OutputWriteFailed", Destination, message), Destination,
                hint: Text.Format("OutputWriteFailedHint", parent), inner: exception)
            : null;
    }
}
