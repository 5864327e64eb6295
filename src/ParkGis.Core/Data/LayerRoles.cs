namespace ParkGis.Core.Data;

/// <summary>Role names as they appear in file names, parkgis.json and JSON output, and their aliases.</summary>
public static class LayerRoles
{
    /// <summary>Every role in output order.</summary>
    public static IReadOnlyList<LayerRole> All { get; } =
    [
        LayerRole.Parks, LayerRole.EcologicalRedline, LayerRole.PermanentFarmland,
        LayerRole.UrbanBoundary, LayerRole.Approvals, LayerRole.Parcels,
        LayerRole.Roads, LayerRole.WaterSupply, LayerRole.Drainage, LayerRole.Sewage, LayerRole.Power,
        LayerRole.Gas, LayerRole.Heating, LayerRole.Telecom, LayerRole.Steam, LayerRole.Banners, LayerRole.LandUse,
    ];

    /// <summary>The snake_case role name: <c>parks</c>, <c>ecological_redline</c>, …</summary>
    public static string Name(LayerRole role) => role switch
    {
        LayerRole.Parks => "parks",
        LayerRole.EcologicalRedline => "ecological_redline",
        LayerRole.PermanentFarmland => "permanent_farmland",
        LayerRole.UrbanBoundary => "urban_boundary",
        LayerRole.Approvals => "approvals",
        LayerRole.Parcels => "parcels",
        LayerRole.Roads => "roads",
        LayerRole.WaterSupply => "water_supply",
        LayerRole.Drainage => "drainage",
        LayerRole.Sewage => "sewage",
        LayerRole.Power => "power",
        LayerRole.Gas => "gas",
        LayerRole.Heating => "heating",
        LayerRole.Telecom => "telecom",
        LayerRole.Steam => "steam",
        LayerRole.Banners => "banners",
        LayerRole.LandUse => "land_use",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The Chinese name of the role, for tables people read.</summary>
    public static string ChineseName(LayerRole role) => role switch
    {
        LayerRole.Parks => "园区",
        LayerRole.EcologicalRedline => "生态保护红线",
        LayerRole.PermanentFarmland => "永久基本农田",
        LayerRole.UrbanBoundary => "城镇开发边界",
        LayerRole.Approvals => "建设用地批次",
        LayerRole.Parcels => "宗地",
        LayerRole.Roads => "道路",
        LayerRole.WaterSupply => "给水",
        LayerRole.Drainage => "排水",
        LayerRole.Sewage => "污水",
        LayerRole.Power => "供电",
        LayerRole.Gas => "燃气",
        LayerRole.Heating => "供热",
        LayerRole.Telecom => "通信",
        LayerRole.Steam => "蒸汽",
        LayerRole.Banners => "旗区",
        LayerRole.LandUse => "地类图斑",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// Resolves a base name (case-insensitive) to a role: the role name itself or a standard layer code
    /// (<c>STBHHX</c>, <c>YJJBNTBHTB</c>, <c>CZKFBJ</c>, <c>DLTB</c> and <c>land_use_survey</c> for the land-use survey). An
    /// <c>XZQ</c> layer is not taken for <c>banners</c>: its units may be towns, not 旗区.
    /// </summary>
    public static bool TryParse(string baseName, out LayerRole role)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        foreach (var candidate in All)
        {
            if (string.Equals(baseName, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        switch (baseName.ToUpperInvariant())
        {
            case "STBHHX":
                role = LayerRole.EcologicalRedline;
                return true;
            case "YJJBNTBHTB":
                role = LayerRole.PermanentFarmland;
                return true;
            case "CZKFBJ":
                role = LayerRole.UrbanBoundary;
                return true;
            case "DLTB" or "LAND_USE_SURVEY":
                role = LayerRole.LandUse;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
