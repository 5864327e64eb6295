namespace ParkGis.IO.Excel;

/// <summary>
/// Canonical names of the source fields the ledgers copy from the dataset (台账字段); their Chinese and
/// standard-code names are in <see cref="Core.Data.FieldAliases"/>.
/// </summary>
public static class LedgerFields
{
    /// <summary>用地单位 (parcels).</summary>
    public const string Enterprise = "enterprise";

    /// <summary>坐落 (parcels).</summary>
    public const string Location = "location";

    /// <summary>用途 (parcels).</summary>
    public const string LandUse = "land_use";

    /// <summary>批次名称 (approvals).</summary>
    public const string BatchName = "batch_name";

    /// <summary>电子监管号 (approvals, parcels).</summary>
    public const string SupervisionNo = "supervision_no";

    /// <summary>认定状态 the bureau recorded (parcels).</summary>
    public const string RecordedStatus = "idle_status";

    /// <summary>处置方式 the bureau recorded (parcels).</summary>
    public const string RecordedDisposal = "disposal";
}
