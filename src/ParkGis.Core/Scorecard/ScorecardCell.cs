namespace ParkGis.Core.Scorecard;

/// <summary>One indicator of one park on the scorecard.</summary>
/// <param name="Indicator">The indicator key.</param>
/// <param name="Value">The value, or null when not computable.</param>
/// <param name="Score">Points 0–100 under the rule, or null when not computable or not scored (weight 0).</param>
/// <param name="Weight">The rule's weight (0 when the rules do not score it).</param>
/// <param name="EffectiveWeight">The weight's share of the park's composite after renormalisation over the computable indicators (0–1).</param>
/// <param name="Missing">When not computable: the data that was missing.</param>
public sealed record ScorecardCell(string Indicator, double? Value, double? Score, double Weight, double EffectiveWeight, string? Missing);
