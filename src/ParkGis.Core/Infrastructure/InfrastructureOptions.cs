using ParkGis.Core.Data;

namespace ParkGis.Core.Infrastructure;

/// <summary>Settings of <see cref="InfrastructureCheck"/> (九通一平 coverage).</summary>
/// <param name="ServiceDistancesM">
/// Utility role → service distance in metres: a parcel whose nearest point is within this distance of the
/// network is served (exactly at the distance counts). Roles with no entry use <see cref="DefaultDistancesM"/>.
/// </param>
/// <param name="MinCoverage">Share (0–1) of the supplied/built parcel area that must be served for a park to meet a utility; default 1 (every parcel).</param>
public sealed record InfrastructureOptions(
    IReadOnlyDictionary<LayerRole, double> ServiceDistancesM,
    double MinCoverage = 1.0)
{
    /// <summary>
    /// Default service distances (m), reasons in docs/scorecard-rules.md: roads 50 (a parcel fronts the road
    /// across its reservation); water, drainage, sewage, gas 100 (one service connection from a main in the road);
    /// power, heating, telecom, steam 200 (a 10 kV tap, a branch of a heat or steam main, a cable drop).
    /// </summary>
    public static IReadOnlyDictionary<LayerRole, double> DefaultDistancesM { get; } = new Dictionary<LayerRole, double>
    {
        [LayerRole.Roads] = 50,
        [LayerRole.WaterSupply] = 100,
        [LayerRole.Drainage] = 100,
        [LayerRole.Sewage] = 100,
        [LayerRole.Power] = 200,
        [LayerRole.Gas] = 100,
        [LayerRole.Heating] = 200,
        [LayerRole.Telecom] = 200,
        [LayerRole.Steam] = 200,
    };

    /// <summary>The documented defaults.</summary>
    public static InfrastructureOptions Default { get; } = new(DefaultDistancesM);

    /// <summary>The service distance of a utility in metres.</summary>
    public double DistanceM(LayerRole utility) =>
        ServiceDistancesM.TryGetValue(utility, out var d) ? d
        : DefaultDistancesM.TryGetValue(utility, out var fallback) ? fallback
        : throw new ArgumentOutOfRangeException(nameof(utility), utility, "Not a utility role.");
}
