namespace ParkGis.Core.Intensity;

/// <summary>One 标准地 indicator checked on one parcel: measured value against the threshold.</summary>
/// <param name="Indicator">snake_case name (<c>building_coefficient</c>).</param>
/// <param name="ChineseName">Chinese name (建筑系数).</param>
/// <param name="Measured">The parcel's value, or null when its inputs are missing (then not checked).</param>
/// <param name="Threshold">The threshold, or null when none is configured (then not checked).</param>
/// <param name="Comparison"><c>&gt;=</c> (a minimum) or <c>&lt;=</c> (a maximum).</param>
/// <param name="Passed">true or false; null when it could not be decided.</param>
/// <param name="Note">Why <paramref name="Passed"/> is null: <c>not_configured</c>, <c>missing_value</c>, or
/// <c>may_pass_8m_rule</c> (容积率 under the minimum but at least half of it: floors over 8 m count twice).</param>
/// <param name="Required">A control indicator every industrial parcel must meet (the verdict is incomplete without it).</param>
public sealed record StandardLandCheck(string Indicator, string ChineseName, double? Measured, double? Threshold, string Comparison, bool? Passed, string? Note = null, bool Required = false)
{
    /// <summary>Note of a check whose threshold is not configured.</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>Note of a check whose value is missing.</summary>
    public const string MissingValue = "missing_value";

    /// <summary>Note of a 容积率 the 8 m rule could lift over the minimum.</summary>
    public const string MayPassEightMetreRule = "may_pass_8m_rule";
}
