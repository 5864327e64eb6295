using ParkGis.Core.Data;
using ParkGis.IO.Datasets;
using ParkGis.PostGis;

namespace ParkGis.Cli.Commands;

/// <summary>
/// The one place a DATASET argument is turned into what it holds, for every command: <c>pg:…</c> is a PostGIS schema
/// (<see cref="PgDatasetReader"/>), anything else a folder (<see cref="DatasetContent.ReadFolder"/>, inside a
/// <see cref="ReadingGcRegion"/>). A <c>pg:</c> dataset is named without its password everywhere.
/// </summary>
internal static class DatasetSource
{
    /// <summary>Reads the dataset the argument names.</summary>
    /// <param name="dataset">A folder, or <c>pg:…</c>.</param>
    /// <param name="scope">What the command reads of it.</param>
    /// <param name="progress">Progress lines.</param>
    /// <param name="cancellation">Stops the reading (between layers and rows).</param>
    /// <param name="openRegion">
    /// The reading's no-GC region when the scope keeps it open (<see cref="DatasetScope.WorkInReadingRegion"/>) and it is
    /// still in force, for the caller to dispose when the command's work is done; otherwise null.
    /// </param>
    public static DatasetContent Read(string dataset, DatasetScope scope, IProgress<string>? progress, CancellationToken cancellation, out IDisposable? openRegion)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(scope);
        cancellation.ThrowIfCancellationRequested();
        openRegion = null;
        if (PgDatasetName.IsDatabase(dataset))
        {
            var read = PgDatasetReader.ReadContent(PgDatasetName.Parse(dataset), progress, cancellation, scope.Roles);
            return scope.Keep is null ? read : read with { Dataset = scope.Keep(read.Dataset) };
        }

        // Parcels read in chunks end the region while reading (StreamingMemory): only a layer held whole keeps it.
        var content = ReadingGcRegion.Around(dataset, region =>
        {
            var read = DatasetContent.ReadFolder(
                dataset, progress, scope.OnlyFields, scope.ControlsWithinReach, scope.Roles, scope.ParcelsInChunks, StreamingMemory.ParcelsStreaming(region));
            try
            {
                return scope.Keep is null ? read : read with { Dataset = scope.Keep(read.Dataset) };
            }
            catch
            {
                read.ParcelChunks?.Dispose();
                throw;
            }
        },
        read => scope.WorkInReadingRegion && (read.ParcelChunks is null || read.ParcelChunks.WholeLayer is not null),
        out var kept);
        try
        {
            StreamingMemory.AfterReading(content.ParcelChunks);
            cancellation.ThrowIfCancellationRequested();
        }
        catch
        {
            kept?.Dispose();
            content.ParcelChunks?.Dispose();
            throw;
        }

        openRegion = kept;

        return content;
    }

    /// <summary>
    /// The input paths of a run, which its output must never touch (<see cref="IO.Output.OutputFolder.Begin"/>):
    /// the dataset folder (none for a <c>pg:</c> dataset) and the given files (e.g. <c>--rules</c>; nulls skipped).
    /// </summary>
    public static IReadOnlyList<string> Inputs(string dataset, params string?[] files) =>
        [.. PgDatasetName.IsDatabase(dataset) ? [] : new[] { dataset }, .. files.OfType<string>()];

    /// <summary>How the dataset is named in outputs: the folder's full path, or <c>pg:</c> without the password.</summary>
    public static string DisplayName(string dataset) =>
        PgDatasetName.IsDatabase(dataset) ? PgDatasetName.Parse(dataset).DisplayName : Path.GetFullPath(dataset);
}

/// <summary>What a command reads of its dataset.</summary>
/// <param name="OnlyFields">The attribute fields it uses, by canonical name per role (see <see cref="DatasetReader.Read(string, IProgress{string}?, IReadOnlyDictionary{LayerRole, IReadOnlyList{string}}?)"/>); null for all.</param>
/// <param name="Keep">
/// What it keeps of the dataset as read (e.g. <see cref="ParkGis.Core.Conflicts.ConflictCheck.KeepWithinReach"/>), applied
/// before reading ends so that what it drops is freed young; null to keep everything.
/// </param>
internal sealed record DatasetScope(IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? OnlyFields, Func<Dataset, Dataset>? Keep)
{
    /// <summary>Every layer and field.</summary>
    public static DatasetScope Whole { get; } = new(null, null);

