namespace ParkGis.Bench;

/// <summary>
/// What the generator says about a park besides its shape: id (1–10), name, 旗区, level, leading industries
/// (主导产业), levelled land (一平: 是/否/unknown) and which utility networks it has (<see cref="UtilityNetworkGenerator"/>).
/// </summary>
internal sealed record SyntheticPark(int ParkId, string Name, string Banner, string Level, IReadOnlyList<string> LeadingIndustries, string? Levelled)
{
    /// <summary>The ten parks (park 10 is the three-part MultiPolygon): two pairs share a banner.</summary>
    public static IReadOnlyList<SyntheticPark> All { get; } =
    [
        new(1, "鄂尔多斯高新技术产业开发区", "康巴什区", "国家级", ["电子信息", "新材料", "装备制造"], "是"),
        new(2, "准格尔经济开发区", "准格尔旗", "国家级", ["煤化工", "新材料"], "是"),
        new(3, "达拉特经济开发区", "达拉特旗", "自治区级", ["光伏", "现代煤化工"], "是"),
        new(4, "鄂托克经济开发区", "鄂托克旗", "自治区级", ["煤化工", "冶金"], "否"),
        new(5, "杭锦经济开发区", "杭锦旗", "自治区级", ["天然气化工", "新材料"], "是"),
        new(6, "伊金霍洛工业园区", "伊金霍洛旗", "自治区级", ["装备制造", "氢能"], "是"),
        new(7, "乌审工业园区", "乌审旗", "自治区级", ["天然气化工", "现代煤化工"], null),
        new(8, "鄂托克前旗上海庙经济开发区", "鄂托克前旗", "自治区级", ["煤化工", "光伏"], null),
        new(9, "康巴什产业园", "康巴什区", "自治区级", ["电子信息", "生物医药"], "是"),
        new(10, "大路工业园区", "达拉特旗", "自治区级", ["煤化工", "新材料", "氢能"], null),
    ];

    /// <summary>Industries of enterprises outside a park's leading list.</summary>
    public static IReadOnlyList<string> OtherIndustries { get; } = ["物流", "公用设施", "装备制造", "新材料", "煤炭开采", "冶金", "光伏"];
}
