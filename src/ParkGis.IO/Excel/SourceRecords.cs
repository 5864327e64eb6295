using ParkGis.Core.Data;
using ParkGis.Core.Dates;

namespace ParkGis.IO.Excel;

/// <summary>
/// The source records of a layer by feature id, for the columns a ledger copies from the dataset (用地单位, 坐落, 批次名称 …)
/// under their canonical names (mapped and aliased as every reader maps them). The first feature of an id wins.
/// </summary>
public sealed class SourceRecords
{
    private readonly Layer? _layer;
    private readonly Dictionary<string, Feature> _byId = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="layer"/>; null gives records without any field.</summary>
    public SourceRecords(Layer? layer)
    {
        _layer = layer;
        foreach (var feature in layer?.Features ?? [])
        {
            _byId.TryAdd(feature.Id, feature);
        }
    }

    /// <summary>True when some feature has a value for <paramref name="canonical"/>.</summary>
    public bool Has(string canonical) => _layer is { } layer && layer.Features.Any(f => layer.Value(f, canonical) is not null);

    /// <summary>The text of a field of the feature <paramref name="id"/>, or null.</summary>
    public string? Text(string id, string canonical) =>
        _layer is { } layer && _byId.TryGetValue(id, out var feature) ? layer.Text(feature, canonical) : null;

    /// <summary>A number field, or its text when it is not a number, or null.</summary>
    public object? Number(string id, string canonical)
    {
        if (_layer is not { } layer || !_byId.TryGetValue(id, out var feature) || layer.Value(feature, canonical) is not { } value)
        {
            return null;
        }

        return Core.Idle.ParcelLifecycleReader.TryNumber(value, out var number) ? number : layer.Text(feature, canonical);
    }

    /// <summary>A date field as a date, or its text when it is not a readable date, or null.</summary>
    public object? Date(string id, string canonical)
    {
        if (_layer is not { } layer || !_byId.TryGetValue(id, out var feature) || layer.Value(feature, canonical) is not { } value)
        {
            return null;
        }

        return LenientDateParser.TryParse(value, out var date) ? date : layer.Text(feature, canonical);
    }
}
