namespace ParkGis.Core.Intensity;

/// <summary>One park indicator of 开发区土地集约利用评价, with its value or the plain reason it was not computed.</summary>
/// <param name="Code">snake_case name (<c>industrial_building_coefficient</c>).</param>
/// <param name="ChineseName">Chinese name (工业用地建筑系数).</param>
/// <param name="Value">The value (shares as fractions), or null when not computed.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> (<c>ratio</c>, <c>万元/公顷</c>).</param>
/// <param name="NotComputedReason">Why it was not computed and which field or layer was missing; null when computed.</param>
public sealed record IntensityIndicator(string Code, string ChineseName, double? Value, string Unit, string? NotComputedReason);
