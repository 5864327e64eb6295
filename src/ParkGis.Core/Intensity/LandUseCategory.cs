namespace ParkGis.Core.Intensity;

/// <summary>What a land-use code means for the efficiency indicators, whichever code list it came from.</summary>
public enum LandUseCategory
{
    /// <summary>No code, or a code the list does not know.</summary>
    Unknown,

    /// <summary>Industrial land — 工业用地 (用地用海 1001xx, 三调 0601).</summary>
    Industrial,

    /// <summary>Mining land — 采矿用地 (用地用海 1002, 三调 0602).</summary>
    Mining,

    /// <summary>Logistics and storage land — 物流仓储用地 (用地用海 1101/1102, 三调 0508).</summary>
    Logistics,

    /// <summary>Public utility land — 公用设施用地 (用地用海 13xx, 三调 0809): water, power, gas, heat, waste.</summary>
    Utility,

    /// <summary>Any other known code (roads, green space, housing …).</summary>
    Other,
}
