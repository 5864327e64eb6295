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
    public static Dataset Read(string dataset, IProgress<string>? progress) =>
        PgDatasetName.IsDatabase(dataset)
            ? PgDatasetReader.Read(PgDatasetName.Parse(dataset), progress)
            : ReadFolder(dataset, progress);

    /// <summary>Reads a dataset folder (<see cref="DatasetReader"/>) inside a <see cref="ReadingGcRegion"/>.</summary>
    public static Dataset ReadFolder(string folder, IProgress<string>? progress) =>
        ReadingGcRegion.Around(folder, () => DatasetReader.Read(folder, progress));
}
