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
            : DatasetReader.Read(dataset, progress);
}
