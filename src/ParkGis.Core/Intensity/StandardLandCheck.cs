namespace ParkGis.Core.Intensity;

/// <summary>One 标准地 indicator checked on one parcel: measured value against the threshold.</summary>
/// <param name="Indicator">snake_case name (<c>building_coefficient</c>).</param>
/// <param name="ChineseName">Chinese name (建筑系数).</param>
/// <param name="Measured">The parcel's value, or null when its inputs are missing (then not checked).</param>
/// <param name="Threshold">The threshold.</param>
/// <param name="Comparison"><c>&gt;=</c> (a minimum) or <c>&lt;=</c> (a maximum).</param>
/// <param name="Passed">true or false; null when not checked for lack of data.</param>
public sealed record StandardLandCheck(string Indicator, string ChineseName, double? Measured, double Threshold, string Comparison, bool? Passed);
