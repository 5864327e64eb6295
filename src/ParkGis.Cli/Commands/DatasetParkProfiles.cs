using ParkGis.Core.Data;
using ParkGis.Core.Parks;
using ParkGis.IO.Datasets;

namespace ParkGis.Cli.Commands;

/// <summary>The park profiles of a dataset: the parks layer's fields with parkgis.json <c>parks</c> laid over them.</summary>
internal static class DatasetParkProfiles
{
    public static IReadOnlyDictionary<string, ParkProfile> Load(string folder, Dataset dataset)
    {
        var fromLayer = dataset.Find(LayerRole.Parks) is { } parks
            ? ParkProfiles.FromLayer(parks)
            : new Dictionary<string, ParkProfile>(StringComparer.Ordinal);
        return ParkProfiles.Merge(fromLayer, DatasetReader.Discover(folder).Configuration?.Parks);
    }
}
