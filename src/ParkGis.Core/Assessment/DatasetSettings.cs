using ParkGis.Core.Intensity;
using ParkGis.Core.Parks;

namespace ParkGis.Core.Assessment;

/// <summary>
/// The settings of a dataset the engine uses (数据集配置), parsed once by an adapter from the dataset's
/// parkgis.json (or the <c>parkgis_config</c> table of a <c>pg:</c> dataset).
/// </summary>
/// <param name="Parks">Park id → what parkgis.json declares about the park (leading industries, levelled land); laid over the parks layer's own fields.</param>
/// <param name="CodeList">The land-use code list the parcels use, or null to detect it from the codes.</param>
public sealed record DatasetSettings(IReadOnlyDictionary<string, ParkProfile> Parks, LandUseCodeList? CodeList)
{
    /// <summary>No settings: nothing declared, the code list detected.</summary>
    public static DatasetSettings None { get; } = new(new Dictionary<string, ParkProfile>(StringComparer.Ordinal), null);
}
