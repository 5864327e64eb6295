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
    public static Dataset Read(string dataset, IProgress<string>? progress, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields = null) =>
        PgDatasetName.IsDatabase(dataset)
            ? PgDatasetReader.Read(PgDatasetName.Parse(dataset), progress)
            : ReadFolder(dataset, progress, onlyFields);

    /// <summary>Reads a dataset folder (<see cref="DatasetReader"/>) inside a <see cref="ReadingGcRegion"/>.</summary>
    public static Dataset ReadFolder(string folder, IProgress<string>? progress, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields = null) =>
        ReadingGcRegion.Around(folder, () => DatasetReader.Read(folder, progress, onlyFields));
}