    /// <summary>
    /// Whether a folder's reader may leave the control features outside the parks' reach unbuilt (what
    /// <see cref="ParkGis.Core.Conflicts.ConflictCheck.KeepWithinReach"/> would drop anyway); for the conflict check only.
    /// </summary>
    public bool ControlsWithinReach { get; init; }

    /// <summary>Whether a folder's reader may deliver the parcels in chunks (<see cref="DatasetContent.ParcelChunks"/>); for the conflict check only.</summary>
    public bool ParcelsInChunks { get; init; }

    /// <summary>
    /// Whether the command's work on a folder whose parcels are held whole stays in the reading's no-GC region
    /// (<see cref="ReadingGcRegion"/>), ended when the command ends: for the conflict check only, which allocates about
    /// as much again as it read (docs/decisions.md). A run that outgrows the region collects as usual from then on.
    /// </summary>
    public bool WorkInReadingRegion { get; init; }

    /// <summary>The layers it reads; null for all. A <c>pg:</c> dataset reads only these tables.</summary>
    public IReadOnlyCollection<LayerRole>? Roles { get; init; }

    /// <summary>
    /// The parks and the 旗区 boundaries only, for the park-to-旗区 rule beside a check run in the database
    /// (<c>check --engine postgis</c>).
    /// </summary>
    public static DatasetScope ParksAndBanners { get; } = new(ParkGis.Core.Parks.ParkBanners.FieldsUsed, null)
    {
        Roles = [LayerRole.Parks, LayerRole.Banners],
    };

    /// <summary>The parks layer alone, every field (<c>boundary-points</c>: one park's boundary, id and name).</summary>
    public static DatasetScope Parks { get; } = new(null, null) { Roles = [LayerRole.Parks] };

    /// <summary>
    /// What the idle-land survey needs: the layers it uses (<see cref="ParkGis.Core.Idle.IdleLandSurvey.LayersUsed"/>) with the
    /// fields it reads (<see cref="ParkGis.Core.Idle.IdleLandSurvey.FieldsUsed"/>).
    /// </summary>
    public static DatasetScope Idle { get; } = new(ParkGis.Core.Idle.IdleLandSurvey.FieldsUsed, null)
    {
        Roles = ParkGis.Core.Idle.IdleLandSurvey.LayersUsed,
    };

    /// <summary>The idle-land survey with its <c>--xlsx</c> ledger, which copies the parcels' own fields: every field of its layers.</summary>
    public static DatasetScope IdleWithLedger { get; } = new(null, null) { Roles = ParkGis.Core.Idle.IdleLandSurvey.LayersUsed };

    /// <summary>What the supply ledger needs: the layers it uses (<see cref="ParkGis.Core.Supply.SupplyLedger.LayersUsed"/>), every field of them.</summary>
    public static DatasetScope Supply { get; } = new(null, null) { Roles = ParkGis.Core.Supply.SupplyLedger.LayersUsed };

    /// <summary>
    /// What the intensity analysis needs with its land status: the layers it uses
    /// (<see cref="ParkGis.Core.Intensity.IntensityAnalysis.LayersUsed"/>), every field of them.
    /// </summary>
    public static DatasetScope Intensity { get; } = new(null, null) { Roles = ParkGis.Core.Intensity.IntensityAnalysis.LayersUsed };

    /// <summary>What the conflict check needs: each layer's id, the park names and 旗区, and the control features within reach.</summary>
    public static DatasetScope ConflictCheck { get; } = new(
        Merge(ParkGis.Core.Conflicts.ConflictCheck.FieldsUsed, ParkGis.Core.Parks.ParkBanners.FieldsUsed), ParkGis.Core.Conflicts.ConflictCheck.KeepWithinReach)
    {
        ControlsWithinReach = true,
        ParcelsInChunks = true,
        WorkInReadingRegion = true,
    };

    private static Dictionary<LayerRole, IReadOnlyList<string>> Merge(params IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>[] fields) =>
        fields.SelectMany(f => f).GroupBy(f => f.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(f => f.Value).Distinct(StringComparer.Ordinal).ToList());
}
