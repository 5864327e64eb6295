using ParkGis.Core.Data;

namespace ParkGis.IO.Datasets;

/// <summary>
/// Reads a dataset folder: finds layers by role (file base name or standard layer code, or the layers of one
/// GeoPackage), applies parkgis.json, reads each layer with its CRS.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads every layer found in a dataset folder.</summary>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="progress">Receives one line per layer read (for stderr); may be null.</param>
    public static Dataset Read(string folder, IProgress<string>? progress = null) => throw new NotImplementedException();
}
