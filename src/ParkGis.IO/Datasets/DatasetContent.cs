using ParkGis.Core.Assessment;
using ParkGis.Core.Conflicts;
using ParkGis.Core.Data;
using ParkGis.Core.Intensity;
using ParkGis.IO.Configuration;
using ParkGis.IO.Intensity;

namespace ParkGis.IO.Datasets;

/// <summary>
/// A dataset as its source delivers it (数据集内容): the layers as read, the dataset's parkgis.json parsed once, and
/// its economics table, read only when first asked for. A folder and a <c>pg:</c> schema both deliver this; it
/// becomes the <see cref="AssessmentInputs"/> of the run.
/// </summary>
/// <param name="Dataset">The layers as read.</param>
/// <param name="Configuration">The parsed parkgis.json (or the <c>parkgis_config</c> of a database), or null when there is none.</param>
/// <param name="ReadEconomics">Reads the economics table; null when the dataset has none.</param>
public sealed record DatasetContent(Dataset Dataset, ParkGisConfiguration? Configuration, Func<EconomicsTable?> ReadEconomics)
{
    /// <summary>
    /// Test hook (<c>PARKGIS_TEST_PARCEL_CHUNK</c>): parcels per chunk of the conflict check when the folder is read with
    /// <c>parcelsInChunks</c>; unset, the parcels layer is checked whole.
    /// </summary>
    private static readonly int? TestParcelChunk =
        int.TryParse(Environment.GetEnvironmentVariable("PARKGIS_TEST_PARCEL_CHUNK"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var chunk) && chunk > 0
            ? chunk
            : null;

    /// <summary>
    /// Parcels per chunk when a GeoPackage parcels table is read in chunks for the conflict check: about 50 MB of parcels
    /// as read at a time (docs/scale.md).
    /// </summary>
    public const int ParcelsPerChunk = 65_536;

    /// <summary>The parcels in chunks for the conflict check (<see cref="AssessmentInputs.ParcelChunks"/>); null: the parcels layer whole.</summary>
    public ParcelChunks? ParcelChunks { get; init; }

    /// <summary>The settings the engine uses, from <see cref="Configuration"/>.</summary>
    public DatasetSettings Settings => Configuration is { } configuration
        ? new DatasetSettings(configuration.Parks, configuration.CodeList)
        : DatasetSettings.None;

    /// <summary>The inputs of the run's assessment; the economics table is read at most once.</summary>
    public AssessmentInputs ToAssessmentInputs()
    {
        var economics = new Lazy<EconomicsTable?>(ReadEconomics, LazyThreadSafetyMode.ExecutionAndPublication);
        return new AssessmentInputs(Dataset, Settings, () => economics.Value) { ParcelChunks = ParcelChunks };
    }

    /// <summary>Reads a dataset folder: discovers it (parsing its parkgis.json once) and reads its layers.</summary>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="progress">Receives one line per layer read; may be null.</param>
    /// <param name="onlyFields">The attribute fields the command uses (see <see cref="DatasetReader.Read(string, IProgress{string}?, IReadOnlyDictionary{LayerRole, IReadOnlyList{string}}?)"/>); null for all.</param>
    /// <param name="controlsWithinReach">Leave control features out of the parks' reach unbuilt (see <see cref="DatasetReader.Read(DatasetLayout, IProgress{string}?, IReadOnlyDictionary{LayerRole, IReadOnlyList{string}}?, bool)"/>).</param>
    /// <param name="roles">The layers the command uses; null for every layer. The others are not opened.</param>
    /// <param name="parcelsInChunks">For the conflict check: the parcels may be delivered in chunks (<see cref="ParcelChunks"/>).</param>
    /// <param name="parcelsStreaming">
    /// Told, while reading, when the parcels are known to be delivered in chunks (a GeoPackage table read from a file,
    /// not cut in memory) and when their outline is done; null for nothing.
    /// </param>
    /// <exception cref="ParkGis.Core.Errors.UnusableInputException">The folder, a file or parkgis.json cannot be used.</exception>
    public static DatasetContent ReadFolder(
        string folder, IProgress<string>? progress = null, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields = null,
        bool controlsWithinReach = false, IReadOnlyCollection<LayerRole>? roles = null, bool parcelsInChunks = false, ParcelStreaming? parcelsStreaming = null) =>
        ReadFolder(folder, progress, onlyFields, controlsWithinReach, roles, parcelsInChunks ? TestParcelChunk ?? ParcelsPerChunk : null, parcelsStreaming);

    /// <summary><see cref="ReadFolder(string, IProgress{string}?, IReadOnlyDictionary{LayerRole, IReadOnlyList{string}}?, bool, IReadOnlyCollection{LayerRole}?, bool, ParcelStreaming?)"/> with the parcels in chunks of <paramref name="parcelsPerChunk"/> (null: whole).</summary>
    internal static DatasetContent ReadFolder(
        string folder, IProgress<string>? progress, IReadOnlyDictionary<LayerRole, IReadOnlyList<string>>? onlyFields,
        bool controlsWithinReach, IReadOnlyCollection<LayerRole>? roles, int? parcelsPerChunk, ParcelStreaming? parcelsStreaming = null)
    {
        var layout = DatasetReader.Discover(folder);
        if (roles is not null)
        {
            layout = layout with { Layers = layout.Layers.Where(l => roles.Contains(l.Role)).ToList() };
        }

        var (read, chunks) = DatasetReader.Read(layout, progress, onlyFields, controlsWithinReach, parcelsPerChunk, parcelsStreaming);
        var dataset = read with { Name = folder };
        if (chunks is not null)
        {
            // The control layers cut to the reach of the parcels' envelopes now: the dataset's parcels layer is empty.
            try
            {
                dataset = ConflictCheck.KeepWithinReach(dataset, chunks);
            }
            catch
            {
                chunks.Dispose();
                throw;
            }
        }
        else if (parcelsPerChunk is not null && TestParcelChunk is { } perChunk && dataset.Find(LayerRole.Parcels) is { } parcels)
        {
            chunks = Core.Data.ParcelChunks.Of(parcels, perChunk); // another format: whole, or cut in memory under the test hook
        }

        var configuration = layout.Configuration;
        return new DatasetContent(dataset, configuration, () => EconomicsTableReader.ReadFrom(layout.Folder, configuration?.Economics ?? EconomicsSettings.Default))
        {
            ParcelChunks = chunks,
        };
    }
}
