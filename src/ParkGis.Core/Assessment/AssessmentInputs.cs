using ParkGis.Core.Data;
using ParkGis.Core.Intensity;

namespace ParkGis.Core.Assessment;

/// <summary>
/// What an adapter hands the engine to build a <see cref="ParkAssessment"/> from: the dataset as read, its
/// settings, and a way to read its economics table, which is read only when an analysis first needs it.
/// </summary>
/// <param name="Dataset">The layers as read, with the data issues met while reading.</param>
/// <param name="Settings">The dataset's settings (parkgis.json), parsed once.</param>
/// <param name="ReadEconomics">Reads the economics table (经济指标表); returns null when the dataset has none. Null: no table.</param>
public sealed record AssessmentInputs(Dataset Dataset, DatasetSettings Settings, Func<EconomicsTable?>? ReadEconomics = null)
{
    /// <summary>A dataset without settings or economics table.</summary>
    public static AssessmentInputs Of(Dataset dataset) => new(dataset, DatasetSettings.None);

    /// <summary>
    /// The parcels in chunks for the conflict check when the adapter reads them so (a GeoPackage parcels table too large
    /// to hold whole); null: the parcels layer of <see cref="Dataset"/>, whole.
    /// </summary>
    public ParcelChunks? ParcelChunks { get; init; }
}
