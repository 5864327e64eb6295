using ParkGis.Core.Localization;

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

    /// <summary>The Chinese name of the role (always Chinese: fields named <c>*_zh</c>, the bureau's ledgers).</summary>
    public static string ChineseName(LayerRole role) => Localized.Chinese(LabelKey(role));

    /// <summary>The name for people in the run's language: Chinese by default, English with <c>--lang en</c>.</summary>
    public static string Label(LayerRole role) => Localized.Get(LabelKey(role));

    /// <summary>
    /// <see cref="Label"/> as a title (a map's layer list, a tile set's description): the English label begins with a
    /// capital (<c>Ecological red line</c>), as it stands on its own rather than inside a sentence.
    /// </summary>
    public static string Title(LayerRole role) => TitleText.Of(Label(role));

    private static string LabelKey(LayerRole role) => role switch
    {
        LayerRole.Parks => "LayerRoleParks",
        LayerRole.EcologicalRedline => "LayerRoleEcologicalRedline",
        LayerRole.PermanentFarmland => "LayerRolePermanentFarmland",
        LayerRole.UrbanBoundary => "LayerRoleUrbanBoundary",
        LayerRole.Approvals => "LayerRoleApprovals",
        LayerRole.Parcels => "LayerRoleParcels",
        LayerRole.Roads => "LayerRoleRoads",
        LayerRole.WaterSupply => "LayerRoleWaterSupply",
        LayerRole.Drainage => "LayerRoleDrainage",
        LayerRole.Sewage => "LayerRoleSewage",
        LayerRole.Power => "LayerRolePower",
        LayerRole.Gas => "LayerRoleGas",
        LayerRole.Heating => "LayerRoleHeating",
        LayerRole.Telecom => "LayerRoleTelecom",
        LayerRole.Steam => "LayerRoleSteam",
        LayerRole.Banners => "LayerRoleBanners",
        LayerRole.LandUse => "LayerRoleLandUse",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// The other names a layer of a role goes by (图层别名), compared case-insensitively: the Chinese names a bureau gives
    /// its files (园区范围.shp, 生态保护红线.shp, 宗地.gdb) and the layer codes of the national 国土空间规划 database
    /// standard (STBHHX, YJJBNTBHTB, CZKFBJ) and of 地籍/报批 databases (ZD 宗地, PC 批次).
    /// </summary>
    public static IReadOnlyList<string> Aliases(LayerRole role) => role switch
    {
        LayerRole.Parks => ["园区", "园区范围", "园区四至范围", "园区边界", "开发区", "开发区范围", "开发区边界", "开发区四至范围", "产业园区", "工业园区", "KFQ", "KFQFW", "YQFW"],
        LayerRole.EcologicalRedline => ["生态保护红线", "生态红线", "STBHHX"],
        LayerRole.PermanentFarmland => ["永久基本农田", "永久基本农田保护图斑", "永久基本农田图斑", "基本农田", "YJJBNTBHTB", "YJJBNT"],
        LayerRole.UrbanBoundary => ["城镇开发边界", "CZKFBJ"],
        LayerRole.Approvals => ["批次", "建设用地批次", "批次范围", "报批", "建设用地报批", "PC", "PCFW", "JSYDPC"],
        LayerRole.Parcels => ["宗地", "宗地范围", "供地", "供地宗地", "地块", "ZD", "ZDFW"],
        LayerRole.Roads => ["道路", "道路管网"],
        LayerRole.WaterSupply => ["给水", "供水", "给水管网", "供水管网"],
        LayerRole.Drainage => ["排水", "雨水", "雨水管网", "排水管网"],
        LayerRole.Sewage => ["污水", "污水管网"],
        LayerRole.Power => ["供电", "电力", "电力线路", "供电线路"],
        LayerRole.Gas => ["燃气", "燃气管网", "天然气管网"],
        LayerRole.Heating => ["供热", "供热管网", "热力", "热力管网"],
        LayerRole.Telecom => ["通信", "电信", "通信管线", "通讯"],
        LayerRole.Steam => ["蒸汽", "蒸汽管网"],
        // An XZQ (行政区) layer is not taken for banners: its units may be towns, not 旗区.
        LayerRole.Banners => ["旗区", "旗县区", "旗区范围", "县级行政区"],
        LayerRole.LandUse => ["地类图斑", "DLTB", "land_use_survey"],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// Resolves a base name (case-insensitive, surrounding spaces ignored) to a role: the role name itself or one of
    /// its <see cref="Aliases"/>.
    /// </summary>
    public static bool TryParse(string baseName, out LayerRole role)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        var name = baseName.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(name, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        foreach (var candidate in All)
        {
            foreach (var alias in Aliases(candidate))
            {
                if (string.Equals(name, alias, StringComparison.OrdinalIgnoreCase))
                {
                    role = candidate;
                    return true;
                }
            }
        }

        role = default;
        return false;
    }
}
