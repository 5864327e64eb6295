using System.CommandLine;
using ParkGis.Cli.Commands;
using ParkGis.Core.Assessment;
using ParkGis.Core.Publishing;
using ParkGis.IO.Datasets;
using ParkGis.IO.Output;
using ParkGis.Web.Export;

namespace ParkGis.Cli;

/// <summary>
/// One invocation of a command: its writers, its progress lines, its cancellation, the output folders it writes and
/// the dataset it reads — the wiring every command shares, so that a command only parses options, asks the
/// assessment for results and renders them.
/// </summary>
internal sealed class CommandRun(ParseResult parse, CancellationToken cancellation)
{
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
        return new CommandOutput(OutputFolder.Begin(destination, ownedNames, overwrite, inputs));
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
    /// Writes a result layer as <c>NAME.geojson</c> into the output, from the published layer every command, export and
    /// the report share (<see cref="PublishedLayers.Of"/>), through the one RFC 7946 writer.
    /// </summary>
    public void WriteLayer(CommandOutput output, ResultLayer layer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(layer);
        Cancellation.ThrowIfCancellationRequested();
        WebExport.WriteLayer(PublishedLayers.Of(layer), output.PathOf(layer.Name + ".geojson"));
    }

    /// <summary>Reads the dataset the DATASET argument names (a folder or <c>pg:</c>).</summary>
    public DatasetContent Read(string dataset, DatasetScope? scope = null) => DatasetSource.Read(dataset, scope ?? DatasetScope.Whole, Progress, Cancellation);

    /// <summary>Reads the dataset and builds the run's assessment of it.</summary>
    /// <param name="dataset">The DATASET argument.</param>
    /// <param name="repairInvalidGeometry">The <c>--fix</c> option.</param>
    /// <param name="scope">What the command reads of the dataset; null for everything.</param>
    /// <param name="rules">The rules file of the run (<c>--rules</c>); null for the defaults.</param>
    public ParkAssessment Assess(string dataset, bool repairInvalidGeometry, DatasetScope? scope = null, RuleSet? rules = null) =>
        new(Read(dataset, scope).ToAssessmentInputs(), new AssessmentOptions(repairInvalidGeometry, rules), Progress, Cancellation);
}

/// <summary>An output folder of a running command: staged until committed, removed when disposed without a commit.</summary>
internal sealed class CommandOutput : IDisposable
{
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

    /// <summary>The staging path of an output file.</summary>
    public string PathOf(string fileName) => Folder.PathOf(fileName);

    /// <summary>Deletes what was staged unless committed.</summary>
    public void Dispose()
    {
        Folder.Dispose();
    }
}
