using ParkGis.Core.Data;

namespace ParkGis.Core.Infrastructure;

/// <summary>The utility network roles of 九通一平 (nine connections and levelled land, docs/rules.md#infrastructure-networks) and their JSON names.</summary>
public static class UtilityNetworks
{
    /// <summary>Every utility role, in output order: the eight networks, then steam.</summary>
    public static IReadOnlyList<LayerRole> All { get; } =
    [
        LayerRole.Roads, LayerRole.WaterSupply, LayerRole.Drainage, LayerRole.Sewage, LayerRole.Power,
        LayerRole.Gas, LayerRole.Heating, LayerRole.Telecom, LayerRole.Steam,
    ];

    /// <summary>The eight networks every park needs; steam is needed only where a park has a steam network.</summary>
    public static IReadOnlyList<LayerRole> Basic { get; } = All.Where(r => r != LayerRole.Steam).ToList();

    /// <summary>True for the utility network roles.</summary>
    public static bool IsUtility(LayerRole role) => All.Contains(role);
}
