namespace ParkGis.Core.Idle;

/// <summary>
/// The dated facts of one parcel (宗地) the idle-land rule reads. A value that was present but unreadable is
/// null here and its canonical field name is in <see cref="UnreadableFields"/>, so the rule can tell "empty"
/// (meaningful: not supplied, not started) from "unreadable" (status unknown).
/// </summary>
/// <param name="ParcelId">The parcel id.</param>
/// <param name="SuppliedOn">供地日期; null when empty (not supplied).</param>
/// <param name="AgreedStart">约定动工日期.</param>
/// <param name="ActualStart">实际动工日期; null when empty (not started).</param>
/// <param name="HaltedSince">停工日期; null when empty (not halted).</param>
/// <param name="DevelopedRatio">已开发面积比例, 0–1.</param>
/// <param name="InvestedRatio">已投资额比例, 0–1.</param>
/// <param name="LandPriceWan">土地价款 in 万元.</param>
/// <param name="GovernmentCause">政府原因 (Art. 8); null when empty.</param>
/// <param name="UnreadableFields">Canonical names of the fields that held an unreadable value.</param>
public sealed record ParcelLifecycle(
    string ParcelId,
    DateOnly? SuppliedOn,
    DateOnly? AgreedStart,
    DateOnly? ActualStart,
    DateOnly? HaltedSince,
    double? DevelopedRatio,
    double? InvestedRatio,
    double? LandPriceWan,
    string? GovernmentCause,
    IReadOnlySet<string> UnreadableFields)
{
    /// <summary>A parcel with no facts yet, for building test cases with <c>with</c>.</summary>
    public static ParcelLifecycle Empty(string parcelId) =>
        new(parcelId, null, null, null, null, null, null, null, null, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>True when <paramref name="field"/> held a value that could not be read.</summary>
    public bool IsUnreadable(string field) => UnreadableFields.Contains(field);
}
