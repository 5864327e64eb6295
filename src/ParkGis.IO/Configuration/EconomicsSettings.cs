namespace ParkGis.IO.Configuration;

/// <summary>
/// The <c>economics</c> member of parkgis.json: where the economics table (经济指标表) is and how its columns are
/// named: <c>"economics": { "source": "经济指标.csv", "fields": { "parcel_id": "宗地编号", "year": "年份" } }</c>.
/// </summary>
/// <param name="Source">The file relative to the dataset folder, or null for <c>economics.csv</c>.</param>
/// <param name="Fields">Canonical column → header in the file.</param>
public sealed record EconomicsSettings(string? Source, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>No settings: <c>economics.csv</c> with canonical headers.</summary>
    public static EconomicsSettings Default { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal));
}
