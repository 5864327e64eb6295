namespace ParkGis.Core.Scorecard;

/// <summary>
/// One input of the scorecard: the value of one indicator for one park, or why it could not be computed. This is
/// the seam every analysis feeds (conflicts, supply, idle land, intensity, leading industry, infrastructure).
/// </summary>
/// <param name="ParkId">The park id.</param>
/// <param name="Indicator">The indicator key (<see cref="ScorecardIndicators"/>).</param>
/// <param name="Value">The value, or null when not computable.</param>
/// <param name="Missing">When not computable: the data that was missing, as a user can act on it.</param>
public sealed record ParkIndicatorValue(string ParkId, string Indicator, double? Value, string? Missing)
{
    /// <summary>A computed value.</summary>
    public static ParkIndicatorValue Computed(string parkId, string indicator, double value) => new(parkId, indicator, value, null);

    /// <summary>A value that could not be computed for want of <paramref name="missing"/>.</summary>
    public static ParkIndicatorValue NotComputable(string parkId, string indicator, string missing) => new(parkId, indicator, null, missing);
}
