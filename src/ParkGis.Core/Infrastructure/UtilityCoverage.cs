using ParkGis.Core.Data;

namespace ParkGis.Core.Infrastructure;

/// <summary>How far one utility network serves one park's supplied/built parcels.</summary>
/// <param name="Utility">The utility role.</param>
/// <param name="DistanceM">The service distance used (m).</param>
/// <param name="LayerPresent">False when the dataset has no layer for the utility (nothing is known).</param>
/// <param name="Required">Whether the utility counts for the park's 九通 verdict (steam only where the park has a steam network).</param>
/// <param name="Coverage">Served area / supplied-or-built area (0–1); null when the layer is missing or the park has no such parcels.</param>
/// <param name="ServedAreaM2">Area of the served parcels (m²).</param>
/// <param name="Unserved">The parcels not served, by id (ordinal).</param>
/// <param name="Meets">Coverage reaches the minimum; null when the coverage is unknown.</param>
public sealed record UtilityCoverage(
    LayerRole Utility,
    double DistanceM,
    bool LayerPresent,
    bool Required,
    double? Coverage,
    double ServedAreaM2,
    IReadOnlyList<UnservedParcel> Unserved,
    bool? Meets);
