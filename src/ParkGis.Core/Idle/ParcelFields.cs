namespace ParkGis.Core.Idle;

/// <summary>
/// Canonical names of the parcel fields (宗地属性) the supply and idle-land rules read; parkgis.json maps them to
/// the names a dataset uses.
/// </summary>
public static class ParcelFields
{
    /// <summary>宗地编号.</summary>
    public const string ParcelId = "parcel_id";

    /// <summary>所属园区; empty = assigned spatially.</summary>
    public const string ParkId = "park_id";

    /// <summary>供地日期; empty = not supplied.</summary>
    public const string SuppliedOn = "supplied_on";

    /// <summary>供地方式 (出让 / 划拨).</summary>
    public const string SupplyMethod = "supply_method";

    /// <summary>约定动工日期.</summary>
    public const string AgreedStart = "agreed_start";

    /// <summary>实际动工日期; empty = not started.</summary>
    public const string ActualStart = "actual_start";

    /// <summary>已开发面积占应开发面积比例 (0–1).</summary>
    public const string DevelopedRatio = "developed_ratio";

    /// <summary>已投资额占总投资额比例 (0–1).</summary>
    public const string InvestedRatio = "invested_ratio";

    /// <summary>停工日期; empty = not halted.</summary>
    public const string HaltedSince = "halted_since";

    /// <summary>土地价款 (万元).</summary>
    public const string LandPriceWan = "land_price_wan";

    /// <summary>政府原因 (Art. 8); empty = none.</summary>
    public const string GovernmentCause = "government_cause";
}
