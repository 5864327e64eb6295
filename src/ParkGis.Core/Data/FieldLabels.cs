using ParkGis.Core.Localization;

namespace ParkGis.Core.Data;

/// <summary>
/// What people call the fields ParkGis reads and writes (字段名称), with their unit: the one label table for the
/// report's popups and the headers of the Excel ledgers (台账). Chinese by default, English with <c>--lang en</c>;
/// a field not in the table is shown under its own name.
/// </summary>
public static class FieldLabels
{
    private static readonly (string Field, string Key, string? Unit)[] Table =
    [
        ("park_id", "FieldParkId", null),
        ("name", "FieldName", null),
        ("park_name", "FieldParkName", null),
        ("banner", "FieldBanner", null),
        ("level", "FieldLevel", null),
        ("blocks", "FieldBlocks", null),
        ("appr_ha", "FieldApprHa", "UnitHa"),
        ("block_ha", "FieldBlockHa", "UnitHa"),
        ("approved_area_ha", "FieldApprovedAreaHa", "UnitHa"),
        ("leading_industries", "FieldLeadingIndustries", null),
        ("levelled", "FieldLevelled", null),
        ("kind_zh", "FieldKindZh", null),
        ("status_zh", "FieldStatusZh", null),
        ("source_ids", "FieldSourceIds", null),
        ("analysis_crs", "FieldAnalysisCrs", null),
        ("batch_id", "FieldBatchId", null),
        ("batch_name", "FieldBatchName", null),
        ("approval_no", "FieldApprovalNo", null),
        ("approved_on", "FieldApprovedOn", null),
        ("supply_rate", "FieldSupplyRate", "UnitPercent"),
        ("approved_m2", "FieldApprovedM2", "UnitM2"),
        ("approved_ha", "FieldApprovedHa", "UnitHa"),
        ("approved_mu", "FieldApprovedMu", "UnitMu"),
        ("supplied_ha", "FieldSuppliedHa", "UnitHa"),
        ("supplied_mu", "FieldSuppliedMu", "UnitMu"),
        ("unsupplied_ha", "FieldUnsuppliedHa", "UnitHa"),
        ("unsupplied_m2", "FieldUnsuppliedM2", "UnitM2"),
        ("unsupplied_mu", "FieldUnsuppliedMu", "UnitMu"),
        ("as_of", "FieldAsOf", null),
        ("parcel_id", "FieldParcelId", null),
        ("supplied_on", "FieldSuppliedOn", null),
        ("supply_method", "FieldSupplyMethod", null),
        ("agreed_start", "FieldAgreedStart", null),
        ("actual_start", "FieldActualStart", null),
        ("developed_ratio", "FieldDevelopedRatio", "UnitPercent"),
        ("invested_ratio", "FieldInvestedRatio", "UnitPercent"),
        ("halted_since", "FieldHaltedSince", null),
        ("land_price_wan", "FieldLandPriceWan", "UnitWan"),
        ("government_cause", "FieldGovernmentCause", null),
        ("land_use", "FieldLandUse", null),
        ("industry", "FieldIndustry", null),
        ("enterprise", "FieldEnterprise", null),
        ("location", "FieldLocation", null),
        ("supervision_no", "FieldSupervisionNo", null),
        ("idle_status", "FieldIdleStatus", null),
        ("disposal", "FieldDisposal", null),
        ("status", "FieldStatus", null),
        ("cause", "FieldCause", null),
        ("disposal_article", "FieldDisposalArticle", null),
        ("idle_days", "FieldIdleDays", "UnitDays"),
        ("idle_fee_wan", "FieldIdleFeeWan", "UnitWan"),
        ("reclaim_eligible", "FieldReclaimEligible", null),
        ("redline_id", "FieldRedlineId", null),
        ("patch_id", "FieldPatchId", null),
        ("dlbm", "FieldDlbm", null),
        ("dlmc", "FieldDlmc", null),
        ("tbmj_mu", "FieldTbmjMu", "UnitMu"),
        ("udb_id", "FieldUdbId", null),
        ("id", "FieldId", null),
        ("fid", "FieldFid", null),
        ("missing", "FieldMissing", null),
        ("networks", "FieldNetworks", null),
        ("distance_m", "FieldDistanceM", "UnitM"),
        ("service_distance_m", "FieldServiceDistanceM", "UnitM"),
        ("utility_zh", "FieldUtility", null),
        ("floor_area_m2", "FieldFloorAreaM2", "UnitM2"),
        ("footprint_area_m2", "FieldFootprintAreaM2", "UnitM2"),
        ("yard_area_m2", "FieldYardAreaM2", "UnitM2"),
        ("admin_area_m2", "FieldAdminAreaM2", "UnitM2"),
        ("green_area_m2", "FieldGreenAreaM2", "UnitM2"),
        ("plot_ratio", "FieldPlotRatio", null),
        ("building_coefficient", "FieldBuildingCoefficient", "UnitPercent"),
        ("green_ratio", "FieldGreenRatio", "UnitPercent"),
        ("area_m2", "FieldAreaM2", "UnitM2"),
        ("area_ha", "FieldAreaHa", "UnitHa"),
        ("area_mu", "FieldAreaMu", "UnitMu"),
        ("severity", "FieldSeverity", null),
    ];

    /// <summary>Every field with a label, in table order.</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. Table.Select(t => t.Field)];

    /// <summary>The label of <paramref name="field"/> in the run's language, or null when the table has none.</summary>
    public static string? Label(string field) => Find(field) is { } entry ? Localized.Get(entry.Key) : null;

    /// <summary>The Chinese label of <paramref name="field"/> whatever the run's language (a ledger's header), or null.</summary>
    public static string? ChineseName(string field) => Find(field) is { } entry ? Localized.Chinese(entry.Key) : null;

    /// <summary>
    /// The header of a ledger column holding <paramref name="field"/> (台账表头): its Chinese label with the Chinese unit in
    /// brackets (<c>土地价款（万元）</c>, <c>面积（亩）</c>); a share has none, its cells show the percent sign.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no such field: a defect.</exception>
    public static string Header(string field)
    {
        var entry = Find(field) ?? throw new ArgumentException($"No label for the field '{field}'.", nameof(field));
        var label = Localized.Chinese(entry.Key);
        return entry.Unit is { } unit && unit != "UnitPercent" ? $"{label}（{Localized.Chinese(unit)}）" : label;
    }

    /// <summary>
    /// <paramref name="canonical"/> as a message names it: alone when the data uses that name, else with the source field
    /// that holds it in the run's language (<c>supplied_on（字段 supplied_o）</c>, <c>supplied_on (field supplied_o)</c>).
    /// </summary>
    public static string WithSource(string canonical, string source)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(source);
        return string.Equals(source, canonical, StringComparison.Ordinal) ? canonical : Localized.Format("FieldUnderSourceName", canonical, source);
    }

    /// <summary>The unit of <paramref name="field"/>'s values in the run's language (公顷, %), or null.</summary>
    public static string? Unit(string field) => Find(field) is { Unit: { } unit } ? Localized.Get(unit) : null;

    private static (string Field, string Key, string? Unit)? Find(string field)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Field, field, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }
}
