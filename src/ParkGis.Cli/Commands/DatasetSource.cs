using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.IO.Datasets;
using ParkGis.PostGis;

namespace ParkGis.Cli.Commands;

/// <summary>
/// Chooses the reader for a DATASET argument: <c>pg:…</c> is a PostGIS schema (<see cref="PgDatasetReader"/>),
/// anything else a folder (<see cref="DatasetReader"/>).
/// </summary>
internal static class DatasetSource
{
    /// <summary>Reads the dataset the argument names.</summary>
    /// <param name="dataset">A folder, or <c>pg:…</c>.</param>
    /// <param name="progress">Progress lines.</param>
    /// <param name="onlyFields">The attribute fields the command uses (see <see cref="DatasetReader.Read"/>); null for all.</param>
    /// <param name="keep">
    /// What the command keeps of the dataset as read (e.g. <see cref="ConflictCheck.KeepWithinReach"/>), applied
    /// before reading ends so that what it drops is freed young; null to keep everything.
    /// </param>
    public static Dataset Read(
        string dataset, IProgress<string>? progress, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields = null, Func<Dataset, Dataset>? keep = null)
    {
        if (!PgDatasetName.IsDatabase(dataset))
        {
            return ReadFolder(dataset, progress, onlyFields, keep);
        }

        var read = PgDatasetReader.Read(PgDatasetName.Parse(dataset), progress);
        return keep is null ? read : keep(read);
    }

    /// <summary>
    /// The input paths of a run, which its output must never touch (<see cref="IO.Output.OutputFolder.Begin"/>):
    /// the dataset folder (none for a <c>pg:</c> dataset) and the given files (e.g. <c>--rules</c>; nulls skipped).
    /// </summary>
    public static IReadOnlyList<string> Inputs(string dataset, params string?[] files) =>
        [.. PgDatasetName.IsDatabase(dataset) ? [] : new[] { dataset }, .. files.OfType<string>()];

    /// <summary>Reads a dataset folder (<see cref="DatasetReader"/>) inside a <see cref="ReadingGcRegion"/>.</summary>
    public static Dataset ReadFolder(
        string folder, IProgress<string>? progress, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields = null, Func<Dataset, Dataset>? keep = null) =>
        ReadingGcRegion.Around(folder, () =>
        {
            var read = DatasetReader.Read(folder, progress, onlyFields);
            return keep is null ? read : keep(read);
        });
}
